/**
 * What a browser without the session cookie gets at "/": a page with no data that trades the
 * launch secret in the address's fragment for the cookie (server/access.ts), takes the secret
 * out of the address bar and the history, and loads the app. Opened without the secret, or
 * with a spent one, it says how to get in. A script file of its own: the CSP allows no inline
 * script, here as in the app.
 */

export const UNLOCK_SCRIPT_PATH = '/__desk/unlock.js';
export const UNLOCK_STYLE_PATH = '/__desk/unlock.css';
export const SESSION_PATH = '/__desk/session';
/** The app's icon, shown on the sign-in page too: without one the browser asks for /favicon.ico. */
export const ICON_PATH = '/icon.svg';

export const UNLOCK_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>Adoption Desk</title>
    <link rel="icon" href="${ICON_PATH}" type="image/svg+xml" />
    <link rel="stylesheet" href="${UNLOCK_STYLE_PATH}" />
  </head>
  <body>
    <main>
      <h1>Adoption Desk</h1>
      <p id="status">Open Adoption Desk with the address that <code>adoption-desk serve</code> printed in its terminal:
      it ends in <code>#key=</code> and a long key, and it works once, in one browser.</p>
      <p class="hint">Already opened it? Use that tab. To open the app in another browser, stop <code>adoption-desk serve</code>
      with Ctrl+C and start it again for a new address.</p>
    </main>
    <script src="${UNLOCK_SCRIPT_PATH}"></script>
  </body>
</html>
`;

export const UNLOCK_SCRIPT = `(() => {
  const match = /^#key=([A-Za-z0-9_-]+)(#.*)?$/.exec(location.hash);
  if (!match) return;
  const say = (text) => { document.getElementById('status').textContent = text; };
  history.replaceState(null, '', location.pathname);
  say('Opening Adoption Desk…');
  fetch(${JSON.stringify(SESSION_PATH)}, { method: 'POST', body: match[1], credentials: 'same-origin', cache: 'no-store' }).then(
    (response) => {
      if (!response.ok) return say('This address was already used, or it is from an earlier start of adoption-desk serve.');
      // Only the fragment differs from the address now shown, so a plain navigation would not load the page.
      history.replaceState(null, '', '/' + (match[2] || '#/'));
      location.reload();
    },
    () => say('Adoption Desk is not answering: is adoption-desk serve still running in its terminal?'),
  );
})();
`;

export const UNLOCK_STYLE = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 3rem 1.5rem; }
main { max-width: 36rem; margin: 0 auto; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
.hint { opacity: 0.75; }
`;
