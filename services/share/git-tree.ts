/**
 * A shared project's files in and out of Git objects, without a working tree (team mode,
 * docs/team.md): a commit's files read with two Git processes whatever their number, and a set
 * of files written as blobs and trees with one process per folder depth. Objects are written
 * before any ref names them, so a kill in between leaves only unreferenced objects.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gitError, gitFailureText, runGit, text } from './git';

/** A shared project as files: path in the repository (`adopters/<uid>.json`) → its text. */
export type ShareFiles = ReadonlyMap<string, string>;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

interface TreeEntry {
  type: string;
  oid: string;
  path: string;
}

async function listTree(gitDir: string, commit: string): Promise<TreeEntry[]> {
  const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', commit], { gitDir, doing: 'list the shared files' });
  const entries: TreeEntry[] = [];
  for (const record of listing.stdout.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [, type, oid] = record.slice(0, tab).split(' ');
    entries.push({ type: type!, oid: oid!, path: record.slice(tab + 1) });
  }
  return entries;
}

/**
 * Git's name for a file's content (its blob id, SHA-1 as the clone is made), computed here so
 * "has anything changed?" costs one `ls-tree` and no write.
 */
export function blobId(content: string): string {
  const body = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
}

/** Each file of a commit and its blob id (none for null). */
export async function fileIds(gitDir: string, commit: string | null): Promise<Map<string, string>> {
  if (commit === null) return new Map();
  return new Map((await listTree(gitDir, commit)).filter((e) => e.type === 'blob').map((e) => [e.path, e.oid]));
}

/** True when the files are exactly those of `ids` (same paths, same bytes). */
export function sameFiles(files: ShareFiles, ids: ReadonlyMap<string, string>): boolean {
  if (files.size !== ids.size) return false;
  for (const [file, content] of files) if (ids.get(file) !== blobId(content)) return false;
  return true;
}

/** The files of a commit (none for null), read with one `cat-file --batch` for all of them. */
export async function readTree(gitDir: string, commit: string | null): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (commit === null) return files;
  const blobs = (await listTree(gitDir, commit)).filter((entry) => entry.type === 'blob');
  if (blobs.length === 0) return files;
  const batch = await runGit(['cat-file', '--batch'], { gitDir, doing: 'read the shared files', input: blobs.map((b) => b.oid).join('\n') + '\n' });
  const out = batch.stdout;
  let at = 0;
  for (const blob of blobs) {
    const newline = out.indexOf(0x0a, at);
    const header = out.subarray(at, newline).toString('latin1').split(' ');
    if (header[1] !== 'blob') throw gitError('IO_ERROR', 'failed', `The shared file ${blob.path} is missing from the copy of the repository; sync again to fetch it.`);
    const size = Number(header[2]);
    const body = out.subarray(newline + 1, newline + 1 + size);
    at = newline + 1 + size + 1;
    try {
      files.set(blob.path, UTF8.decode(body));
    } catch {
      throw gitError('VALIDATION', 'not-text', `The shared file ${blob.path} is not text; nothing was read from it.`);
    }
  }
  return files;
}

/** Refuses a path Git would store badly or that names no file: empty parts, `.`, `..`, `.git`, control characters. */
function checkPath(file: string): string[] {
  const parts = file.split('/');
  const bad = parts.some((part) => part === '' || part === '.' || part === '..' || part.toLowerCase() === '.git') || [...file].some((c) => c.charCodeAt(0) < 0x20);
  if (bad) throw gitError('VALIDATION', 'bad-path', `Adoption Desk cannot share a file named “${file}”.`);
  return parts;
}

interface Folder {
  files: Map<string, string>; // name → blob oid
  folders: Map<string, Folder>;
  depth: number;
}

const newFolder = (depth: number): Folder => ({ files: new Map(), folders: new Map(), depth });

function folderTree(paths: readonly string[], oids: readonly string[]): Folder {
  const root = newFolder(0);
  paths.forEach((file, index) => {
    const parts = checkPath(file);
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      if (folder.files.has(part)) throw gitError('VALIDATION', 'bad-path', `Adoption Desk cannot share both a file and a folder named “${part}”.`);
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = newFolder(folder.depth + 1)));
      folder = next;
    }
    const name = parts[parts.length - 1]!;
    if (folder.folders.has(name)) throw gitError('VALIDATION', 'bad-path', `Adoption Desk cannot share both a file and a folder named “${name}”.`);
    folder.files.set(name, oids[index]!);
  });
  return root;
}

/** Writes the blobs through temporary files in the repository folder (the data folder, not /tmp). */
async function writeBlobs(gitDir: string, contents: readonly string[]): Promise<string[]> {
  const scratch = fs.mkdtempSync(path.join(gitDir, 'adoption-desk-write-'));
  try {
    const names = contents.map((content, index) => {
      const name = path.join(scratch, String(index));
      fs.writeFileSync(name, content);
      return name;
    });
    const written = await runGit(['hash-object', '-w', '--no-filters', '--stdin-paths'], { gitDir, doing: 'write the shared files', input: names.join('\n') + '\n' });
    return text(written).split('\n');
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Writes the files as Git objects and returns the root tree: folders deepest first, every
 * folder of one depth in one `mktree --batch`.
 */
export async function writeTree(gitDir: string, files: ShareFiles): Promise<string> {
  const paths = [...files.keys()].sort();
  if (paths.length === 0) return text(await runGit(['mktree'], { gitDir, doing: 'write the shared folders' }));
  const oids = await writeBlobs(gitDir, paths.map((p) => files.get(p)!));
  const root = folderTree(paths, oids);
  const byDepth: Folder[][] = [];
  const collect = (folder: Folder) => {
    (byDepth[folder.depth] ??= []).push(folder);
    folder.folders.forEach(collect);
  };
  collect(root);
  const treeOids = new Map<Folder, string>();
  for (let depth = byDepth.length - 1; depth >= 0; depth--) {
    const level = byDepth[depth]!;
    const input = level.map((folder) => {
      const lines = [...folder.files].map(([name, oid]) => `100644 blob ${oid}\t${name}\n`);
      for (const [name, child] of folder.folders) lines.push(`040000 tree ${treeOids.get(child)!}\t${name}\n`);
      return lines.join('');
    });
    const made = text(await runGit(['mktree', '--batch'], { gitDir, doing: 'write the shared folders', input: input.join('\n') })).split('\n');
    level.forEach((folder, index) => treeOids.set(folder, made[index]!));
  }
  return treeOids.get(root)!;
}

const NO_IDENTITY = /tell me who you are|empty ident|auto-detection is disabled|unable to auto-detect|no email was given|no name was given/i;

/**
 * A commit of `tree` with these parents, by the reviewer's Git identity (their own config), with
 * a generic message: change labels name people and adopters, so they never become messages.
 */
export async function commitTree(gitDir: string, tree: string, parents: readonly string[], message = 'Adoption Desk sync'): Promise<string> {
  try {
    const made = await runGit(['commit-tree', '--no-gpg-sign', tree, ...parents.flatMap((p) => ['-p', p]), '-m', message], { gitDir, doing: 'record the shared project' });
    return text(made);
  } catch (error) {
    if (NO_IDENTITY.test(gitFailureText(error))) {
      throw gitError(
        'VALIDATION',
        'no-identity',
        'Git does not know your name and email yet, and your teammates see them on what you share. Set them once in a terminal (git config --global user.name "Your Name" and git config --global user.email you@example.org), then try again.',
      );
    }
    throw error;
  }
}
