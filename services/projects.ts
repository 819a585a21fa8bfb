import { DeskError } from '../domain/errors';
import { PROJECT_DEFAULTS, type Project } from '../domain/project';
import { slugify } from '../domain/text';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';

/** A project by slug, live; the CLI and imports name projects this way. */
export function projectBySlug(store: Store, slug: string): Project {
  const [project] = store.tables.project.list({ slug });
  if (!project) throw new DeskError('NOT_FOUND', `There is no project "${slug}". List them with: adoption-desk project list`);
  return project;
}

export function projectServices(
  store: Store,
): ServiceGroup<'listProjects' | 'getProject' | 'getProjectBySlug' | 'createProject' | 'updateProject' | 'deleteProject'> {
  const { project } = store.tables;
  return {
    listProjects: ({ includeArchived }) =>
      store.read(() => project.list({}, { orderBy: 'name COLLATE NOCASE, id' }).filter((p) => includeArchived || !p.archived)),
    getProject: ({ id }) => store.read(() => project.getLive(id)),
    getProjectBySlug: ({ slug }) => store.read(() => projectBySlug(store, slug)),
    createProject: ({ slug, ...fields }) => {
      const finalSlug = slug ?? slugify(fields.name);
      if (!finalSlug) {
        throw new DeskError('VALIDATION', `Could not make a slug from "${fields.name}"; give one with letters or digits.`);
      }
      return store.change(`Create project ${fields.name}`, () => {
        // Trashed projects keep their slug until the trash is emptied: restoring must not collide.
        if (project.list({ slug: finalSlug }, { includeTrashed: true }).length > 0) {
          throw new DeskError('DUPLICATE', `A project with the slug "${finalSlug}" already exists; choose another slug.`);
        }
        return project.insert({ ...PROJECT_DEFAULTS, ...fields, slug: finalSlug });
      });
    },
    updateProject: ({ id, version, ...patch }) =>
      store.change(patch.name ? 'Rename project' : 'Edit project', () => project.update(id, version, patch)),
    deleteProject: ({ id }) =>
      store.change('Delete project', () => {
        project.trash(id);
        return null;
      }),
  };
}
