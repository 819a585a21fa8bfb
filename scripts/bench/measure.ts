import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NotAvailable, notAvailable } from './case';
import { median, pairedRatios, percentile } from './stats';

/** Tools for cases: time operations in this process, or whole processes side by side. */

/** A full garbage collection when the worker runs with --expose-gc, so one case's garbage is not another's pause. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export const now = (): number => performance.now();

export interface TimeOptions<T> {
  /** Runs made first and thrown away (JIT, statement cache, page cache). */
  warmup: number;
  /** Runs timed. */
  count: number;
  /** Not timed: prepares run `index`. */
  before?: (index: number) => void | Promise<void>;
  /** One operation; only this is timed. */
  run: (index: number) => T | Promise<T>;
  /** Not timed: checks the result, cleans up. */
  after?: (result: T, index: number) => void | Promise<void>;
}

/** Times `run` `count` times after `warmup` runs; milliseconds per run. */
export async function timeOperations<T>(options: TimeOptions<T>): Promise<number[]> {
  collectGarbage();
  const samples: number[] = [];
  for (let i = 0; i < options.warmup + options.count; i++) {
    await options.before?.(i);
    const started = now();
    const result = await options.run(i);
    const elapsed = now() - started;
    if (i >= options.warmup) samples.push(elapsed);
    await options.after?.(result, i);
  }
  return samples;
}

export const p50p95 = (samples: readonly number[]) => ({ p50: median(samples), p95: percentile(samples, 95) });

/** A command line run as a whole process (a peer tool, or the app's own command line). */
export interface ProcessSpec {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that are a finished run too (`check` exits 1 for a section that is not publishable yet). */
  okExitCodes?: readonly number[];
}

export interface ProcessRun {
  ms: number;
  peakRssMb: number | NotAvailable;
}

let gnuTime: boolean | undefined;
/** GNU time reports a child's peak memory (`%M`, maximum resident set size in KB). */
function hasGnuTime(): boolean {
  gnuTime ??= fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
  return gnuTime;
}

/** Runs a process to completion: wall time and, where GNU time exists, its peak memory. Throws if it fails. */
export function runProcess(spec: ProcessSpec): ProcessRun {
  const rssFile = path.join(os.tmpdir(), `adoption-desk-bench-rss-${process.pid}.txt`);
  const timed = hasGnuTime();
  const [command, args] = timed ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, spec.command, ...spec.args]] : [spec.command, spec.args];
  const started = now();
  const result = spawnSync(command, args, { cwd: spec.cwd, env: spec.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = now() - started;
  if (result.error) throw new Error(`${spec.command} could not run: ${result.error.message}`);
  if (result.status !== 0 && !(spec.okExitCodes ?? []).includes(result.status ?? -1)) {
    throw new Error(`${spec.command} ${spec.args.join(' ')} exited with ${result.status}: ${(result.stderr || result.stdout).trim().slice(-500)}`);
  }
  let peakRssMb: number | NotAvailable = notAvailable('peak memory of a child process needs GNU time (/usr/bin/time)');
  if (timed) {
    const kb = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
    fs.rmSync(rssFile, { force: true });
    if (Number.isFinite(kb)) peakRssMb = kb / 1024;
  }
  return { ms, peakRssMb };
}

export interface SideResult {
  median: number;
  p95: number;
  /** The highest peak of its runs. */
  peakRssMb: number | NotAvailable;
  runs: number;
}

export interface Comparison {
  a: SideResult | NotAvailable;
  b: SideResult | NotAvailable;
  /** a ÷ b, run pair by pair, then the median of the pairs. */
  ratio: { median: number; min: number; max: number } | NotAvailable;
}

/** One side's runs of a whole process: median and p95 time, and the highest peak memory of its runs. */
function processSide(runs: readonly ProcessRun[]): SideResult {
  const ms = runs.map((r) => r.ms);
  const peaks = runs.map((r) => r.peakRssMb);
  const known = peaks.filter((p): p is number => typeof p === 'number');
  return { median: median(ms), p95: percentile(ms, 95), peakRssMb: known.length > 0 ? Math.max(...known) : (peaks[0] as NotAvailable), runs: ms.length };
}

/**
 * Whole-process A/B: after warm-up runs, A and B alternate (AB, BA, AB…) so drift in the
 * machine's state hits both, and each pair gives one ratio. A side that is not available
 * (tool missing, feature not built) leaves the other measured alone.
 */
export function compareProcesses(
  a: ProcessSpec | NotAvailable,
  b: ProcessSpec | NotAvailable,
  options: { pairs: number; warmup: number },
): Comparison {
  const sides = [a, b] as const;
  const runs: ProcessRun[][] = [[], []];
  for (let w = 0; w < options.warmup; w++) for (const side of sides) if (!(side instanceof NotAvailable)) runProcess(side);
  for (let i = 0; i < options.pairs; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const s of order) {
      const side = sides[s]!;
      if (!(side instanceof NotAvailable)) runs[s]!.push(runProcess(side));
    }
  }
  const summarize = (s: 0 | 1): SideResult | NotAvailable => {
    const side = sides[s];
    return side instanceof NotAvailable ? side : processSide(runs[s]!);
  };
  const [ra, rb] = [summarize(0), summarize(1)];
  let ratio: Comparison['ratio'];
  if (a instanceof NotAvailable || b instanceof NotAvailable) {
    ratio = notAvailable(`no comparison: ${(a instanceof NotAvailable ? a : (b as NotAvailable)).reason}`);
  } else {
    const ratios = pairedRatios(
      runs[0]!.map((r) => r.ms),
      runs[1]!.map((r) => r.ms),
    );
    ratio = { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
  }
  return { a: ra, b: rb, ratio };
}

/** The highest resident set this process has had so far (MB): the peak of everything it did up to now. */
export const ownPeakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/**
 * An operation in this process against a whole process, pair by pair as compareProcesses
 * does (after warm-up, AB then BA…), each pair giving one ratio. The operation's side
 * reports this process's own peak memory after the runs.
 */
export async function compareOperationWithProcess(
  operation: () => Promise<unknown>,
  other: ProcessSpec | NotAvailable,
  options: { pairs: number; warmup: number },
): Promise<Comparison> {
  const ours: number[] = [];
  const theirs: ProcessRun[] = [];
  const timeOperation = async () => {
    const started = now();
    await operation();
    return now() - started;
  };
  for (let w = 0; w < options.warmup; w++) {
    await operation();
    if (!(other instanceof NotAvailable)) runProcess(other);
  }
  collectGarbage();
  for (let i = 0; i < options.pairs; i++) {
    if (i % 2 === 0 || other instanceof NotAvailable) {
      ours.push(await timeOperation());
      if (!(other instanceof NotAvailable)) theirs.push(runProcess(other));
    } else {
      theirs.push(runProcess(other));
      ours.push(await timeOperation());
    }
  }
  const a: SideResult = { median: median(ours), p95: percentile(ours, 95), peakRssMb: ownPeakRssMb(), runs: ours.length };
  if (other instanceof NotAvailable) return { a, b: other, ratio: notAvailable(`no comparison: ${other.reason}`) };
  const ratios = pairedRatios(
    ours,
    theirs.map((r) => r.ms),
  );
  return { a, b: processSide(theirs), ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) } };
}
