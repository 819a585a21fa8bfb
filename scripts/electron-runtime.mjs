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

export function electronDownloadFailedMessage({ version, platform, arch, reason }) {
  return [
    `Adoption Desk could not start: the Electron runtime (Electron ${version}) could not be downloaded.`,
    reason ? `Reason: ${reason.replace(/[.\s]+$/, '')}.` : undefined,
    '',
    'What you can do:',
    '  - Connect to the internet and run `npm start` again. Electron is downloaded once.',
    `    On a slow connection, run \`node node_modules/electron/install.js\` first (it has no time limit).`,
    `  - Or unpack Electron ${version} for ${platform}-${arch} into a folder and point`,
    '    ELECTRON_OVERRIDE_DIST_PATH at it: ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron npm start',
    '  - The command line (`node out/cli/adoption-desk.js`, or `adoption-desk` when installed) and',
    '    `npm test` work without Electron.',
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}

export function electronOverrideBrokenMessage({ version, problem }) {
  return [
    `Adoption Desk could not start: ELECTRON_OVERRIDE_DIST_PATH does not hold a usable Electron ${version}: ${problem}.`,
    '',
    'What you can do:',
    `  - Point ELECTRON_OVERRIDE_DIST_PATH at the folder of an unpacked Electron ${version}`,
    '    (the folder that holds the electron executable), or unset it to let npm start download Electron.',
    '  - The command line and `npm test` work without Electron.',
  ].join('\n');
}
