import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchCase } from './case';
import { loadCases } from './cases';
import { FULL_STORE, QUICK_STORE, ensureStores, type StoreInfo } from './generate-store';
import { describeMachine } from './machine';
import { RESULTS_SCHEMA, caseResult, formatReport, summarize, writeResults, type Results, type StoreSummary } from './report';
import type { Unavailable, WorkerJob, WorkerResult } from './worker';

export interface BenchOptions {
  quick: boolean;
  /** Where results.json goes. */
  out: string;
  /** Only these cases (by name); all when null. */
  only: string[] | null;
  cacheDir: string;
}

const say = (message: string) => process.stderr.write(`${message}\n`);

/** Runs one case in a fresh Node process (this same bundle) with --expose-gc; a crash, a hang or a leak stays there. */
function runInWorker(job: WorkerJob, timeoutMs: number): Promise<WorkerResult> {
  const jobFile = `${job.resultFile}.job.json`;
  fs.writeFileSync(jobFile, JSON.stringify(job));
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', __filename, '--worker', jobFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderrTail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString()).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const failed = (error: string): WorkerResult => ({ ok: false, error, peakRssMb: 0, durationMs: performance.now() - started });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(failed(`The case could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && performance.now() - started >= timeoutMs) {
        resolve(failed(`The case took longer than ${timeoutMs / 1000} s and was stopped.`));
      } else if (fs.existsSync(job.resultFile)) {
        resolve(JSON.parse(fs.readFileSync(job.resultFile, 'utf8')) as WorkerResult);
      } else {
        resolve(failed(`The case process ended (${signal ?? `exit code ${code}`}) without a result. ${stderrTail.trim().split('\n').slice(-5).join(' | ')}`));
      }
    });
  });
}

const summaryOf = (store: StoreInfo & { cached: boolean }): StoreSummary => {
  const { file: _file, ...rest } = store;
  return rest;
};

/** The whole run: machine, store, every case in its own process, table on stdout, results.json. Returns the exit code. */
export async function runBench(options: BenchOptions): Promise<number> {
  const started = performance.now();
  const date = new Date().toISOString();
  let cases: BenchCase[] = loadCases();
  if (options.only) {
    const unknown = options.only.filter((name) => !cases.some((c) => c.name === name));
    if (unknown.length > 0) {
      say(`There is no benchmark case ${unknown.map((n) => `"${n}"`).join(', ')}. Cases: ${cases.map((c) => c.name).join(', ')}.`);
      return 2;
    }
    cases = cases.filter((c) => options.only!.includes(c.name));
  }
  const machine = describeMachine();
  const size = options.quick ? QUICK_STORE : FULL_STORE;
  say(`Adoption Desk benchmarks (${options.quick ? 'quick' : 'full'}): ${cases.length} cases on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
  say(`Store: ${size.projects} projects, ${size.interviews.toLocaleString('en-US')} interviews${options.quick ? ' (quick mode: a tenth of the full store)' : ''}`);
  const stores = await ensureStores({ size, cacheDir: options.cacheDir, onProgress: (m) => say(`  store: ${m}`) });
  if (stores.current.cached) say(`  store: from the cache (${path.relative(process.cwd(), stores.current.file)})`);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-bench-run-'));
  const results: Results['cases'] = [];
  try {
    for (const benchCase of cases) {
      say(`▸ ${benchCase.name}: ${benchCase.title}`);
      const job: WorkerJob = {
        caseName: benchCase.name,
        quick: options.quick,
        store: stores.current,
        previousStore: stores.previous as StoreInfo | Unavailable,
        resultFile: path.join(scratch, `${benchCase.name}.result.json`),
      };
      const outcome = await runInWorker(job, options.quick ? 120_000 : 480_000);
      say(`  ${outcome.ok ? 'done' : 'FAILED'} in ${(outcome.durationMs / 1000).toFixed(1)} s${outcome.ok ? '' : `: ${outcome.error.split('\n')[0]}`}`);
      results.push(caseResult(benchCase, outcome));
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  const report: Results = {
    schema: RESULTS_SCHEMA,
    mode: options.quick ? 'quick' : 'full',
    date,
    wallMs: performance.now() - started,
    machine,
    store: summaryOf(stores.current),
    previousStore: 'unavailable' in stores.previous ? stores.previous : summaryOf(stores.previous),
    cases: results,
    summary: summarize(results),
  };
  writeResults(options.out, report);
  process.stdout.write(formatReport(report, path.relative(process.cwd(), options.out) || options.out));
  return report.summary.failedCases.length > 0 ? 1 : 0;
}
