/**
 * The names of every operation, alone, so the preload (which runs sandboxed and must
 * stay tiny) can build `window.desk` without bundling the schemas. contract.ts is
 * type-checked to hold exactly these keys.
 */
export const OPERATION_NAMES = ['listProjects', 'createProject', 'renameProject', 'deleteProject'] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

/** IPC channel for an operation: one per name, nothing else is ever handled. */
export const channelFor = (name: OperationName): string => `desk:${name}`;
export const CHANNEL_PREFIX = 'desk:';
