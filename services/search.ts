import { questionSet } from '../domain/questions';
import { searchIndex, type SearchRow } from '../db/search';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';
import type { SearchGroup, SearchHit, SearchResults } from './views';

export { DEFAULT_SEARCH_LIMIT } from '../db/search';

/** "notes: Usage level and scale": the question's short title, or its key if the set does not know it. */
function questionTitle(row: SearchRow): string {
  const key = row.questionKey ?? '';
  const question = row.questionSet ? questionSet(row.questionSet)?.questions.find((q) => q.key === key) : undefined;
  return question?.title ?? key;
}

/**
 * What the reviewer recognizes a hit by. The real organization name shows even for an
 * anonymous adopter: search is the reviewer's private view of their own store.
 */
export function hitTitle(row: SearchRow): string {
  if (row.kind === 'organization') return `${row.organizationName ?? 'Unknown organization'} (organization)`;
  const adopter = `Adopter ${row.adopterNumber ?? '?'} - ${row.organizationName ?? 'unknown organization'}`;
  switch (row.kind) {
    case 'summary':
      return `${adopter} · summary`;
    case 'notes':
      return `${adopter} · raw notes`;
    case 'answer':
      return `${adopter} · notes: ${questionTitle(row)}`;
    case 'quote':
      return `${adopter} · quote`;
  }
}

/**
 * Hits grouped by project, groups in the order of their best hit (hits are ranked by
 * relevance across all groups, or newest first for a word found nearly everywhere: see
 * RANK_WINDOW in db/search.ts), hits in rank order inside each group. `total` counts the hits
 * returned (at most `limit`, 50 unless asked).
 */
export function groupHits(query: string, rows: readonly SearchRow[]): SearchResults {
  const groups = new Map<number | null, SearchGroup>();
  for (const row of rows) {
    const key = row.project?.id ?? null;
    let group = groups.get(key);
    if (!group) {
      group = { project: row.project, hits: [] };
      groups.set(key, group);
    }
    const hit: SearchHit = {
      kind: row.kind,
      title: hitTitle(row),
      snippet: row.snippet,
      organizationId: row.organizationId,
      adopterId: row.adopterId,
      interviewId: row.interviewId,
      questionKey: row.kind === 'answer' ? row.questionKey : null,
    };
    group.hits.push(hit);
  }
  return { query, total: rows.length, groups: [...groups.values()] };
}

/**
 * Indexes what was saved since the last search, so a search never misses it. When that
 * cannot be written (a read-only store, a full disk) the search still runs, over the index
 * as it stands: finding slightly older text beats finding nothing, and the queue stays
 * for the next time.
 */
function catchUp(store: Store): void {
  try {
    store.indexPending();
  } catch {
    // Reported by the next save, which fails for the same reason and says so.
  }
}

export function searchServices(store: Store): ServiceGroup<'search'> {
  return {
    search: ({ query, projectId, limit }) => {
      catchUp(store);
      return store.read(() => groupHits(query, searchIndex(store.db, query, { projectId, limit })));
    },
  };
}
