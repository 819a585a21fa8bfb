import { DeskError } from '../domain/errors';
import { ORGANIZATION_DEFAULTS } from '../domain/organization';
import { PERSON_DEFAULTS } from '../domain/person';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';

export function organizationServices(
  store: Store,
): ServiceGroup<
  | 'listOrganizations'
  | 'createOrganization'
  | 'updateOrganization'
  | 'deleteOrganization'
  | 'listPeople'
  | 'createPerson'
  | 'updatePerson'
  | 'deletePerson'
> {
  const { organization, person, adopter, participant, quote } = store.tables;
  const requireOrganization = (id: number | null | undefined) => {
    if (id !== null && id !== undefined) organization.get(id);
  };
  return {
    listOrganizations: () => store.read(() => organization.list({}, { orderBy: 'name COLLATE NOCASE, id' })),
    createOrganization: (fields) =>
      store.change(`Create organization ${fields.name}`, () => organization.insert({ ...ORGANIZATION_DEFAULTS, ...fields })),
    updateOrganization: ({ id, version, ...patch }) => store.change('Edit organization', () => organization.update(id, version, patch)),
    deleteOrganization: ({ id }) =>
      store.change('Delete organization', () => {
        const org = organization.get(id);
        const users = adopter.list({ organization_id: id }, { includeTrashed: true });
        if (users.length > 0) {
          throw new DeskError(
            'CONFLICT',
            `"${org.name}" is adopter ${users.map((a) => a.number).join(', ')} in a project (or in the trash); remove those adopters first.`,
          );
        }
        // Detach people explicitly, so history (and undo) sees it; the foreign key would do it silently.
        for (const p of person.list({ organization_id: id })) person.update(p.id, p.version, { organizationId: null });
        organization.remove(id);
        return null;
      }),

    listPeople: ({ organizationId }) =>
      store.read(() =>
        person.list(organizationId === undefined ? {} : { organization_id: organizationId }, { orderBy: 'name COLLATE NOCASE, id' }),
      ),
    createPerson: (fields) =>
      store.change(`Create person ${fields.name}`, () => {
        requireOrganization(fields.organizationId);
        return person.insert({ ...PERSON_DEFAULTS, ...fields });
      }),
    updatePerson: ({ id, version, ...patch }) =>
      store.change('Edit person', () => {
        requireOrganization(patch.organizationId);
        return person.update(id, version, patch);
      }),
    deletePerson: ({ id }) =>
      store.change('Delete person', () => {
        const who = person.get(id);
        if (participant.list({ person_id: id }).length > 0) {
          throw new DeskError('CONFLICT', `${who.name} took part in an interview; remove them from it first.`);
        }
        for (const q of quote.list({ speaker_person_id: id })) quote.update(q.id, q.version, { speakerPersonId: null });
        person.remove(id);
        return null;
      }),
  };
}
