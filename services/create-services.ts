import { DeskError } from '../domain/errors';
import { slugify } from '../domain/text';
import type { Store } from '../db/store';
import type { Services } from './contract';

/** The implementation of every contract operation over one open store. */
export function createServices(store: Store): Services {
  return {
    listProjects: () => store.projects.list(),
    createProject: ({ name, level, slug }) => {
      const finalSlug = slug ?? slugify(name);
      if (!finalSlug) {
        throw new DeskError('VALIDATION', `Could not make a slug from "${name}"; give one with letters or digits.`);
      }
      return store.projects.create({ name, level, slug: finalSlug });
    },
    renameProject: (input) => store.projects.rename(input),
    deleteProject: ({ id }) => {
      store.projects.delete(id);
      return null;
    },
  };
}
