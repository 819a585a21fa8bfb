import { projects } from './0001-projects';
import { interviewStore } from './0002-interview-store';
import { search } from './0003-search';
import { guardAllowances } from './0004-guard-allowances';
import { settings } from './0005-settings';
import { stableIds } from './0006-stable-ids';
import { searchQueue } from './0007-search-queue';
import { warningDismissals } from './0008-warning-dismissals';
import { historyScopes } from './0009-history-scopes';
import { applicationId } from './0010-application-id';
import { entryWords } from './0011-entry-words';
import { teamSharing } from './0012-team-sharing';
import type { Migration } from './types';

/** Every migration, in order. The runner checks that versions strictly increase. */
export const MIGRATIONS: readonly Migration[] = [projects, interviewStore, search, guardAllowances, settings, stableIds, searchQueue, warningDismissals, historyScopes, applicationId, entryWords, teamSharing];

export type { Migration } from './types';
