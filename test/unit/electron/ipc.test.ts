import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers, type IpcMainLike } from '../../../electron/ipc';
import { isTrustedSender, type SenderEvent } from '../../../electron/sender';
import type { Envelope, Services } from '../../../services/contract';
import { OPERATION_NAMES, channelFor } from '../../../services/operations';
import { ipcEvent } from '../../helpers/fake-electron';

type Handler = (event: SenderEvent, input: unknown) => Promise<Envelope<unknown>>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const services = Object.fromEntries(OPERATION_NAMES.map((n) => [n, vi.fn(() => [])])) as unknown as Services;
  const trustedId = 1;
  registerIpcHandlers(ipcMain, services, (event) => isTrustedSender(event, () => trustedId));
  return { handlers, services };
}

const fromApp = ipcEvent({ url: 'app://desk/index.html' });

describe('IPC handlers', () => {
  it('registers exactly one channel per contract operation', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelFor).sort());
  });

  it('answers the app window with the service value', async () => {
    const { handlers, services } = setup();
    expect(await handlers.get('desk:listProjects')!(fromApp, {})).toEqual({ ok: true, value: [] });
    expect(services.listProjects).toHaveBeenCalledOnce();
  });

  it.each([
    ['a subframe', ipcEvent({ url: 'app://desk/index.html', subframe: true })],
    ['another window', ipcEvent({ url: 'app://desk/index.html', contentsId: 2 })],
    ['a page that navigated away', ipcEvent({ url: 'https://example.org/' })],
    ['a file:// page', ipcEvent({ url: 'file:///tmp/evil.html' })],
    ['a destroyed frame', ipcEvent({ url: 'app://desk/index.html', noFrame: true })],
  ])('refuses %s with an envelope and never calls the service', async (_label, event) => {
    const { handlers, services } = setup();
    const result = await handlers.get('desk:listProjects')!(event, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(services.listProjects).not.toHaveBeenCalled();
  });

  it('refuses input that fails the schema and never calls the service', async () => {
    const { handlers, services } = setup();
    const result = await handlers.get('desk:createProject')!(fromApp, { name: 42, level: 'sandbox' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(services.createProject).not.toHaveBeenCalled();
  });

  it('has no handler for channels outside the contract', () => {
    const { handlers } = setup();
    for (const channel of ['desk:exec', 'desk:__proto__', 'listProjects', 'ELECTRON_BROWSER_REQUIRE']) {
      expect(handlers.has(channel)).toBe(false);
    }
  });
});
