import { z } from 'zod';
import { MAX_NAME_LENGTH, SLUG_PATTERN, hasControlCharacters } from './text';

/** The maturity level a project applies for; it decides the usage level adopters must reach. */
export const PROJECT_LEVELS = ['incubation', 'graduation'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];

export const projectName = z
  .string()
  .trim()
  .min(1, 'A project needs a name.')
  .max(MAX_NAME_LENGTH, `A project name is at most ${MAX_NAME_LENGTH} characters.`)
  .refine((s) => !hasControlCharacters(s), 'A project name cannot contain line breaks or control characters.');

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

export interface Project {
  id: number;
  name: string;
  slug: string;
  level: ProjectLevel;
  /** Optimistic-concurrency counter: an update must name the version it read. */
  version: number;
  createdAt: string;
  updatedAt: string;
}
