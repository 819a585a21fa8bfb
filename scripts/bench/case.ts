import type { StoreInfo } from './generate-store';

/**
 * What a benchmark case is. One file in cases/ exporting `benchCase` is a case: the
 * runner finds it, runs it in its own process, checks its targets and reports it.
 */

export type Unit = 'ms' | 'records/s' | 'MB' | '×';

/** One number the case produces, declared up front so a missing one is noticed. */
export interface FigureSpec {
  /** Short and stable: it becomes `<case>.<key>` in results.json. */
  key: string;
  /** What the table shows. */
  label: string;
  unit: Unit;
}

/** A promise about one figure: `below` for times, `above` for rates. */
export interface Target {
  figure: string;
  below?: number;
  above?: number;
}

/** A figure that could not be measured here, and why (feature not built yet, tool missing…). */
export class NotAvailable {
  constructor(readonly reason: string) {}
}

export const notAvailable = (reason: string): NotAvailable => new NotAvailable(reason);

export type FigureValue = number | NotAvailable;

export interface CaseOutput {
  /** A value (or NotAvailable) for every declared figure key. */
  figures: Record<string, FigureValue>;
  /** Sentences a reader of the report should see (surprises, caveats). */
  notes?: string[];
  /** Anything else worth keeping in results.json (per-query timings…). */
  details?: unknown;
}

export interface CaseContext {
  /** `--quick`: a smaller store and fewer repetitions, to prove the harness works. */
  quick: boolean;
  /** The generated store at the app's schema (read-only: measure a copy). */
  store: StoreInfo;
  /** The same store one migration behind the app, or why there is none. */
  previousStore: StoreInfo | NotAvailable;
  /** `full` repetitions normally, `quick` ones under --quick. */
  reps(full: number, quick: number): number;
  /** A fresh copy of a store file in a temporary folder (removed when the case ends). */
  copyOf(store: StoreInfo): string;
  /** A new empty temporary folder (removed when the case ends). */
  tempDir(): string;
  /**
   * Puts on disk everything written so far in the case's temporary folders (the copy, the
   * backups opening a store writes…), so the OS does not write it back while the case
   * measures: call it after setting up, before timing anything that waits for the disk.
   */
  settle(): void;
  /** A line on stderr while the case runs. */
  progress(message: string): void;
}

export interface BenchCase {
  /** Short name: `--only <name>` and the key prefix in results.json. */
  name: string;
  title: string;
  /** What exactly one operation is and what it includes; shown in docs and results.json. */
  description: string;
  figures: FigureSpec[];
  targets?: Target[];
  run(context: CaseContext): CaseOutput | Promise<CaseOutput>;
  /**
   * Work the case runs in a process of its own (helper-process.ts: runInHelperProcess), so
   * its memory stays out of the case's peak. Input and result cross as JSON.
   */
  helper?(input: unknown): unknown;
}
