// The built command line (out/cli) runs its bundle through V8's code cache (cli/launch.ts):
// the first run writes the cache, later runs use it, a cache V8 refuses is replaced, and a
// folder that cannot take the cache changes nothing but speed. Each test runs a private copy
// of out/cli, so the copy's cache is the only one written.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUILT = path.join(ROOT, 'out', 'cli');

let work: string;
let cli: string;
let cache: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-cli-cache-'));
  fs.cpSync(BUILT, path.join(work, 'cli'), { recursive: true, filter: (source) => !source.endsWith('.cache') });
  // better-sqlite3 is found the way an install finds it: in node_modules above the command.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
  cli = path.join(work, 'cli', 'adoption-desk.js');
  cache = path.join(work, 'cli', 'main.js.cache');
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function run(env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/export adoption-docx/);
  return result.stdout;
}

it('writes the cache on the first run and reads it, unchanged, on the next', () => {
  const first = run();
  expect(fs.statSync(cache).size).toBeGreaterThan(10_000);
  const written = fs.readFileSync(cache);
  expect(run()).toBe(first);
  expect(fs.readFileSync(cache).equals(written)).toBe(true);
  expect(fs.readdirSync(path.dirname(cache)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

it('replaces a cache V8 refuses (damaged, or from another Node), with the same output', () => {
  const expected = run();
  fs.writeFileSync(cache, Buffer.from('not a V8 code cache at all'));
  expect(run()).toBe(expected);
  expect(fs.statSync(cache).size).toBeGreaterThan(10_000);
});

it('runs the same where the cache cannot be written, and can be turned off', () => {
  fs.mkdirSync(cache); // a directory in its place: neither readable as a file nor replaceable
  const expected = run();
  expect(fs.statSync(cache).isDirectory()).toBe(true);
  expect(fs.readdirSync(path.dirname(cache)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  fs.rmdirSync(cache);
  expect(run({ ADOPTION_DESK_NO_CODE_CACHE: '1' })).toBe(expected);
  expect(fs.existsSync(cache)).toBe(false);
});
