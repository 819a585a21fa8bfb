// `npm start [-- app args]`: build, then run the desktop app — or, when Electron cannot be had
// (no network to download it, a broken ELECTRON_OVERRIDE_DIST_PATH, no Electron build of the
// database engine), say why in one line and open the same app in the browser with
// `adoption-desk serve`. `npm start -- --browser` chooses the browser on purpose. It is the
// first command a new contributor runs, so it ends in a working app or in plain words and a
// non-zero exit code, never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NATIVE_BINDING_ENV, ensureElectronNative, nativeBuildFailedReason } from './electron-native.mjs';
import {
  BROWSER_INSTEAD,
  downloadElectronRuntime,
  electronDownloadFailedReason,
  electronOverrideBrokenReason,
  electronRuntimeStatus,
} from './electron-runtime.mjs';
import { parseStartArgs } from './start-args.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

class StartError extends Error {}

function build() {
  // Under npm, npm_execpath is npm's own script: run it with this node, which works on every OS.
  const npmCli = process.env.npm_execpath;
  const result = npmCli && /\.[cm]?js$/.test(npmCli)
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    throw new StartError('Adoption Desk could not start: the build failed (its messages are above). Fix that and run `npm start` again.');
  }
}

/** The Electron runtime and its build of better-sqlite3, or why they cannot be had (one clause). */
function desktopRuntime() {
  const status = electronRuntimeStatus({ electronDir });
  if (!status.present) {
    // The person chose that folder: downloading into node_modules would not fix it.
    if (status.override) return { why: electronOverrideBrokenReason(status) };
    console.log(`Downloading the Electron runtime (Electron ${status.version}); this happens once.`);
    const download = downloadElectronRuntime({ electronDir });
    if (!download.ok) return { why: electronDownloadFailedReason({ version: status.version, reason: download.reason }) };
  }
  const { executable, version } = electronRuntimeStatus({ electronDir });
  const native = ensureElectronNative({
    root,
    // A shared folder lets several checkouts reuse one build; the tests use a temp folder.
    cacheRoot: process.env.ADOPTION_DESK_NATIVE_CACHE ? path.resolve(process.env.ADOPTION_DESK_NATIVE_CACHE) : undefined,
    electronVersion: version,
    onBuildStart: ({ moduleVersion }) => console.log(`Building better-sqlite3 ${moduleVersion} for Electron ${version} (once; up to a minute).`),
  });
  if (!native.ok) return { why: nativeBuildFailedReason({ electronVersion: version, ...native }) };
  return { executable, binding: native.binding };
}

/** Runs a child with the terminal, passes stop signals on, and exits with its code. */
function runToExit(command, args, options, what) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
  child.on('error', (error) => {
    console.error(`\nAdoption Desk could not start: ${what} could not be run (${error.message}).\n`);
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function launchDesktop(executable, appArgs, binding) {
  if (!fs.existsSync(path.join(root, 'out', 'main', 'index.js'))) {
    throw new StartError('Adoption Desk could not start: the app is not built (out/main/index.js is missing). Run `npm run build`, or `npm start` without --skip-build.');
  }
  const env = { ...process.env, [NATIVE_BINDING_ENV]: binding };
  // Set, it would make Electron behave as plain Node and never open the app.
  delete env.ELECTRON_RUN_AS_NODE;
  runToExit(executable, ['.', ...appArgs], { env }, 'Electron');
}

/** The same app in the browser: `adoption-desk serve` on the desktop app's data (or --data-dir). */
function launchBrowser(appArgs) {
  const cli = path.join(root, 'out', 'cli', 'adoption-desk.js');
  if (!fs.existsSync(cli) || !fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    throw new StartError('Adoption Desk could not start: the app is not built (out/cli or out/renderer is missing). Run `npm run build`, or `npm start` without --skip-build.');
  }
  runToExit(process.execPath, [cli, 'serve', ...appArgs], {}, 'adoption-desk serve');
}

function main() {
  const { skipBuild, browser, appArgs } = parseStartArgs(process.argv.slice(2));
  if (!skipBuild) build();
  if (browser) {
    console.log('Opening Adoption Desk in your browser (npm start -- --browser): the same app and data as the desktop app.');
    return launchBrowser(appArgs);
  }
  const desktop = desktopRuntime();
  if (desktop.why) {
    console.log(`${desktop.why}; ${BROWSER_INSTEAD}`);
    return launchBrowser(appArgs);
  }
  launchDesktop(desktop.executable, appArgs, desktop.binding);
}

try {
  main();
} catch (error) {
  const message = error instanceof StartError
    ? error.message
    : `Adoption Desk could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(`\n${message}\n`);
  process.exit(1);
}
