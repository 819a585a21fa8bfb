import { z } from 'zod';
import { longText, nameField, optionalUrl } from './fields';
import { SLUG_PATTERN } from './text';

/** The maturity level a project applies for; it decides the usage level adopters must reach. */
export const PROJECT_LEVELS = ['incubation', 'graduation'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];

export const projectName = z
  .string()
  .trim()
  .min(1, 'A project needs a name.')
  .pipe(nameField('A project name'));

export const projectSlug = z
  .string()
  .trim()
  .min(1, 'A slug cannot be empty.')
  .max(80, 'A slug is at most 80 characters.')
  .regex(SLUG_PATTERN, 'A slug uses lower-case letters, digits and single hyphens, like "globex-mesh".');

export const projectLevel = z.enum(PROJECT_LEVELS, {
  error: () => 'The level is "incubation" or "graduation".',
});

export const projectId = z.number().int().positive();

/** Everything about a project a reviewer edits (the slug is fixed at creation). */
export const projectFields = z.object({
  name: projectName,
  level: projectLevel,
  applicationUrl: optionalUrl('The application issue link'),
  ddPullRequestUrl: optionalUrl('The DD pull request link'),
  adoptersFileUrl: optionalUrl('The adopters file link'),
  notes: longText('Project notes'),
  archived: z.boolean(),
});

export type ProjectFields = z.output<typeof projectFields>;

export interface Project extends ProjectFields {
  id: number;
  slug: string;
  /** Optimistic-concurrency counter: an update must name the version it read. */
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** What a new project starts with, for every field the reviewer did not give. */
export const PROJECT_DEFAULTS: Omit<ProjectFields, 'name' | 'level'> = {
  applicationUrl: null,
  ddPullRequestUrl: null,
  adoptersFileUrl: null,
  notes: '',
  archived: false,
};
