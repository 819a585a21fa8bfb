import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackupFiles } from '../../../db/backups';
import { openDesk } from '../../../services/desk';
import { acquireInstanceLock, type InstanceLock } from '../../../services/instance-lock';
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
  const pageListeners = new Map<string, () => void>();
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
      webContents = { id: 7, once: (name: string, fn: () => void) => pageListeners.set(name, fn) };
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
  return { fake, calls, appListeners, windows, handled, paths, pageListeners };
}

const argv = process.argv;
afterEach(() => {
  process.argv = argv;
  vi.resetModules();
  vi.doUnmock('electron');
});

async function loadMain(gotLock: boolean, before: (dataDir: string) => void = () => {}) {
  const dataDir = path.join(tempDir(), 'data');
  before(dataDir);
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

  it('takes the data’s instance lock as the desktop app, and frees it on quit', async () => {
    const { appListeners, dataDir } = await loadMain(true);
    const lockFile = path.join(dataDir, 'adoption-desk.sqlite.lock');
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ program: 'desktop app', pid: process.pid });
    appListeners.get('will-quit')!();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('refuses to open data that `adoption-desk serve` has open, naming it, and opens nothing', async () => {
    let serving: InstanceLock | undefined;
    const { fake, windows, dataDir } = await loadMain(true, (dir) => {
      serving = acquireInstanceLock(path.join(dir, 'adoption-desk.sqlite'), { program: 'serve', url: 'http://127.0.0.1:5000/' });
    });
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Adoption Desk', expect.stringContaining('served by `adoption-desk serve`'));
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Adoption Desk', expect.stringContaining('at http://127.0.0.1:5000/'));
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(windows).toHaveLength(0);
    expect(fs.existsSync(path.join(dataDir, 'adoption-desk.sqlite'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(serving!.file, 'utf8')).program).toBe('serve');
  });

  it('writes the day’s automatic backup only once the window has loaded the first screen', async () => {
    const { pageListeners, appListeners, dataDir } = await loadMain(true, (dir) => {
      // Data from an earlier start, with no backup of today yet.
      const desk = openDesk(path.join(dir, 'adoption-desk.sqlite'), { autoBackup: false });
      void desk.services.createProject({ name: 'Globex Mesh', level: 'incubation' });
      desk.close();
    });
    const dailies = () => listBackupFiles(path.join(dataDir, 'adoption-desk.sqlite')).filter((b) => b.reason === 'daily');
    expect(dailies()).toEqual([]);
    pageListeners.get('did-finish-load')!();
    for (let i = 0; i < 200 && dailies().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(dailies()).toHaveLength(1);
    appListeners.get('will-quit')!();
  });

  it('asks before a window with an unsaved edit closes', async () => {
    const { appListeners } = await loadMain(true);
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    appListeners.get('web-contents-created')!({}, contents);
    expect(contents.on).toHaveBeenCalledWith('will-prevent-unload', expect.any(Function));
  });

  it('a second instance quits at once and opens nothing', async () => {
    const { fake, windows, calls, dataDir } = await loadMain(false);
    expect(fake.app.quit).toHaveBeenCalled();
    expect(windows).toHaveLength(0);
    expect(calls).not.toContain('protocol.handle app');
    expect(fs.existsSync(path.join(dataDir, 'adoption-desk.sqlite'))).toBe(false);
  });
});
