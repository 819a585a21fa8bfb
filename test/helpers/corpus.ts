import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

/**
 * The shared corpus of real DD documents and interview notes (../shared/corpus, or
 * ADOPTION_DESK_CORPUS). Tests READ it; nothing from it is copied into the project.
 * - ADOPTION_DESK_CORPUS set but the folder missing: an error (the suite fails).
 * - not set and ../shared/corpus absent: the suite reports itself skipped.
 */
export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface ManifestRow {
  [column: string]: string;
}

export interface Corpus {
  dir: string;
  /** File names in dd/, sorted. */
  ddFiles: string[];
  /** File names in interviews/, sorted. */
  interviewFiles: string[];
  manifest: ManifestRow[];
  interviewManifest: ManifestRow[];
  read(relative: string): string;
  bytes(relative: string): Buffer;
}

export function parseTsv(text: string): ManifestRow[] {
  const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = header!.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((cell, i) => [columns[i] ?? `column${i}`, cell])));
}

/** Where the corpus is, or why there is none. Throws when ADOPTION_DESK_CORPUS names a missing folder. */
export function locateCorpus(env: Record<string, string | undefined> = process.env): { dir: string } | { missing: string } {
  const fromEnv = env.ADOPTION_DESK_CORPUS;
  if (fromEnv) {
    const dir = path.resolve(REPO_ROOT, fromEnv);
    if (!fs.existsSync(path.join(dir, 'dd'))) {
      throw new Error(`ADOPTION_DESK_CORPUS is set to "${fromEnv}" but there is no corpus there (no ${path.join(dir, 'dd')}).`);
    }
    return { dir };
  }
  const dir = path.resolve(REPO_ROOT, '../shared/corpus');
  return fs.existsSync(path.join(dir, 'dd')) ? { dir } : { missing: dir };
}

export function openCorpus(dir: string): Corpus {
  const list = (sub: string) => (fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.md')).sort() : []);
  const tsv = (name: string) => (fs.existsSync(path.join(dir, name)) ? parseTsv(fs.readFileSync(path.join(dir, name), 'utf8')) : []);
  return {
    dir,
    ddFiles: list('dd'),
    interviewFiles: list('interviews'),
    manifest: tsv('MANIFEST.tsv'),
    interviewManifest: tsv('MANIFEST-interviews.tsv'),
    read: (relative) => fs.readFileSync(path.join(dir, relative), 'utf8'),
    bytes: (relative) => fs.readFileSync(path.join(dir, relative)),
  };
}

/** A describe block over the corpus, or a skipped one that says why. */
export function describeCorpus(name: string, body: (corpus: Corpus) => void): void {
  const located = locateCorpus();
  if ('missing' in located) {
    console.warn(`${name}: skipped, the corpus was not found at ${located.missing} (set ADOPTION_DESK_CORPUS to run it).`);
    describe.skip(name, () => {
      it.skip(`corpus not found at ${located.missing}`, () => {});
    });
    return;
  }
  describe(name, () => body(openCorpus(located.dir)));
}
