// `npm run bench -- --quick` end to end, so the harness cannot rot: every case runs and
// every figure is produced (a finite number, or "not available" with a reason, for a
// feature not built yet or a peer tool not installed). Targets depend on the machine and
// are not asserted here. Its own store cache, so the generator runs too (~20-40 s).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CASES = ['open', 'open-first-today', 'upgrade', 'autosave', 'search', 'insert', 'markdown-read', 'adoption-render', 'ui', 'import-corpus', 'word-vs-pandoc'];

let work: string | undefined;
afterEach(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

it('npm run bench -- --quick produces every figure of every case', () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-bench-test-'));
  const out = path.join(work, 'results.json');
  const run = spawnSync(process.execPath, ['scripts/bench.mjs', '--quick', '--out', out, '--cache-dir', path.join(work, 'cache')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 115_000,
  });
  expect(run.status, run.stderr).toBe(0);

  const results = JSON.parse(fs.readFileSync(out, 'utf8'));
  expect(results).toMatchObject({ schema: 1, mode: 'quick', machine: { node: process.version }, store: { counts: { interviews: 1000 } } });
  expect(results.cases.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(CASES));
  for (const c of results.cases) {
    expect(c.status, `${c.name}: ${c.error}`).toBe('ok');
    for (const f of c.figures) {
      if (f.result === 'not available') expect(f.reason, f.key).toMatch(/\w/);
      else expect(Number.isFinite(f.value), `${f.key} = ${f.value}`).toBe(true);
    }
  }
  expect(run.stdout).toContain('open again, median');
});
