import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../domain/errors';

/**
 * Writes an export next to its final name and renames it into place, so a full disk or
 * a killed process never leaves a half-written file that looks complete.
 */
export function writeOutputFile(file: string, content: string | Uint8Array): void {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'refused';
    throw new DeskError('IO_ERROR', `Could not write ${target} (${code}). Nothing was written.`);
  }
}
