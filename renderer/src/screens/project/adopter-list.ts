import { STAGES, USAGE_LEVELS, type Stage, type UsageLevel } from '../../../../domain/vocabulary';
import type { PipelineRow } from '../../../../services/views';

/** The adopter list's columns that sort, and how the reviewer narrowed it: kept per project while the app is open. */
export type SortKey = 'adopter' | 'industry' | 'stage' | 'since' | 'usage' | 'interview' | 'next';
export interface SortState {
  key: SortKey;
  descending: boolean;
}

export interface Filters {
  text: string;
  stage: Stage | '';
  /** '' any; 'none' no level yet. */
  usage: UsageLevel | 'none' | '';
  anonymity: 'anonymous' | 'named' | '';
  approval: PipelineRow['approval'] | '';
}

export const NO_FILTERS: Filters = { text: '', stage: '', usage: '', anonymity: '', approval: '' };
export const DEFAULT_SORT: SortState = { key: 'adopter', descending: false };

export interface ListView {
  sort: SortState;
  filters: Filters;
}

// Module state, not a component's: leaving the Adopters tab for Preview and coming back keeps both.
const views = new Map<number, ListView>();
export const viewOf = (projectId: number): ListView => views.get(projectId) ?? { sort: DEFAULT_SORT, filters: NO_FILTERS };
export const keepView = (projectId: number, view: ListView): void => void views.set(projectId, view);

export const isFiltered = (filters: Filters): boolean => Object.values(filters).some((v) => v !== '');

/** Words an adopter is found by: its organization, industry, label, the people interviewed, "Adopter 3". */
const haystack = (row: PipelineRow): string => [`Adopter ${row.number}`, row.organization, row.industry ?? '', row.label ?? '', ...row.people].join('\n').toLowerCase();

export function filterRows(rows: PipelineRow[], filters: Filters): PipelineRow[] {
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (!filters.stage || row.stage === filters.stage) &&
      (!filters.usage || (filters.usage === 'none' ? row.usageLevel === null : row.usageLevel === filters.usage)) &&
      (!filters.anonymity || row.anonymous === (filters.anonymity === 'anonymous')) &&
      (!filters.approval || row.approval === filters.approval) &&
      words.every((w) => haystack(row).includes(w)),
  );
}

/** A sortable value per column; null sorts last whichever the direction (an empty cell is never "first"). */
function valueOf(row: PipelineRow, key: SortKey): string | number | null {
  switch (key) {
    case 'adopter':
      return row.number;
    case 'industry':
      return row.industry?.toLowerCase() ?? null;
    case 'stage':
      return STAGES.indexOf(row.stage);
    case 'since':
      return row.stageDates[row.stage] ?? null;
    case 'usage':
      return row.usageLevel ? USAGE_LEVELS.indexOf(row.usageLevel) : null;
    case 'interview':
      return row.interviewDate;
    case 'next':
      return row.next.due ?? (row.next.text || null);
  }
}

export function sortRows(rows: PipelineRow[], sort: SortState): PipelineRow[] {
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [valueOf(a, sort.key), valueOf(b, sort.key)];
    if (x === y) return a.number - b.number;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * direction;
  });
}

/** The ids between two rows of the visible list, both included (shift-click chooses a range). */
export function rangeOf(rows: PipelineRow[], fromId: number, toId: number): number[] {
  const [i, j] = [rows.findIndex((r) => r.adopterId === fromId), rows.findIndex((r) => r.adopterId === toId)];
  if (i < 0 || j < 0) return [toId];
  return rows.slice(Math.min(i, j), Math.max(i, j) + 1).map((r) => r.adopterId);
}

/** "Adopter 1 – Quillmesh, Adopter 2 – Hooli and 3 more": what a toast names. */
export function namesOf(rows: PipelineRow[], shown = 3): string {
  const names = rows.map((r) => `Adopter ${r.number} – ${r.organization}`);
  if (names.length <= shown) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

export const adopters = (n: number): string => `${n} adopter${n === 1 ? '' : 's'}`;
