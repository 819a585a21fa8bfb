import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';

/** What emptying the trash would remove for good, counted as the reviewer thinks of it. */
export interface TrashSummary {
  projects: number;
  adopters: number;
  interviews: number;
  interviewees: number;
  quotes: number;
  answers: number;
}

/**
 * Counts what `emptyTrash` would purge: everything in the trash plus what goes with it
 * (a trashed project takes its adopters, an adopter its interviews, an interview its
 * interviewees, notes and quotes), so the confirmation can name the real loss before it
 * happens. Read-only.
 */
export function trashSummaryServices(store: Store): ServiceGroup<'trashSummary'> {
  // The purged rows, each level built on the one above it, as the cascade reaches them.
  const PURGED = `
    WITH p AS (SELECT id FROM project WHERE deleted_at IS NOT NULL),
    a AS (SELECT id FROM adopter WHERE deleted_at IS NOT NULL OR project_id IN (SELECT id FROM p)),
    i AS (SELECT id FROM interview WHERE deleted_at IS NOT NULL OR adopter_id IN (SELECT id FROM a))
    SELECT
      (SELECT count(*) FROM p) AS projects,
      (SELECT count(*) FROM a) AS adopters,
      (SELECT count(*) FROM i) AS interviews,
      (SELECT count(*) FROM participant WHERE interview_id IN (SELECT id FROM i)) AS interviewees,
      (SELECT count(*) FROM quote WHERE interview_id IN (SELECT id FROM i)) AS quotes,
      (SELECT count(*) FROM answer WHERE interview_id IN (SELECT id FROM i)) AS answers`;
  return {
    trashSummary: () => store.read(() => store.db.prepare(PURGED).get() as TrashSummary),
  };
}
