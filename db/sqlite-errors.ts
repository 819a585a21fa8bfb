import { DeskError } from '../domain/errors';

/** SQLite result codes that mean "the disk or folder refused", not "your data is wrong". */
const IO_CODES = new Set([
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_PERM',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** Node's file-system error codes (backups, restore) in the same plain words. */
const NODE_IO_REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than the disk allows',
  EROFS: 'the file or its folder is read-only',
  EACCES: 'the file or its folder is read-only',
  EPERM: 'the file or its folder is read-only',
  ENOTDIR: 'a file stands where a folder should be',
  EISDIR: 'a folder stands where a file should be',
  ENOENT: 'the file or its folder is missing',
  EBUSY: 'another program is holding the file',
  EIO: 'the disk refused to read or write',
  EXDEV: 'the folders are on different disks',
};

function baseCode(code: string): string {
  // Extended codes look like SQLITE_IOERR_WRITE; the family is the first two words.
  return code.split('_').slice(0, 2).join('_');
}

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** True for the driver's "the file is damaged" errors. */
export function isCorruption(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && CORRUPT_CODES.has(baseCode(code));
}

/**
 * Why the disk or folder refused, in words ("the disk is full"), for SQLite and Node
 * file-system errors alike; null when the error is not an I/O refusal.
 */
export function ioReason(error: unknown): string | null {
  const code = codeOf(error);
  if (code === undefined) return null;
  if (code in NODE_IO_REASONS) return NODE_IO_REASONS[code]!;
  // Making a folder whose name a file already has: Node says EEXIST.
  if (code === 'EEXIST' && (error as { syscall?: string }).syscall === 'mkdir') return 'a file stands where a folder should be';
  const family = baseCode(code);
  if (!IO_CODES.has(family)) return null;
  if (family === 'SQLITE_FULL') return 'the disk is full';
  if (family === 'SQLITE_READONLY' || family === 'SQLITE_PERM') return 'the file or its folder is read-only';
  if (family === 'SQLITE_BUSY' || family === 'SQLITE_LOCKED') return 'another program is holding the database';
  if (family === 'SQLITE_CANTOPEN') return 'the file could not be opened';
  return 'the disk refused to read or write';
}

/** What did NOT happen, said after the failure: a failed save must never look saved. */
function defaultOutcome(action: string): string {
  if (action.startsWith('save')) return 'Your edit was NOT saved; the database still holds what it held before.';
  if (action.startsWith('undo')) return 'Nothing was undone.';
  return 'Nothing was changed.';
}

/**
 * Turns a driver (or file-system) error into a DeskError a reviewer can act on.
 * `action` says what was being done ("save the project"), so the message can say it was
 * NOT done; `outcome` overrides the sentence that says what was left as it was.
 * Anything that is not a known I/O or corruption error is returned unchanged.
 */
export function toDeskError(error: unknown, context: { file: string; action: string; outcome?: string }): unknown {
  if (error instanceof DeskError) return error;
  const outcome = context.outcome ?? defaultOutcome(context.action);
  if (isCorruption(error)) {
    return new DeskError(
      'DATABASE_CORRUPT',
      `The database ${context.file} is damaged, so Adoption Desk could not ${context.action}. ${outcome} Restore the newest good backup (adoption-desk backup list shows them).`,
    );
  }
  const reason = ioReason(error);
  if (reason !== null) {
    return new DeskError('IO_ERROR', `Could not ${context.action}: ${reason} (${context.file}). ${outcome}`);
  }
  return error;
}
