/**
 * The names of every operation, alone, so the preload (which runs sandboxed and must
 * stay tiny) can build `window.desk` without bundling the schemas. contract.ts is
 * type-checked to hold exactly these keys.
 */
export const OPERATION_NAMES = [
  'listProjects',
  'getProject',
  'getProjectBySlug',
  'createProject',
  'updateProject',
  'deleteProject',
  'listOrganizations',
  'createOrganization',
  'updateOrganization',
  'deleteOrganization',
  'listPeople',
  'createPerson',
  'updatePerson',
  'deletePerson',
  'listAdopters',
  'getAdopter',
  'createAdopter',
  'updateAdopter',
  'setAdopterStage',
  'deleteAdopter',
  'adopterOverview',
  'listInterviews',
  'getInterview',
  'createInterview',
  'updateInterview',
  'deleteInterview',
  'markSummarySent',
  'approveSummary',
  'setAnswer',
  'addParticipant',
  'updateParticipant',
  'removeParticipant',
  'createQuote',
  'updateQuote',
  'deleteQuote',
  'history',
  'undo',
  'listTrash',
  'restoreFromTrash',
  'emptyTrash',
  'search',
  'listBackups',
  'backupNow',
  'restoreBackup',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

/** IPC channel for an operation: one per name, nothing else is ever handled. */
export const channelFor = (name: OperationName): string => `desk:${name}`;
