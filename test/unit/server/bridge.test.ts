import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BRIDGE_PATH, SOCKET_PATH, bridgeScript } from '../../../server/bridge';
import { OPERATION_NAMES } from '../../../services/operations';

/** A page for the bridge to run in: a location, a history, and WebSockets that record what they send. */
function page(hash = '') {
  const sent: string[] = [];
  const sockets: FakeSocket[] = [];
  class FakeSocket {
    static OPEN = 1;
    readyState = 1;
    calls?: Map<number, unknown>;
    onmessage?: (event: { data: string }) => void;
    onclose?: () => void;
    constructor(readonly url: string) {
      sockets.push(this);
    }
    send(message: string) {
      sent.push(message);
    }
    addEventListener() {}
  }
  const location = { origin: 'http://127.0.0.1:5000', pathname: '/', hash };
  const listeners: Record<string, () => void> = {};
  const window: Record<string, unknown> = { addEventListener: (name: string, fn: () => void) => (listeners[name] = fn) };
  const history = {
    replaceState: (_state: unknown, _title: string, url: string) => {
      location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
    },
  };
  const context = vm.createContext({ window, location, history, WebSocket: FakeSocket, Blob, JSON, Map, Promise, Object, Math });
  return { context, window, location, sent, sockets, listeners };
}

describe('the bridge: window.desk in the browser', () => {
  it('exposes exactly one function per operation, frozen, over the same-origin socket', async () => {
    const { context, window, sent, sockets } = page();
    vm.runInContext(bridgeScript(1024), context);
    const desk = window.desk as Record<string, (input?: unknown) => Promise<unknown>>;
    expect(Object.keys(desk).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.isFrozen(desk)).toBe(true);
    const answer = desk.listProjects!({});
    expect(sockets[0]!.url).toBe(`ws://127.0.0.1:5000${SOCKET_PATH}`);
    expect(JSON.parse(sent[0]!)).toEqual({ id: 1, name: 'listProjects', input: {} });
    sockets[0]!.onmessage!({ data: JSON.stringify({ id: 1, envelope: { ok: true, value: [] } }) });
    await expect(answer).resolves.toEqual({ ok: true, value: [] });
    expect(BRIDGE_PATH.startsWith('/__desk/')).toBe(true);
  });

  it('refuses a call larger than the server takes before sending it, in plain words', async () => {
    const { context, window, sent } = page();
    vm.runInContext(bridgeScript(1024), context);
    const desk = window.desk as Record<string, (input?: unknown) => Promise<unknown>>;
    const answer = await desk.importArchive!({ fileName: 'a.json', text: 'x'.repeat(2000) });
    expect(answer).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/too large .*Nothing was saved\.$/) } });
    expect(sent).toEqual([]);
  });

  it('rejects the calls in flight when the socket closes, as IPC does when the main process is gone', async () => {
    const { context, window, sockets } = page();
    vm.runInContext(bridgeScript(1024), context);
    const answer = (window.desk as Record<string, (input?: unknown) => Promise<unknown>>).appInfo!();
    sockets[0]!.onclose!();
    await expect(answer).rejects.toThrow('The connection to Adoption Desk closed.');
  });

  it('takes the launch secret out of the address, on load and when it is pasted in', () => {
    const { context, location, listeners } = page('#key=abc123#/p/1');
    vm.runInContext(bridgeScript(1024), context);
    expect(location.hash).toBe('#/p/1');
    location.hash = '#key=abc123';
    listeners.hashchange!();
    expect(location.hash).toBe('#/');
  });
});
