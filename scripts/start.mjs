// `npm start [-- app args]`: build, make sure the Electron runtime and an Electron build of
// better-sqlite3 are there, then run the app. It is the first command a new contributor
// runs, so every failure ends in plain words and a non-zero exit code, never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NATIVE_BINDING_ENV, ensureElectronNative, nativeBuildFailedMessage } from './electron-native.mjs';
import {
  downloadElectronRuntime,
  electronDownloadFailedMessage,
  electronOverrideBrokenMessage,
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

function ensureElectronRuntime() {
  const status = electronRuntimeStatus({ electronDir });
  if (status.present) return status.executable;
  // The person chose that folder: downloading into node_modules would not fix it.
  if (status.override) throw new StartError(electronOverrideBrokenMessage(status));

  console.log(`Downloading the Electron runtime (Electron ${status.version}); this happens once.`);
  const download = downloadElectronRuntime({ electronDir });
  if (!download.ok) {
    throw new StartError(
      electronDownloadFailedMessage({ version: status.version, platform: process.platform, arch: process.arch, reason: download.reason }),
    );
  }
  return electronRuntimeStatus({ electronDir }).executable;
}

function ensureNativeBinding(electronVersion) {
  const native = ensureElectronNative({
    root,
    // A shared folder lets several checkouts reuse one build; the tests use a temp folder.
    cacheRoot: process.env.ADOPTION_DESK_NATIVE_CACHE ? path.resolve(process.env.ADOPTION_DESK_NATIVE_CACHE) : undefined,
    electronVersion,
    onBuildStart: ({ moduleVersion }) =>
      console.log(`Building better-sqlite3 ${moduleVersion} for Electron ${electronVersion} (once; up to a minute).`),
  });
  if (!native.ok) throw new StartError(nativeBuildFailedMessage({ electronVersion, ...native }));
  return native.binding;
}

function launch(executable, appArgs, binding) {
  if (!fs.existsSync(path.join(root, 'out', 'main', 'index.js'))) {
    throw new StartError('Adoption Desk could not start: the app is not built (out/main/index.js is missing). Run `npm run build`, or `npm start` without --skip-build.');
  }
  const env = { ...process.env, [NATIVE_BINDING_ENV]: binding };
  // Set, it would make Electron behave as plain Node and never open the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, ['.', ...appArgs], { cwd: root, stdio: 'inherit', env });
  child.on('error', (error) => {
    console.error(`\nAdoption Desk could not start: Electron could not be run (${error.message}).\n`);
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main() {
  const { skipBuild, appArgs } = parseStartArgs(process.argv.slice(2));
  if (!skipBuild) build();
  const executable = ensureElectronRuntime();
  const electronVersion = electronRuntimeStatus({ electronDir }).version;
  const binding = ensureNativeBinding(electronVersion);
  launch(executable, appArgs, binding);
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
