import { OPERATION_NAMES } from '../services/operations';

/** Where the page's calls go: the server's own origin, so connect-src 'self' allows it. */
export const SOCKET_PATH = '/__desk/socket';
export const BRIDGE_PATH = '/__desk/bridge.js';

/**
 * The browser twin of electron/preload.ts: `window.desk` with one function per contract
 * operation, frozen, answered by the server over one same-origin WebSocket instead of IPC.
 * Served as a script of its own, so the app's strict CSP stays exactly as shipped.
 *
 * Each call carries an id its answer carries back: a round trip costs about what an IPC call
 * costs (~1 ms), where a fetch per call costs ~8 ms in Chromium. Like ipcRenderer.invoke when
 * the main process is gone, a call rejects when the socket closes or cannot open; the next
 * call connects again, so the app sees the server come back. A call larger than the server
 * takes is refused here with a plain message, before it is sent.
 *
 * It also takes the launch secret out of the address bar when the page is opened (or its
 * address pasted in) while already signed in (server/unlock.ts trades it otherwise).
 */
export function bridgeScript(maxCallBytes: number): string {
  return `(() => {
  // Before the app's own listener: the router then reads the address without the key.
  const dropKey = () => {
    if (/^#key=/.test(location.hash)) history.replaceState(null, '', location.pathname + (location.hash.replace(/^#key=[^#]*/, '') || '#/'));
  };
  dropKey();
  window.addEventListener('hashchange', dropKey);
  const names = ${JSON.stringify(OPERATION_NAMES)};
  const url = location.origin.replace(/^http/, 'ws') + ${JSON.stringify(SOCKET_PATH)};
  const maxBytes = ${maxCallBytes};
  let socket = null;
  let nextId = 1;
  // Each socket answers (or fails) only the calls sent on it: a closing old socket must not
  // fail the calls a new one has taken meanwhile.
  const connect = () => {
    if (socket && socket.readyState <= WebSocket.OPEN) return socket;
    const s = new WebSocket(url);
    const pending = new Map();
    s.calls = pending;
    s.onmessage = (event) => {
      const answer = JSON.parse(event.data);
      const call = pending.get(answer.id);
      if (!call) return;
      pending.delete(answer.id);
      call.resolve(answer.envelope);
    };
    s.onclose = () => {
      if (socket === s) socket = null;
      for (const { reject } of pending.values()) reject(new Error('The connection to Adoption Desk closed.'));
      pending.clear();
    };
    socket = s;
    return s;
  };
  const tooLarge = (message) => message.length * 3 > maxBytes && new Blob([message]).size > maxBytes;
  const send = (name, input) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const message = JSON.stringify({ id, name, input: input === undefined ? {} : input });
      if (tooLarge(message)) {
        resolve({ ok: false, error: { code: 'VALIDATION', message: 'This is too large for Adoption Desk to take in one go (over ' + Math.floor(maxBytes / 1048576) + ' MB). Nothing was saved.' } });
        return;
      }
      const s = connect();
      s.calls.set(id, { resolve, reject });
      if (s.readyState === WebSocket.OPEN) s.send(message);
      else s.addEventListener('open', () => s.send(message), { once: true });
    });
  const api = {};
  for (const name of names) api[name] = (input) => send(name, input);
  Object.defineProperty(window, 'desk', { value: Object.freeze(api), enumerable: true });
})();
`;
}
