// The built command line (out/cli) runs its bundle through V8's code cache (cli/launch.ts):
// the first run writes the cache, later runs use it, a cache V8 refuses is replaced, a
// rebuilt bundle never runs with the old bundle's cache, and a folder that cannot take the
// cache changes nothing but speed. Each test runs a private copy of out/cli.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUILT = path.join(ROOT, 'out', 'cli');
const CACHE = /^main\.js(\.[0-9a-f]{8})?\.cache$/;

let work: string;
let dir: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-cli-cache-'));
  dir = path.join(work, 'cli');
  fs.cpSync(BUILT, dir, { recursive: true, filter: (source) => !CACHE.test(path.basename(source)) });
  // better-sqlite3 is found the way an install finds it: in node_modules above the command.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** The cache file a bundle gets: named by the CRC-32 of its source. */
const cacheFor = () => path.join(dir, `main.js.${(zlib.crc32(fs.readFileSync(path.join(dir, 'main.js'), 'utf8')) >>> 0).toString(16).padStart(8, '0')}.cache`);
const caches = () => fs.readdirSync(dir).filter((name) => CACHE.test(name));
const leftovers = () => fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));

function run(env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [path.join(dir, 'adoption-desk.js'), '--help'], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

it('writes the cache on the first run and reads it, unchanged, on the next', () => {
  const first = run();
  expect(first).toMatch(/export adoption-docx/);
  expect(caches()).toEqual([path.basename(cacheFor())]);
  const written = fs.readFileSync(cacheFor());
  expect(written.length).toBeGreaterThan(10_000);
  expect(run()).toBe(first);
  expect(fs.readFileSync(cacheFor()).equals(written)).toBe(true);
  expect(leftovers()).toEqual([]);
});

it('replaces a cache V8 refuses (damaged, or from another Node), with the same output', () => {
  const expected = run();
  fs.writeFileSync(cacheFor(), Buffer.from('not a V8 code cache at all'));
  expect(run()).toBe(expected);
  expect(fs.statSync(cacheFor()).size).toBeGreaterThan(10_000);
});

it('runs a rebuilt bundle as it is, never with the old cache, even at the same length', () => {
  fs.writeFileSync(path.join(dir, 'main.js.cache'), 'the unnamed cache of an older launcher');
  run();
  expect(caches()).toEqual([path.basename(cacheFor())]); // the older one is gone
  const old = caches();
  const main = path.join(dir, 'main.js');
  const source = fs.readFileSync(main, 'utf8');
  // V8 alone would accept the old cache for a source of the same length and run the old code.
  const rebuilt = source.replace('export adoption-docx', 'EXPORT ADOPTION-DOCX');
  expect(rebuilt.length).toBe(source.length);
  fs.writeFileSync(main, rebuilt);
  expect(run()).toMatch(/EXPORT ADOPTION-DOCX/);
  expect(caches()).toEqual([path.basename(cacheFor())]);
  expect(caches()).not.toEqual(old);
});

it('runs the same where the cache cannot be written, and can be turned off', () => {
  fs.mkdirSync(cacheFor()); // a directory in its place: neither readable as a file nor replaceable
  const expected = run();
  expect(fs.statSync(cacheFor()).isDirectory()).toBe(true);
  expect(leftovers()).toEqual([]);
  fs.rmdirSync(cacheFor());
  expect(run({ ADOPTION_DESK_NO_CODE_CACHE: '1' })).toBe(expected);
  expect(caches()).toEqual([]);
});

it('says plainly that the build is incomplete when the bundle is missing', () => {
  fs.rmSync(path.join(dir, 'main.js'));
  const result = spawnSync(process.execPath, [path.join(dir, 'adoption-desk.js'), '--help'], { encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^Adoption Desk's command line is incomplete: .*main\.js cannot be read \(ENOENT\)\. Run npm run build\.\n$/);
});
