import fs from 'node:fs';
import { DeskError } from '../domain/errors';
import { ImportTextError, MAX_IMPORT_BYTES, decodeImportBytes, fileTooLarge } from '../templates/import/text';

export { MAX_IMPORT_BYTES };

/**
 * Reads a file to import (the CLI's side of templates/import/text.ts): a file over
 * 50 MB is refused before it is read; binary content is refused; BOM, UTF-16, legacy
 * encodings and CRLF are handled. Refusals are VALIDATION errors with a plain sentence.
 */
export function readImportFile(file: string): { text: string; warnings: string[] } {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new DeskError('IO_ERROR', `${file} is not a file. Nothing was imported.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof DeskError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DeskError('IO_ERROR', code === 'ENOENT' ? `There is no file ${file}. Nothing was imported.` : `Could not read ${file} (${code ?? 'refused'}). Nothing was imported.`);
  }
  if (size > MAX_IMPORT_BYTES) throw new DeskError('VALIDATION', fileTooLarge(file, size));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new DeskError('IO_ERROR', `Could not read ${file} (${(error as NodeJS.ErrnoException).code ?? 'refused'}). Nothing was imported.`);
  }
  try {
    return decodeImportBytes(file, bytes);
  } catch (error) {
    if (error instanceof ImportTextError) throw new DeskError('VALIDATION', error.message);
    throw error;
  }
}
