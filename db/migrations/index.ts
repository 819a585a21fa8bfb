import { projects } from './0001-projects';
import { interviewStore } from './0002-interview-store';
import type { Migration } from './types';

/** Every migration, in order. The runner checks that versions strictly increase. */
export const MIGRATIONS: readonly Migration[] = [projects, interviewStore];

export type { Migration } from './types';
