import { forgetHistoryOf, rowsGoingWith } from '../db/purged-history';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';
import type { UndoScope } from '../domain/history';
import type { TrashItem } from './views';

/** No project given: the app-level changes (the projects list, the trash, settings). */
const scopeOf = ({ projectId }: { projectId?: number }): UndoScope => (projectId === undefined ? { app: true } : { projectId });

export function historyServices(store: Store): ServiceGroup<'history' | 'undo' | 'redo' | 'undoChange' | 'undoState' | 'recentChanges' | 'listTrash' | 'restoreFromTrash' | 'emptyTrash'> {
  const { project, adopter, interview, organization } = store.tables;

  const trashed = (): TrashItem[] => {
    const items: TrashItem[] = [];
    for (const p of project.list({}, { includeTrashed: true })) {
      if (p.deletedAt) items.push({ entity: 'project', id: p.id, title: p.name, deletedAt: p.deletedAt });
    }
    for (const a of adopter.list({}, { includeTrashed: true })) {
      if (!a.deletedAt) continue;
      const org = organization.find(a.organizationId);
      items.push({ entity: 'adopter', id: a.id, title: `Adopter ${a.number} - ${org?.name ?? 'unknown organization'}`, deletedAt: a.deletedAt });
    }
    for (const i of interview.list({}, { includeTrashed: true })) {
      if (!i.deletedAt) continue;
      items.push({ entity: 'interview', id: i.id, title: `Interview of ${i.date ?? i.month ?? 'an unknown date'}`, deletedAt: i.deletedAt });
    }
    return items.sort((x, y) => y.deletedAt.localeCompare(x.deletedAt) || x.entity.localeCompare(y.entity) || x.id - y.id);
  };

  return {
    history: ({ entity, id }) => store.history(entity, id),
    undo: (scope) => store.undo(scopeOf(scope)),
    redo: (scope) => store.redo(scopeOf(scope)),
    undoChange: ({ id }) => store.undoChange(id),
    undoState: (scope) => store.undoState(scopeOf(scope)),
    recentChanges: ({ limit }) => store.recentChanges(limit ?? 50),
    listTrash: () => store.read(trashed),
    restoreFromTrash: ({ entity, id }) =>
      store.change(`Restore ${entity}`, () => {
        store.tables[entity].restore(id);
        return null;
      }),
    emptyTrash: () =>
      store.change(
        'Empty trash',
        () => {
          const items = trashed();
          const going = rowsGoingWith(store.db, items);
          // Children first, so each purge is recorded before a cascade could take it silently.
          for (const entity of ['interview', 'adopter', 'project'] as const) {
            for (const item of items) {
              if (item.entity === entity && store.tables[entity].find(item.id)) store.tables[entity].remove(item.id, 'purge');
            }
          }
          // Only what went loses its history: every other change can still be undone.
          forgetHistoryOf(store.db, going);
          return { removed: items.length };
        },
        'purge',
      ),
  };
}
