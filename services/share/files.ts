import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../../db/store';
import { DeskError } from '../../domain/errors';
import { archiveToSnapshot, isShareFormatPath, snapshotToFiles } from '../../templates/share/format';
import { buildArchive } from '../archive-export';

/**
 * A shared project's files (templates/share/format.ts) from the store, and mirrored onto a
 * plain folder: a checkout a person can read, and the tests'. The Git side
 * (services/share/git-tree.ts) reads and writes the same `Map<path, text>` as commits.
 */

/** The project's files as the store holds it now: the clone can always be rebuilt from the store. */
export function projectShareFiles(store: Store, projectId: number): Map<string, string> {
  return store.read(() => snapshotToFiles(archiveToSnapshot(buildArchive(store, projectId))));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** A file is written as `<name>.<pid>.adoption-desk.tmp`, then renamed; one a crash left behind is not a file of the project. */
const TEMP = '.adoption-desk.tmp';
const LEFT_BY_A_CRASH = /\.\d+\.adoption-desk\.tmp$/;

/** A path of the map as a file under `dir`; a path that would leave it (absolute, `..`, backslash) is refused. */
function fileIn(dir: string, relative: string): string {
  const parts = relative.split('/');
  if (relative.includes('\\') || relative.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new DeskError('VALIDATION', `"${relative}" is not a file name inside the shared folder.`);
  }
  return path.join(dir, ...parts);
}

/**
 * Makes `dir` hold exactly `files` among the files the share format writes: files changed or
 * new are written (each to a temporary file, then renamed over, so no one reads half a file),
 * unchanged files are not touched, files of ours the map does not hold are removed, with their
 * folders once empty. Anything else in the folder (`.git`, a teammate's notes) is left alone.
 * Returns how many files were written and removed.
 */
export function writeShareFolder(dir: string, files: ReadonlyMap<string, string>): { written: number; removed: number } {
  const targets = new Map([...files].map(([relative, text]) => [fileIn(dir, relative), text]));
  let written = 0;
  let removed = 0;
  fs.mkdirSync(dir, { recursive: true });
  for (const relative of listFiles(dir)) {
    if (!(isShareFormatPath(relative) || LEFT_BY_A_CRASH.test(relative)) || files.has(relative)) continue;
    fs.rmSync(fileIn(dir, relative));
    removed++;
  }
  for (const [file, text] of targets) {
    if (readIfFile(file) === text) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}${TEMP}`;
    fs.writeFileSync(temp, text, 'utf8');
    fs.renameSync(temp, file);
    written++;
  }
  removeEmptyFolders(dir);
  return { written, removed };
}

/** Every file under `dir` (but `.git` and temporary files a crash left), as a map of the paths the share format uses to their texts. */
export function readShareFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const relative of listFiles(dir).sort()) {
    if (LEFT_BY_A_CRASH.test(relative)) continue;
    try {
      files.set(relative, UTF8.decode(fs.readFileSync(fileIn(dir, relative))));
    } catch (error) {
      if (error instanceof TypeError) throw new DeskError('VALIDATION', `${relative} in the shared folder is not UTF-8 text; Adoption Desk writes only text there.`);
      throw error;
    }
  }
  return files;
}

/** Regular files under `dir`, as `a/b.json` paths; `.git` and symbolic links are not followed. */
function listFiles(dir: string, under = ''): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, under), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw error;
  }
  for (const entry of entries) {
    const relative = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory() && relative !== '.git') out.push(...listFiles(dir, relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

function readIfFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The share format's folders left empty (a kind of record no longer held): Git keeps no empty folders either. */
function removeEmptyFolders(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !isShareFormatPath(`${entry.name}/x`)) continue;
    const folder = path.join(dir, entry.name);
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
}
