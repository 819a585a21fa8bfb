import { accessSync, constants } from 'node:fs';

/**
 * What the bin needs of `node:module`, so tests can hand it a stand-in.
 * `enableCompileCache` exists from Node 22.1; older Nodes have no such property.
 */
export interface ModuleApi {
  enableCompileCache?: (() => unknown) | undefined;
  createRequire(filename: string): (id: string) => unknown;
}

export interface LaunchIo {
  stderr(text: string): void;
  exit(code: number): void;
}

/**
 * Turns on Node's compile cache where this Node has it: V8's compiled code for the bundle is
 * kept on disk (NODE_COMPILE_CACHE or the temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns
 * it off), so later commands skip compiling it. Detected by the function, not the version, so
 * a backport counts. A cache that cannot be used is reported in the returned status, which is
 * ignored: the command then runs as it would have, only compiled again.
 */
export function enableCompileCache(api: Pick<ModuleApi, 'enableCompileCache'>): boolean {
  if (typeof api.enableCompileCache !== 'function') return false;
  api.enableCompileCache();
  return true;
}

/**
 * Runs the command line bundle. The cache only covers modules loaded after it is enabled,
 * hence the split: this launcher is tiny, and the bundle is required once the cache is on.
 * A bundle that cannot be read (a build that did not finish) gets a plain message and exit 70
 * (EXIT.internal: a fault of the installation, as --help lists it), not a stack trace. The
 * number is written here rather than imported, so this file stays one small module.
 */
export function launch(api: ModuleApi, bundle: string, io: LaunchIo): void {
  enableCompileCache(api);
  try {
    accessSync(bundle, constants.R_OK);
  } catch (error) {
    io.stderr(
      `Adoption Desk's command line is incomplete: ${bundle} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). Run npm run build.\n`,
    );
    io.exit(70);
    return;
  }
  api.createRequire(bundle)(bundle);
}
