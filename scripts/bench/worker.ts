import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NotAvailable, type CaseContext, type FigureValue } from './case';
import { loadCases } from './cases';
import type { StoreInfo } from './generate-store';

/**
 * One case in its own process (started by the runner with --expose-gc): its peak memory
 * is the process's own, and a crash or a leak stays inside the case.
 */

export type Unavailable = { unavailable: string };

export interface WorkerJob {
  caseName: string;
  quick: boolean;
  store: StoreInfo;
  previousStore: StoreInfo | Unavailable;
  resultFile: string;
}

/** A figure as it crosses from the worker to the runner (JSON). */
export type WireValue = number | { notAvailable: string };

export type WorkerResult = { peakRssMb: number; durationMs: number } & (
  | { ok: true; figures: Record<string, WireValue>; notes: string[]; details?: unknown }
  | { ok: false; error: string }
);

/** fsync every file under `dir`: whatever the case wrote is on disk, not waiting to be written back. */
function flushFolder(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    let fd: number | undefined;
    try {
      fd = fs.openSync(path.join(entry.parentPath, entry.name), 'r');
      fs.fsyncSync(fd);
    } catch {
      // removed meanwhile: nothing left to flush
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

export async function runWorker(jobFile: string): Promise<void> {
  const job = JSON.parse(fs.readFileSync(jobFile, 'utf8')) as WorkerJob;
  const benchCase = loadCases().find((c) => c.name === job.caseName);
  if (!benchCase) throw new Error(`There is no benchmark case "${job.caseName}".`);
  const temporary: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `adoption-desk-bench-${job.caseName}-`));
    temporary.push(dir);
    return dir;
  };
  const context: CaseContext = {
    quick: job.quick,
    store: job.store,
    previousStore: 'unavailable' in job.previousStore ? new NotAvailable(job.previousStore.unavailable) : job.previousStore,
    reps: (full, quick) => (job.quick ? quick : full),
    copyOf: (store) => {
      const copy = path.join(tempDir(), 'adoption-desk.sqlite');
      fs.copyFileSync(store.file, copy);
      // On disk before anything is timed: otherwise the OS writes the copy back while the
      // case measures, and every fsync waits behind hundreds of megabytes.
      const fd = fs.openSync(copy, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return copy;
    },
    tempDir,
    settle: () => {
      for (const dir of temporary) flushFolder(dir);
    },
    progress: (message) => process.stderr.write(`    ${job.caseName}: ${message}\n`),
  };

  const started = performance.now();
  let result: WorkerResult;
  try {
    const output = await benchCase.run(context);
    const declared = new Set(benchCase.figures.map((f) => f.key));
    const extra = Object.keys(output.figures).filter((key) => !declared.has(key));
    if (extra.length > 0) throw new Error(`The case produced figures it does not declare: ${extra.join(', ')}.`);
    const figures: Record<string, WireValue> = {};
    for (const key of declared) {
      const value: FigureValue | undefined = output.figures[key];
      if (value instanceof NotAvailable) figures[key] = { notAvailable: value.reason };
      else if (typeof value === 'number' && Number.isFinite(value)) figures[key] = value;
      else throw new Error(`The case did not produce "${key}" (got ${String(value)}).`);
    }
    result = { ok: true, figures, notes: output.notes ?? [], details: output.details, peakRssMb: peakRssMb(), durationMs: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    result = { ok: false, error: message, peakRssMb: peakRssMb(), durationMs: performance.now() - started };
  } finally {
    for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.writeFileSync(job.resultFile, JSON.stringify(result));
}
