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

function baseCode(code: string): string {
  // Extended codes look like SQLITE_IOERR_WRITE; the family is the first two words.
  return code.split('_').slice(0, 2).join('_');
}

/**
 * Turns a driver error into a DeskError a reviewer can act on. `action` says what
 * was being done ("save the project"), so the message can say it was NOT done.
 */
export function toDeskError(error: unknown, context: { file: string; action: string }): unknown {
  if (error instanceof DeskError) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return error;
  const family = baseCode(code);
  if (CORRUPT_CODES.has(family)) {
    return new DeskError('DATABASE_CORRUPT', `The database ${context.file} is damaged, so Adoption Desk could not ${context.action}.`);
  }
  if (IO_CODES.has(family)) {
    const reason =
      family === 'SQLITE_FULL'
        ? 'the disk is full'
        : family === 'SQLITE_READONLY' || family === 'SQLITE_PERM'
          ? 'the file or its folder is read-only'
          : family === 'SQLITE_BUSY' || family === 'SQLITE_LOCKED'
            ? 'another program is holding the database'
            : 'the disk refused to read or write';
    return new DeskError('IO_ERROR', `Could not ${context.action}: ${reason} (${context.file}). Nothing was saved.`);
  }
  return error;
}
