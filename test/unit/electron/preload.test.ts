import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../../services/operations';

// The real electron module cannot load here; the preload only needs these two.
const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
}));

describe('the preload', () => {
  beforeEach(async () => {
    exposed.clear();
    vi.resetModules();
    await import('../../../electron/preload');
  });

  it('exposes only window.desk', () => {
    expect([...exposed.keys()]).toEqual(['desk']);
  });

  it('window.desk holds exactly one function per contract operation, frozen', () => {
    const desk = exposed.get('desk') as Record<string, unknown>;
    expect(Object.keys(desk).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const name of OPERATION_NAMES) expect(typeof desk[name]).toBe('function');
    expect(Object.isFrozen(desk)).toBe(true);
    expect('ipcRenderer' in desk || 'invoke' in desk || 'send' in desk).toBe(false);
  });

  it('each function invokes its own channel with the input', async () => {
    const desk = exposed.get('desk') as Record<string, (input: unknown) => Promise<unknown>>;
    await expect(desk.updateProject!({ id: 1 })).resolves.toEqual({ ok: true, value: { channel: 'desk:updateProject', input: { id: 1 } } });
  });
});
