import { BrowserWindow, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import path from 'node:path';
import { DeskError } from '../domain/errors';
import { DATABASE_FILE, resolveDataDir } from '../services/data-location';
import { openDesk, type Desk } from '../services/desk';
import { acquireInstanceLock, type InstanceLock } from '../services/instance-lock';
import { createAppProtocolHandler } from './app-protocol';
import { APP_ENTRY_URL, APP_SCHEME } from './app-url';
import { registerIpcHandlers } from './ipc';
import { LEAVE_QUESTION, askBeforeLeavingUnsaved } from './leave-guard';
import { nativeBindingForElectron } from './native-binding';
import { denyAllPermissions, hardenWebContents } from './security';
import { isTrustedSender } from './sender';
import { mainWindowOptions } from './window-options';

// Must happen before `ready`: makes app:// a standard, secure origin so 'self' in the CSP means it.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

let mainWindow: BrowserWindow | undefined;
let desk: Desk | undefined;
let lock: InstanceLock | undefined;

function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, '../preload/index.js')));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = undefined;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function failAndQuit(error: unknown): void {
  const message = error instanceof DeskError ? error.message : 'Adoption Desk could not start. The details are in the log.';
  if (!(error instanceof DeskError)) console.error(error);
  dialog.showErrorBox('Adoption Desk', message);
  // app.exit skips will-quit.
  lock?.release();
  app.exit(1);
}

// The data folder doubles as Electron's userData, so the single-instance lock is per data
// folder: a second launch on the same data focuses the first window instead of opening
// the database twice, while a test run with its own --data-dir stays independent.
const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
app.setPath('userData', dataDir);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, shell);
    askBeforeLeavingUnsaved(contents, () => {
      const window = BrowserWindow.fromWebContents(contents);
      return window ? dialog.showMessageBoxSync(window, LEAVE_QUESTION) : dialog.showMessageBoxSync(LEAVE_QUESTION);
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    desk?.close();
    lock?.release();
  });

  void app.whenReady().then(() => {
    try {
      // One Adoption Desk per database, whichever way it is opened: `adoption-desk serve` on the
      // same data is refused here (and this window refuses it) with a sentence that names the other.
      lock = acquireInstanceLock(path.join(dataDir, DATABASE_FILE), { program: 'desktop app' });
      // Recovery mode: a damaged database still opens the window, so Settings → Backups can restore one.
      desk = openDesk(path.join(dataDir, DATABASE_FILE), { nativeBinding: nativeBindingForElectron(app.isPackaged), recover: true, laterDailyBackup: true });
    } catch (error) {
      failAndQuit(error);
      return;
    }
    const problem = desk.failure?.message ?? (desk.warnings.length ? desk.warnings.join('\n') : null);
    if (problem) dialog.showErrorBox('Adoption Desk', problem);
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, '../renderer')));
    registerIpcHandlers(ipcMain, desk.services, (event) => isTrustedSender(event, () => mainWindow?.webContents.id));
    mainWindow = createMainWindow();
    // The day's automatic backup waits until the first screen is loaded, then runs in short steps
    // (db/daily-backup.ts); a failure is shown in the window, which asks for it (dailyBackupNotice).
    const opened = desk;
    mainWindow.webContents.once('did-finish-load', () => void opened.startDailyBackup());
  });
}
