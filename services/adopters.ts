import { ADOPTER_DEFAULTS, type Adopter, type Stage } from '../domain/adopter';
import { DeskError } from '../domain/errors';
import { LIMITS } from '../domain/limits';
import { localDay } from '../db/clock';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';

/** Stage moves are dated: the pipeline shows "summary sent 12 Oct", and approvals fall due from it. */
export function withStageDate(adopter: Pick<Adopter, 'stageDates'>, stage: Stage, day: string): Adopter['stageDates'] {
  return { ...adopter.stageDates, [stage]: adopter.stageDates[stage] ?? day };
}

export function adopterServices(
  store: Store,
): ServiceGroup<'listAdopters' | 'getAdopter' | 'createAdopter' | 'updateAdopter' | 'setAdopterStage' | 'deleteAdopter'> {
  const { project, organization, adopter, interview } = store.tables;

  const assertNumberFree = (projectId: number, number: number, exceptId?: number) => {
    const taken = adopter.list({ project_id: projectId, number }, { includeTrashed: true }).find((a) => a.id !== exceptId);
    if (taken) {
      throw new DeskError(
        'DUPLICATE',
        `Adopter ${number} already exists in this project${taken.deletedAt ? ' (in the trash)' : ''}; numbers stay with their adopter.`,
      );
    }
  };

  return {
    listAdopters: ({ projectId, includeTrashed }) =>
      store.read(() => adopter.list({ project_id: projectId }, { includeTrashed, orderBy: 'number' })),
    getAdopter: ({ id }) =>
      store.read(() => {
        const a = adopter.getLive(id);
        return {
          adopter: a,
          organization: organization.get(a.organizationId),
          interviews: interview.list({ adopter_id: id }, { orderBy: 'coalesce(date, month), id' }),
        };
      }),
    createAdopter: ({ projectId, number, ...fields }) =>
      store.change('Add adopter', () => {
        project.getLive(projectId);
        organization.get(fields.organizationId);
        // Numbers are never reused, not even those of adopters in the trash: "Adopter 3" stays Adopter 3.
        const next = number ?? (store.db.prepare<[number], { n: number }>('SELECT coalesce(max(number), 0) + 1 AS n FROM adopter WHERE project_id = ?').get(projectId)?.n ?? 1);
        if (next > LIMITS.adopters) {
          throw new DeskError('VALIDATION', `This project has used every adopter number up to ${LIMITS.adopters}, the most a project holds (numbers stay with their adopters, in the trash too). Nothing was added.`);
        }
        assertNumberFree(projectId, next);
        const stage = fields.stage ?? ADOPTER_DEFAULTS.stage;
        const stageDates = fields.stageDates ?? { [stage]: localDay(store.clock) };
        return adopter.insert({ ...ADOPTER_DEFAULTS, ...fields, stage, stageDates, projectId, number: next });
      }),
    updateAdopter: ({ id, version, ...patch }) =>
      store.change('Edit adopter', () => {
        const current = adopter.getLive(id);
        if (patch.organizationId !== undefined) organization.get(patch.organizationId);
        if (patch.number !== undefined && patch.number !== current.number) assertNumberFree(current.projectId, patch.number, id);
        if (patch.stage && patch.stage !== current.stage && !patch.stageDates?.[patch.stage]) {
          patch.stageDates = withStageDate({ stageDates: patch.stageDates ?? current.stageDates }, patch.stage, localDay(store.clock));
        }
        return adopter.update(id, version, patch);
      }),
    setAdopterStage: ({ id, version, stage, date }) =>
      store.change('Change stage', () => {
        const current = adopter.getLive(id);
        const day = date ?? localDay(store.clock);
        return adopter.update(id, version, { stage, stageDates: { ...current.stageDates, [stage]: day } });
      }),
    deleteAdopter: ({ id }) =>
      store.change('Delete adopter', () => {
        adopter.trash(id);
        return null;
      }),
  };
}
