import { OPERATION_NAMES } from '../../../services/operations';

/** Where the bridge sends calls: the harness's own origin, so connect-src 'self' allows it. */
export const SOCKET_PATH = '/__desk/socket';

/**
 * The browser twin of electron/preload.ts: `window.desk` with one function per
 * contract operation, answered by the harness instead of over IPC. Served as a
 * same-origin script, so the app's strict CSP stays exactly as shipped.
 *
 * Calls travel over one WebSocket, each with an id its answer carries back: a round trip
 * costs about what an IPC call costs (~1 ms), where a fetch per call cost ~8 ms in
 * Chromium — a harness figure that hid the app's own latency in the benchmarks. Like
 * ipcRenderer.invoke when the main process is gone, a call rejects when the socket
 * closes or cannot open; the next call tries to connect again, so the app sees the back
 * end return (the "Not saved" → saved test stops and restarts the server).
 */
export function bridgeScript(): string {
  return `(() => {
  const names = ${JSON.stringify(OPERATION_NAMES)};
  const url = location.origin.replace(/^http/, 'ws') + ${JSON.stringify(SOCKET_PATH)};
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
      for (const { reject } of pending.values()) reject(new Error('The harness connection closed.'));
      pending.clear();
    };
    socket = s;
    return s;
  };
  const send = (name, input) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const message = JSON.stringify({ id, name, input: input === undefined ? {} : input });
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
