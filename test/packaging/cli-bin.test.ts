// The built bin (out/cli/adoption-desk.js) on the Node running the tests: a command runs and
// exits 0, Node's compile cache is used exactly where this Node has it (and nothing is written
// beside the bin), and a missing bundle is a plain message. Each test runs a private copy of out/cli.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import nodeModule from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUILT = path.join(ROOT, 'out', 'cli');

let work: string;
let dir: string;
beforeEach(() => {
  expect(fs.existsSync(path.join(BUILT, 'adoption-desk.js')), 'out/cli is missing: run npm run build').toBe(true);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-cli-bin-'));
  dir = path.join(work, 'cli');
  fs.cpSync(BUILT, dir, { recursive: true });
  // better-sqlite3 is found the way an install finds it: in node_modules above the command.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { NODE_DISABLE_COMPILE_CACHE: _off, NODE_COMPILE_CACHE: _elsewhere, ...inherited } = process.env;
  return spawnSync(process.execPath, [path.join(dir, 'adoption-desk.js'), ...args], { encoding: 'utf8', env: { ...inherited, ...env } });
}

it('runs a command and exits 0, twice alike, using the compile cache only where Node has it', () => {
  // The launcher's call, not NODE_COMPILE_CACHE (which Node 22 would obey by itself), turns the
  // cache on; with no folder given it goes to the temporary folder, here a private one.
  const tmp = path.join(work, 'tmp');
  fs.mkdirSync(tmp);
  const before = fs.readdirSync(dir).sort();
  const first = run(['--help'], { TMPDIR: tmp });
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toMatch(/export adoption-docx/);
  expect(first.stderr).toBe('');
  const second = run(['--help'], { TMPDIR: tmp });
  expect(second.status, second.stderr).toBe(0);
  expect(second.stdout).toBe(first.stdout);
  expect(fs.readdirSync(dir).sort()).toEqual(before);
  // Node 22.1+ keeps the bundle's compiled code there; older Nodes write nothing.
  const cache = path.join(tmp, 'node-compile-cache');
  const written = fs.existsSync(cache) ? fs.readdirSync(cache, { recursive: true }).length : 0;
  if (typeof nodeModule.enableCompileCache === 'function') expect(written).toBeGreaterThan(0);
  else expect(written).toBe(0);
});

it('runs commands that write and read a database (better-sqlite3 from node_modules)', () => {
  const db = path.join(work, 'bin.sqlite');
  const added = run(['project', 'add', '--name', 'Globex Mesh', '--level', 'incubation', '--db', db]);
  expect(added.status, added.stderr).toBe(0);
  const listed = run(['project', 'list', '--json', '--db', db]);
  expect(listed.status, listed.stderr).toBe(0);
  expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: 'Globex Mesh', slug: 'globex-mesh' })]);
});

it('says plainly that the build is incomplete when the bundle is missing', () => {
  fs.rmSync(path.join(dir, 'main.js'));
  const result = run(['--help']);
  expect(result.status).toBe(70);
  expect(result.stderr).toMatch(/^Adoption Desk's command line is incomplete: .*main\.js cannot be read \(ENOENT\)\. Run npm run build\.\n$/);
});
