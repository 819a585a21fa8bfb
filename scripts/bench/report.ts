import fs from 'node:fs';
import path from 'node:path';
import type { BenchCase, Target, Unit } from './case';
import type { StoreInfo } from './generate-store';
import type { Machine } from './machine';
import type { Unavailable, WorkerResult } from './worker';

/** results.json, as documented in docs/performance.md ("The results file"). */
export const RESULTS_SCHEMA = 1;

export type Verdict = 'pass' | 'miss' | 'no target' | 'not available' | 'failed';

export interface FigureResult {
  /** `<case>.<figure>`, stable across runs. */
  key: string;
  label: string;
  unit: Unit;
  /** null when not available or when the case failed. */
  value: number | null;
  target: { below?: number; above?: number } | null;
  result: Verdict;
  /** Why there is no value. */
  reason?: string;
}

export interface CaseResult {
  name: string;
  title: string;
  description: string;
  status: 'ok' | 'failed';
  error?: string;
  durationMs: number;
  figures: FigureResult[];
  notes: string[];
  details?: unknown;
}

export type StoreSummary = Omit<StoreInfo, 'file'> & { cached: boolean };

export interface Results {
  schema: typeof RESULTS_SCHEMA;
  mode: 'full' | 'quick';
  date: string;
  wallMs: number;
  machine: Machine;
  store: StoreSummary;
  previousStore: StoreSummary | Unavailable;
  cases: CaseResult[];
  summary: { figures: number; pass: number; miss: number; notAvailable: number; noTarget: number; failedCases: string[] };
}

function verdict(value: number, target: Target | undefined): Verdict {
  if (!target) return 'no target';
  if (target.below !== undefined && !(value < target.below)) return 'miss';
  if (target.above !== undefined && !(value > target.above)) return 'miss';
  return 'pass';
}

/** A case's figures with their targets judged; every declared figure appears, whatever happened. */
export function caseResult(benchCase: BenchCase, outcome: WorkerResult): CaseResult {
  const figures: FigureResult[] = benchCase.figures.map((spec) => {
    const target = benchCase.targets?.find((t) => t.figure === spec.key);
    const base = {
      key: `${benchCase.name}.${spec.key}`,
      label: spec.label,
      unit: spec.unit,
      target: target ? { below: target.below, above: target.above } : null,
    };
    if (!outcome.ok) return { ...base, value: null, result: 'failed', reason: 'the case failed' };
    const value = outcome.figures[spec.key]!;
    if (typeof value !== 'number') return { ...base, value: null, result: 'not available', reason: value.notAvailable };
    return { ...base, value, result: verdict(value, target) };
  });
  figures.push({
    key: `${benchCase.name}.peakRss`,
    label: 'peak memory (process RSS)',
    unit: 'MB',
    value: outcome.peakRssMb,
    target: null,
    result: 'no target',
  });
  return {
    name: benchCase.name,
    title: benchCase.title,
    description: benchCase.description,
    status: outcome.ok ? 'ok' : 'failed',
    ...(outcome.ok ? {} : { error: outcome.error }),
    durationMs: outcome.durationMs,
    figures,
    notes: outcome.ok ? outcome.notes : [],
    ...(outcome.ok && outcome.details !== undefined ? { details: outcome.details } : {}),
  };
}

export function summarize(cases: CaseResult[]): Results['summary'] {
  const all = cases.flatMap((c) => c.figures);
  const count = (v: Verdict) => all.filter((f) => f.result === v).length;
  return {
    figures: all.length,
    pass: count('pass'),
    miss: count('miss'),
    notAvailable: count('not available'),
    noTarget: count('no target'),
    failedCases: cases.filter((c) => c.status === 'failed').map((c) => c.name),
  };
}

const thousands = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Three significant figures or so: 0.412 ms, 4.12 ms, 41.2 ms, 412 ms, 4,120 ms. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'records/s':
      return `${thousands(value)} records/s`;
    case 'MB':
      return `${thousands(value)} MB`;
    case '×':
      return `${thousands(value, value < 10 ? 2 : value < 100 ? 1 : 0)}×`;
    default: {
      const digits = value < 1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0;
      return `${thousands(value, digits)} ${unit}`;
    }
  }
}

function formatTarget(target: FigureResult['target'], unit: Unit): string {
  const bound = target?.below ?? target?.above;
  if (bound === undefined) return '';
  const number = bound.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return `${target?.below !== undefined ? '<' : '>'} ${number}${unit === '×' ? '×' : ` ${unit}`}`;
}

const mb = (bytes: number) => `${thousands(bytes / 1e6)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The store in one line: what was measured against. */
export function describeStore(store: StoreSummary): string {
  const c = store.counts;
  return [
    `${thousands(c.projects)} projects`,
    `${thousands(c.interviews)} interviews`,
    `${thousands(c.adopters)} adopters (${Math.round((c.anonymousAdopters / c.adopters) * 100)}% anonymous)`,
    `${thousands(c.answers)} answers`,
    `${thousands(c.quotes)} quotes`,
    `${mb(store.textBytes)} of text`,
    `${mb(store.bytes)} file`,
    `schema ${store.schemaVersion}`,
    store.cached ? 'from the cache' : `generated in ${seconds(store.generatedMs)}`,
  ].join(' · ');
}

/** The report a person reads: header, one table, notes. */
export function formatReport(results: Results, outFile: string): string {
  const { machine, store } = results;
  const lines: string[] = [];
  lines.push(`Adoption Desk benchmarks · ${results.mode} run · ${results.date.replace('T', ' ').slice(0, 16)} UTC`);
  lines.push(
    `Machine  ${machine.cpu} · ${machine.cores} cores · ${machine.ramGb} GB RAM · ${machine.os} · Node ${machine.node} · SQLite ${machine.sqlite} (better-sqlite3 ${machine.betterSqlite3})`,
  );
  const [load1] = machine.loadAverage;
  lines.push(
    `Load     ${machine.loadAverage.join(' / ')} (1 / 5 / 15 min) at the start${load1 !== undefined && load1 > machine.cores * 0.5 ? ': the machine was busy, expect slower figures' : ''}`,
  );
  if (machine.commit) lines.push(`Commit   ${machine.commit}`);
  lines.push(`Store    ${describeStore(store)}${results.mode === 'quick' ? ' (the quick store: a tenth of the full one)' : ''}`);
  if (store.migrationTimes.length > 0) {
    lines.push(`         migrations on this store, one run each while it was made: ${store.migrationTimes.map((m) => `${m.version} ${m.name} ${seconds(m.ms)}`).join(' · ')}`);
  }
  lines.push('');

  const rows: string[][] = [['', 'Figure', 'Value', 'Target', 'Result']];
  const caseHeaders = new Map<number, string>();
  for (const c of results.cases) {
    caseHeaders.set(rows.length, `${c.name} · ${c.title}${c.status === 'failed' ? ' · FAILED' : ''}`);
    for (const f of c.figures) {
      const value = f.value === null ? (f.result === 'failed' ? '—' : 'not available') : formatValue(f.value, f.unit);
      const result = f.result === 'not available' ? `n/a: ${f.reason}` : f.result === 'no target' ? '' : f.result;
      rows.push(['', f.label, value, formatTarget(f.target, f.unit), result]);
    }
  }
  const widths = [2, 0, 0, 0].map((min, i) => Math.max(min, ...rows.map((r) => r[i]!.length)));
  rows.forEach((row, index) => {
    const header = caseHeaders.get(index);
    if (header) lines.push(index === 1 ? header : `\n${header}`);
    const [, label, value, target, result] = row;
    lines.push(`  ${label!.padEnd(widths[1]!)}  ${value!.padStart(widths[2]!)}  ${target!.padEnd(widths[3]!)}  ${result}`.trimEnd());
  });

  const notes = results.cases.flatMap((c) => [...c.notes.map((n) => `${c.name}: ${n}`), ...(c.error ? [`${c.name} FAILED: ${c.error.split('\n')[0]}`] : [])]);
  if (notes.length > 0) lines.push('', 'Notes', ...notes.map((n) => `  - ${n}`));
  const s = results.summary;
  lines.push(
    '',
    `${s.figures} figures: ${s.pass} pass, ${s.miss} miss, ${s.notAvailable} not available, ${s.noTarget} without a target` +
      `${s.failedCases.length ? `; FAILED cases: ${s.failedCases.join(', ')}` : ''} · ${seconds(results.wallMs)} · ${outFile}`,
  );
  return `${lines.join('\n')}\n`;
}

export function writeResults(file: string, results: Results): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
