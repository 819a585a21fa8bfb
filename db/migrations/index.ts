import { projects } from './0001-projects';
import type { Migration } from './types';

/** Every migration, in order. The runner checks that versions strictly increase. */
export const MIGRATIONS: readonly Migration[] = [projects];

export type { Migration } from './types';
