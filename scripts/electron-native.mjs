// better-sqlite3 for Electron, for `npm start`. node_modules/better-sqlite3 is built for
// Node and must stay so (the tests load it; an Electron build there fails them with
// NODE_MODULE_VERSION). So we copy the package into .cache/, build that copy for Electron's
// ABI, and hand its .node file to the main process (better-sqlite3's `nativeBinding`
// option). See docs/native-module.md.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { readPackageVersion } from './electron-runtime.mjs';
import { describeFailure, runQuietly } from './quiet-run.mjs';

/** Read by electron/native-binding.ts; a test keeps the two names equal. */
export const NATIVE_BINDING_ENV = 'ADOPTION_DESK_SQLITE_BINDING';
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
const MODULE_NAME = 'better-sqlite3';
const BINDING_FILE = path.join('build', 'Release', 'better_sqlite3.node');

/** One cache folder per combination that changes the binary. */
export function nativeCacheKey({ moduleName, moduleVersion, electronVersion, platform, arch }) {
  return `${moduleName}-${moduleVersion}-electron-${electronVersion}-${platform}-${arch}`;
}

/** Where the builds live unless ADOPTION_DESK_NATIVE_CACHE says otherwise. */
export function defaultNativeCacheRoot(root) {
  return path.join(root, '.cache', 'electron-native');
}

export function nativeCachePaths(cacheRoot, key) {
  const dir = path.join(cacheRoot, key);
  return {
    dir,
    binding: path.join(dir, BINDING_FILE),
    // Written last: a folder without it is a build that was interrupted.
    marker: path.join(dir, 'ready.json'),
    log: `${dir}.log`,
  };
}

// npm hands its config (.npmrc) to scripts as npm_config_* variables, and node-gyp and
// prebuild-install obey them over nothing else. With nodedir=/usr (set on the machines in
// TOOLCHAIN.md) node-gyp would quietly compile against Node's headers and call it Electron's.
const CONFLICTING_NPM_CONFIG = /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|platform|devdir)$/i;

export function electronBuildEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !CONFLICTING_NPM_CONFIG.test(name)));
}

/** prebuild-install comes with better-sqlite3; node-gyp from our devDependencies or from npm. */
export function findBuildTools(root, env = process.env) {
  const require = createRequire(path.join(root, 'node_modules', MODULE_NAME, 'package.json'));
  const resolve = (id) => {
    try {
      return require.resolve(id);
    } catch {
      return undefined;
    }
  };
  const npmNodeGyp = [env.npm_config_node_gyp, path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js')];
  return {
    prebuildInstall: resolve('prebuild-install/bin.js'),
    nodeGyp: resolve('node-gyp/bin/node-gyp.js') ?? npmNodeGyp.find((file) => file && fs.existsSync(file)),
  };
}

/** First a prebuilt binary (seconds), else a compile against Electron's headers (a minute). */
export function nativeBuildSteps({ cacheDir, electronVersion, platform, arch, env, tools, devDir }) {
  const common = { command: process.execPath, cwd: cacheDir, env: electronBuildEnv(env) };
  const steps = [];
  if (tools.prebuildInstall) {
    steps.push({
      ...common,
      label: 'downloading a prebuilt binary',
      args: [tools.prebuildInstall, '--runtime', 'electron', '--target', electronVersion, '--platform', platform, '--arch', arch],
      timeoutMs: 60_000,
    });
  }
  if (tools.nodeGyp) {
    steps.push({
      ...common,
      label: 'compiling',
      args: [
        tools.nodeGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        `--dist-url=${ELECTRON_HEADERS_URL}`,
        `--devdir=${devDir}`,
      ],
      timeoutMs: 15 * 60_000,
    });
  }
  return steps;
}

/** The package's sources without its Node build, which must not pass for Electron's. */
function copyPackage(source, destination) {
  fs.rmSync(destination, { recursive: true, force: true });
  fs.cpSync(source, destination, {
    recursive: true,
    dereference: true,
    filter: (file) => {
      const parts = path.relative(source, file).split(path.sep);
      return parts[0] !== 'build' && !parts.includes('node_modules');
    },
  });
}

/**
 * Returns the path of a better-sqlite3 binary built for this Electron, building it into
 * the cache (.cache/electron-native/ by default) the first time. Never writes to
 * node_modules. A failed build is a result ({ ok: false, reason, log }), not an exception.
 */
export function ensureElectronNative({
  root,
  cacheRoot = defaultNativeCacheRoot(root),
  electronVersion,
  platform = process.platform,
  arch = process.arch,
  env = process.env,
  devDir = path.join(os.homedir(), '.electron-gyp'),
  tools = findBuildTools(root, env),
  run = runQuietly,
  onBuildStart = () => {},
}) {
  const source = path.join(root, 'node_modules', MODULE_NAME);
  const moduleVersion = readPackageVersion(source);
  const paths = nativeCachePaths(cacheRoot, nativeCacheKey({ moduleName: MODULE_NAME, moduleVersion, electronVersion, platform, arch }));
  if (fs.existsSync(paths.marker) && fs.existsSync(paths.binding)) return { ok: true, binding: paths.binding, built: false };

  onBuildStart({ moduleVersion, electronVersion });
  copyPackage(source, paths.dir);
  const steps = nativeBuildSteps({ cacheDir: paths.dir, electronVersion, platform, arch, env, tools, devDir });
  const log = [];
  const failures = [];
  for (const step of steps) {
    const result = run(step.command, step.args, step);
    log.push(`$ ${step.args.join(' ')}`, result.output);
    if (result.ok && fs.existsSync(paths.binding)) {
      fs.writeFileSync(paths.marker, `${JSON.stringify({ moduleVersion, electronVersion, platform, arch, by: step.label }, null, 2)}\n`);
      fs.writeFileSync(paths.log, log.join('\n'));
      return { ok: true, binding: paths.binding, built: true };
    }
    failures.push(
      result.timedOut
        ? `${step.label} did not finish within ${Math.round(step.timeoutMs / 60_000)} min`
        : `${step.label} failed: ${describeFailure(result.output)}`,
    );
  }
  const reason = failures.length > 0 ? failures.join('; ') : 'neither prebuild-install nor node-gyp could be found';
  fs.mkdirSync(path.dirname(paths.log), { recursive: true });
  fs.writeFileSync(paths.log, log.join('\n'));
  return { ok: false, reason, log: paths.log, moduleVersion };
}

/** Why the desktop app cannot run, in one clause (npm start then opens the browser: electron-runtime.mjs). */
export function nativeBuildFailedReason({ electronVersion, moduleVersion, reason, log }) {
  return `Electron's build of the database engine (better-sqlite3 ${moduleVersion} for Electron ${electronVersion}) could not be made: ${reason.replace(/[.\s]+$/, '')}${log ? ` (the full output is in ${log})` : ''}`;
}
