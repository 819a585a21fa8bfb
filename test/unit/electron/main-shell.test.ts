import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The thin Electron shell, wired against a recording stand-in of the electron module:
 * proves the order and the options it uses without the Electron binary.
 */
function fakeElectron(options: { gotLock: boolean; userData: string }) {
  const calls: string[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const paths = new Map([['userData', options.userData]]);
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  const handled: string[] = [];
  const fake = {
    app: {
      getPath: (name: string) => paths.get(name)!,
      setPath: (name: string, value: string) => {
        calls.push(`setPath ${name}`);
        paths.set(name, value);
      },
      requestSingleInstanceLock: () => {
        calls.push('lock');
        return options.gotLock;
      },
      quit: vi.fn(() => calls.push('quit')),
      exit: vi.fn(),
      isPackaged: false,
      on: (name: string, fn: (...args: unknown[]) => void) => appListeners.set(name, fn),
      whenReady: () => Promise.resolve(),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemes')),
      handle: vi.fn((scheme: string) => calls.push(`protocol.handle ${scheme}`)),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    ipcMain: { handle: (channel: string) => handled.push(channel) },
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn() },
    BrowserWindow: class {
      webContents = { id: 7 };
      constructor(o: Record<string, unknown>) {
        windows.push({ options: o });
      }
      once() {}
      on() {}
      loadURL(url: string) {
        windows[windows.length - 1]!.url = url;
        return Promise.resolve();
      }
    },
  };
  return { fake, calls, appListeners, windows, handled, paths };
}

const argv = process.argv;
afterEach(() => {
  process.argv = argv;
  vi.resetModules();
  vi.doUnmock('electron');
});

async function loadMain(gotLock: boolean) {
  const dataDir = path.join(tempDir(), 'data');
  const electron = fakeElectron({ gotLock, userData: path.join(tempDir(), 'userData') });
  vi.doMock('electron', () => electron.fake);
  process.argv = ['electron', '.', '--data-dir', dataDir];
  await import('../../../electron/main');
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { ...electron, dataDir };
}

describe('the Electron main process', () => {
  it('registers app:// as a secure standard scheme before anything else', async () => {
    const { fake, calls } = await loadMain(true);
    expect(calls[0]).toBe('registerSchemes');
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
  });

  it('uses --data-dir as userData and keeps the database there', async () => {
    const { paths, dataDir } = await loadMain(true);
    expect(paths.get('userData')).toBe(dataDir);
    expect(fs.existsSync(path.join(dataDir, 'adoption-desk.sqlite'))).toBe(true);
  });

  it('opens one secure window on the app protocol with handlers for every operation', async () => {
    const { fake, windows, handled } = await loadMain(true);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.url).toBe('app://desk/index.html');
    expect(windows[0]!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(handled).toContain('desk:createProject');
  });

  it('hardens every web contents the app creates', async () => {
    const { appListeners } = await loadMain(true);
    expect(appListeners.has('web-contents-created')).toBe(true);
  });

  it('a second instance quits at once and opens nothing', async () => {
    const { fake, windows, calls, dataDir } = await loadMain(false);
    expect(fake.app.quit).toHaveBeenCalled();
    expect(windows).toHaveLength(0);
    expect(calls).not.toContain('protocol.handle app');
    expect(fs.existsSync(path.join(dataDir, 'adoption-desk.sqlite'))).toBe(false);
  });
});
