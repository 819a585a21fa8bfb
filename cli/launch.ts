import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

/**
 * The `adoption-desk` command's entry: runs the command line bundle (main.js, beside this
 * file) through V8's code cache.
 *
 * Compiling the ~600 KB bundle and the functions a command calls is most of the time a
 * short command spends before doing anything (an export of five adopters took ~50 ms
 * less with the cache, measured with `npm run bench -- --only word-vs-pandoc`). Node 22
 * does this itself (module.enableCompileCache); Node 20, which the command line runs on,
 * does not. The cache is written after the first run, and again whenever V8 refuses it
 * (another Node version or V8 flags). V8 checks the source only by its length, so the
 * cache's file name carries a CRC-32 of the bundle: a rebuilt bundle never runs with the
 * code of the old one. It is written to a temporary name renamed into place, so a run
 * never reads half a file, and older caches are removed. Where the folder cannot be
 * written (a read-only install), commands simply run without it.
 * ADOPTION_DESK_NO_CODE_CACHE=1 turns it off.
 */

const bundle = path.join(__dirname, 'main.js');

/** The bundle's text; a plain message and exit 1 when it is missing (a build that did not finish). */
function readBundle(): string {
  try {
    return fs.readFileSync(bundle, 'utf8');
  } catch (error) {
    process.stderr.write(
      `Adoption Desk's command line is incomplete: ${bundle} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). Run npm run build.\n`,
    );
    process.exit(1);
  }
}
const source = readBundle();
/** Every cache this launcher writes, and the unnamed one of its first version. */
const CACHE_NAME = /^main\.js(\.[0-9a-f]{8})?\.cache$/;
const cacheFile = path.join(__dirname, `main.js.${(zlib.crc32(source) >>> 0).toString(16).padStart(8, '0')}.cache`);
const useCache = process.env.ADOPTION_DESK_NO_CODE_CACHE !== '1';

function readCache(): Buffer | undefined {
  if (!useCache) return undefined;
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(script: vm.Script): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, cacheFile);
    for (const name of fs.readdirSync(__dirname)) {
      if (CACHE_NAME.test(name) && path.join(__dirname, name) !== cacheFile) fs.rmSync(path.join(__dirname, name), { force: true });
    }
  } catch {
    // A read-only install: the next run compiles again, nothing else changes.
    fs.rmSync(temporary, { force: true });
  }
}

const cachedData = readCache();
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
if (useCache && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(script));

// The bundle runs as the CommonJS module it was built as: its own require (better-sqlite3
// from node_modules, Node's built-ins), __filename and __dirname.
const bundleModule = new Module(bundle, module);
bundleModule.filename = bundle;
const bundleRequire = Module.createRequire(bundle);
const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
run.call(bundleModule.exports, bundleModule.exports, bundleRequire, bundleModule, bundle, __dirname);
