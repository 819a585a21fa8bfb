import { OPERATION_NAMES } from '../../../services/operations';

/**
 * The browser twin of electron/preload.ts: `window.desk` with one function per
 * contract operation, answered over HTTP by the harness instead of over IPC.
 * Served as a same-origin script, so the app's strict CSP stays exactly as shipped.
 */
export function bridgeScript(): string {
  return `(() => {
  const names = ${JSON.stringify(OPERATION_NAMES)};
  const api = {};
  for (const name of names) {
    api[name] = (input) =>
      fetch('/__desk/call/' + name, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input),
      }).then((response) => response.json());
  }
  Object.defineProperty(window, 'desk', { value: Object.freeze(api), enumerable: true });
})();
`;
}
