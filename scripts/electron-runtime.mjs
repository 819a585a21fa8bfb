// The Electron runtime for `npm start`. The electron package has no install script (npm ci
// never downloads it); the binary is fetched the first time it is needed. We check for it
// and fetch it ourselves, rather than require('electron'), because that require downloads
// without a time limit and fails with a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { describeFailure, runQuietly } from './quiet-run.mjs';

/** Long enough to fetch Electron on a fair connection, short enough that offline is quick. */
export const DOWNLOAD_TIMEOUT_MS = 10_000;

/** The executable inside an unpacked Electron, as node_modules/electron/install.js names it. */
export function electronExecutableName(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function readPackageVersion(packageDir) {
  return JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
}

/**
 * Is the runtime there? Follows node_modules/electron's own rules (index.js, install.js):
 * ELECTRON_OVERRIDE_DIST_PATH wins; otherwise dist/ counts once install.js has written
 * path.txt (its last step) and dist/version names the version package.json asks for.
 */
export function electronRuntimeStatus({ electronDir, env = process.env, platform = process.platform }) {
  const version = readPackageVersion(electronDir);
  const recorded = readText(path.join(electronDir, 'path.txt'))?.trim();
  const override = env.ELECTRON_OVERRIDE_DIST_PATH || undefined;
  const distDir = override ?? path.join(electronDir, 'dist');
  const executable = path.join(distDir, recorded || electronExecutableName(platform));
  const base = { version, executable, override: override !== undefined };

  if (!fs.existsSync(executable)) return { ...base, present: false, problem: `there is no ${executable}` };
  if (!override && !recorded) return { ...base, present: false, problem: 'its download did not finish' };
  const distVersion = readText(path.join(distDir, 'version'))?.trim().replace(/^v/, '');
  if (distVersion === undefined && !override) return { ...base, present: false, problem: 'its download did not finish' };
  if (distVersion !== undefined && distVersion !== version) {
    return { ...base, present: false, problem: `it is Electron ${distVersion}` };
  }
  return { ...base, present: true };
}

/** Runs Electron's own installer with a hard time limit. Never throws. */
export function downloadElectronRuntime({ electronDir, env = process.env, platform = process.platform, timeoutMs = DOWNLOAD_TIMEOUT_MS }) {
  const run = runQuietly(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, env, timeoutMs });
  if (run.timedOut) return { ok: false, reason: `the download did not finish within ${Math.round(timeoutMs / 1000)} s` };
  if (!run.ok) return { ok: false, reason: describeFailure(run.output) };
  const status = electronRuntimeStatus({ electronDir, env, platform });
  return status.present ? { ok: true } : { ok: false, reason: `the installer finished, but ${status.problem}` };
}

/** What `npm start` does when the desktop app cannot run: the one line is "<why>; " + this. */
export const BROWSER_INSTEAD = 'opening Adoption Desk in your browser instead — the same app and data.';

/** Why the desktop app cannot run, in one clause. */
export function electronDownloadFailedReason({ version, reason }) {
  return `Electron ${version} could not be downloaded${reason ? `: ${reason.replace(/[.\s]+$/, '')}` : ''}`;
}

export function electronOverrideBrokenReason({ version, problem }) {
  return `ELECTRON_OVERRIDE_DIST_PATH does not hold a usable Electron ${version}${problem ? `: ${problem}` : ''}`;
}
