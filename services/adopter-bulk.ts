import { z } from 'zod';
import { stage, type Adopter } from '../domain/adopter';
import { DeskError } from '../domain/errors';
import { entityId } from '../domain/fields';
import { STAGE_LABELS } from '../domain/vocabulary';
import { localDay } from '../db/clock';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';

/** The adopters chosen in the list: some (a repeated one counts once), all of one project (undo walks one project back). */
const chosen = z
  .array(entityId)
  .min(1, 'Choose at least one adopter.')
  .max(1000, 'Choose at most 1,000 adopters at a time.');

export const bulkInputs = {
  move: z.object({ projectId: entityId, adopterIds: chosen, stage }).strict(),
  trash: z.object({ projectId: entityId, adopterIds: chosen }).strict(),
};

/**
 * What a bulk action did, and the change that holds it: the list's toast offers Undo of that
 * change itself (not "the last change", which may be another by then). No change (every adopter
 * was at that stage already): changeId null.
 */
export interface BulkResult {
  changeId: number | null;
  count: number;
}

const plural = (n: number) => `${n} adopter${n === 1 ? '' : 's'}`;

export function adopterBulkServices(store: Store): ServiceGroup<'moveAdopters' | 'trashAdopters'> {
  const { project, adopter } = store.tables;

  /** Every chosen adopter, live and in the project; one that is not stops the whole action. */
  const adoptersOf = (projectId: number, ids: number[]): Adopter[] => {
    project.getLive(projectId);
    return [...new Set(ids)].map((id) => {
      const a = adopter.getLive(id);
      if (a.projectId !== projectId) throw new DeskError('VALIDATION', `Adopter ${a.number} of another project was chosen; nothing was changed.`);
      return a;
    });
  };

  // Inside the change's transaction, after its first write: no other writer can come between.
  const thisChange = (): number => store.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM change').get()!.id;

  return {
    moveAdopters: ({ projectId, adopterIds, stage: to }) =>
      store.change(`Move ${plural(new Set(adopterIds).size)} to ${STAGE_LABELS[to]}`, (): BulkResult => {
        const day = localDay(store.clock);
        const moving = adoptersOf(projectId, adopterIds).filter((a) => a.stage !== to);
        for (const a of moving) adopter.update(a.id, a.version, { stage: to, stageDates: { ...a.stageDates, [to]: day } });
        return { changeId: moving.length > 0 ? thisChange() : null, count: moving.length };
      }),
    trashAdopters: ({ projectId, adopterIds }) =>
      store.change(`Move ${plural(new Set(adopterIds).size)} to the trash`, (): BulkResult => {
        const going = adoptersOf(projectId, adopterIds);
        for (const a of going) adopter.trash(a.id);
        return { changeId: thisChange(), count: going.length };
      }),
  };
}
