import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';

/** Folders made inside a test (removed after it) and outside one, in beforeAll (removed after the file). */
const created = { test: [] as string[], file: [] as string[] };

/**
 * A fresh folder under the system temp dir. Made inside a test, it is removed after that
 * test; made in a beforeAll, after the file's last test, since every test of the file uses it
 * (a served database whose backups folder a later test restores from).
 */
export function tempDir(prefix = 'adoption-desk-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  (expect.getState().currentTestName === undefined ? created.file : created.test).push(dir);
  return dir;
}

function remove(dirs: string[]): void {
  for (const dir of dirs.splice(0)) {
    // Read-only folders made by a test must be writable again before removal.
    try {
      fs.chmodSync(dir, 0o755);
    } catch {
      /* already gone */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

afterEach(() => remove(created.test));
afterAll(() => remove(created.file));
