import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, overLimit, sizeInWords } from '../../../domain/limits';
import { MAX_NESTING } from '../../../markdown/blocks';
import { createRng } from '../../../scripts/bench/prng';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

/**
 * One table of limits, every door (issue 18, class 4): a DD, a notes file, a candidate list
 * and an archive over a limit are refused by the command line with the documented exit code
 * (4), one plain sentence in the table's words (no stack trace, no schema path), and the
 * store exactly as it was (its archive and its project list before and after). Inputs are
 * generated, with invented organizations and people; each door is also given the largest
 * input it accepts, whose project then goes through its own archive and back unchanged.
 */

const rng = createRng(process.env.LIMITS_SEED ?? 'issue-18-limits');
const SYLLABLES = ['quill', 'orbi', 'tern', 'vask', 'lumen', 'corra', 'pell', 'dray', 'mosk', 'fen'];
const orgName = (n: number) => `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)} ${n}`.replace(/^./, (c) => c.toUpperCase());
const sentence = (n: number) => `Team ${n} runs the relay in production across ${1 + (n % 5)} regions; upgrades are routine now.`;
/** Text of exactly `bytes` bytes (ASCII) in paragraphs, as an importer keeps it (no space at a line's end). */
const textOf = (bytes: number, seed: number) => {
  let s = '';
  for (let k = 0; s.length < bytes; k++) s += (k === 0 ? '' : k % 6 === 0 ? '\n\n' : ' ') + sentence(seed + k);
  return `${s.slice(0, bytes - 1).trimEnd()}.`.padEnd(bytes, '.');
};

const entry = (n: number, summary: string) => `##### Adopter ${n} - ${orgName(n)} - Logistics\n\nMARCH 2025\n\n${summary}\n\n`;
const dd = (entries: string[]) => `# Orbit Relay Incubation Due Diligence\n\n#### Adoption\n\n${entries.join('')}`;
const csv = (rows: number) => `Organization,Contact,Email\n${Array.from({ length: rows }, (_, i) => `${orgName(i + 1)},Ada Vell ${i + 1},ada${i + 1}@relay${i + 1}.example`).join('\n')}\n`;
const notes = (rawBytes: number) => `# Interview notes\n\n## Are you running the project in production?\n\n${textOf(rawBytes, 7)}\n`;

let dir = '';
let db = '';
const run = (...args: string[]) => cli(['--db', db, ...args]);
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  fs.writeFileSync(at, text);
  return at;
};

/** What a reviewer could see of the store: its projects and the seeded project's archive, byte for byte. */
async function snapshot(): Promise<string> {
  const out = path.join(dir, 'snapshot.json');
  const list = await run('project', 'list', '--json');
  const archived = await run('archive', 'export', '--project', 'orbit-relay', '--out', out);
  expect(archived.code).toBe(0);
  return `${list.stdout}\n${fs.readFileSync(out, 'utf8')}`;
}

/** A refusal as the issue asks: exit 4, one plain sentence, the store untouched. */
async function expectRefused(args: string[], says: RegExp): Promise<string> {
  const before = await snapshot();
  const result = await run(...args);
  expect(result.code, result.stdout + result.stderr).toBe(4);
  expect(result.stderr).toMatch(says);
  expect(result.stderr).toMatch(/Nothing was (imported|saved)|nothing was imported/);
  // No stack, no schema path, no driver words.
  expect(result.stderr).not.toMatch(/\n\s+at |\[\d+\]|adopters\.\d|ZodError|SqliteError|Too big: expected/);
  expect(await snapshot()).toBe(before);
  return result.stderr;
}

beforeAll(async () => {
  dir = tempDir('adoption-desk-limits-');
  db = path.join(dir, 'desk.sqlite');
  const seeded = await run('import-dd', file('seed.md', dd([1, 2, 3].map((n) => entry(n, textOf(800, n))))));
  expect(seeded.code, seeded.stderr).toBe(0);
});

describe('the table speaks one language', () => {
  it('sizes read as a reviewer reads them, and never round down to the limit', () => {
    expect(sizeInWords(5_200_000)).toBe('5.2 MB');
    expect(sizeInWords(LIMITS.fieldBytes)).toBe('1 MB');
    expect(sizeInWords(LIMITS.fieldBytes + 1)).toBe('1.1 MB');
    expect(sizeInWords(812_000)).toBe('812 KB');
    expect(sizeInWords(17)).toBe('17 bytes');
    expect(overLimit('The summary of Adopter 3', 5_200_000, LIMITS.fieldBytes)).toBe('The summary of Adopter 3 is 5.2 MB; the limit is 1 MB.');
  });

  it('the reader nests no deeper than the table says', () => {
    expect(MAX_NESTING).toBe(LIMITS.nesting);
  });
});

describe('every door refuses what is over a limit, in the same words, and keeps nothing', () => {
  it('a DD summary over 1 MB, with its adopter and line', async () => {
    const big = textOf(LIMITS.fieldBytes + 1 + rng.int(0, 50_000), 11);
    const said = await expectRefused(['import-dd', file('over.md', dd([entry(1, 'Short.'), entry(2, big)])), '--name', 'Tern Works', '--level', 'incubation'], /The summary of Adopter 2 \(line \d+\) is 1\.\d MB; the limit is 1 MB\./);
    expect(said).toContain('over.md');
  });

  it('a DD with more entries than a project holds', async () => {
    const entries = Array.from({ length: LIMITS.adopters + 1 + rng.int(0, 20) }, (_, i) => entry(i + 1, 'In production.'));
    await expectRefused(['import-dd', file('many.md', dd(entries)), '--name', 'Tern Works', '--level', 'incubation'], new RegExp(`many\\.md has 1,0\\d\\d adopter entries; a project holds at most 999 adopters`));
  });

  it('a DD entry numbered past the last adopter number, with its line', async () => {
    const number = LIMITS.adopters + rng.int(1, 5_000);
    await expectRefused(['import-dd', file('numbered.md', dd([entry(1, 'One.'), entry(number, 'Far.')])), '--name', 'Tern Works', '--level', 'incubation'], /numbers an entry Adopter [\d,]+ \(line \d+\); adopter numbers go up to 999/);
  });

  it('a candidate list that would take a project past 999 adopters, counting those it has', async () => {
    // Orbit Relay has 3 adopters: 997 more would be 1,000.
    const said = await expectRefused(['import-candidates', file('list.csv', csv(LIMITS.adopters - 2)), '--project', 'orbit-relay'], /list\.csv has 997 candidates, and Orbit Relay has 3 already; a project holds at most 999 adopters/);
    expect(said).toContain('Split the file');
  });

  it('interview notes over 1 MB', async () => {
    await expectRefused(['import-notes', file('notes.md', notes(LIMITS.fieldBytes + 10)), '--project', 'orbit-relay', '--adopter', '1'], /is 1\.1 MB; the limit is 1 MB\./);
  });

  it('an archive whose summary is over 1 MB, the place named in words', async () => {
    const out = path.join(dir, 'orbit.json');
    expect((await run('archive', 'export', '--project', 'orbit-relay', '--out', out)).code).toBe(0);
    const archive = JSON.parse(fs.readFileSync(out, 'utf8')) as { adopters: { interviews: { summary: string }[] }[] };
    archive.adopters[1]!.interviews[0]!.summary = textOf(LIMITS.fieldBytes + 300_000, 3);
    await expectRefused(['archive', 'import', file('changed.json', JSON.stringify(archive))], /Adopter 2, interview of 2025-03, the summary: The summary is 1\.3 MB; the limit is 1 MB\./);
  });

  it('an archive with more adopters than a project holds, before any record is checked', async () => {
    const out = path.join(dir, 'orbit.json');
    expect((await run('archive', 'export', '--project', 'orbit-relay', '--out', out)).code).toBe(0);
    const archive = JSON.parse(fs.readFileSync(out, 'utf8')) as { adopters: unknown[] };
    archive.adopters = Array.from({ length: LIMITS.adopters + 1 }, (_, k) => archive.adopters[k % archive.adopters.length]);
    await expectRefused(['archive', 'import', file('crowded.json', JSON.stringify(archive))], /It holds 1,000 adopters; a project holds at most 999\./);
  });

  it('a file over the size limit, at every door, in one sentence', async () => {
    const huge = file('huge.txt', 'a'.repeat(LIMITS.fileBytes + 1));
    const sentenceOf = /huge\.txt is 50\.1 MB; the limit is 50 MB, far beyond any DD or notes; this is not a file Adoption Desk imports\. Nothing was imported\./;
    await expectRefused(['import-dd', huge, '--project', 'orbit-relay'], sentenceOf);
    await expectRefused(['import-notes', huge, '--project', 'orbit-relay', '--adopter', '1'], sentenceOf);
    await expectRefused(['import-candidates', huge, '--project', 'orbit-relay'], sentenceOf);
    await expectRefused(['archive', 'import', huge], sentenceOf);
  });
});

describe('the largest inputs each door accepts go through the project’s own archive unchanged', () => {
  /** Imports into a new store, exports, imports the archive into another empty store, exports again: the same bytes. */
  async function roundTrip(slug: string): Promise<string> {
    const first = path.join(dir, `${slug}-1.json`);
    expect((await run('archive', 'export', '--project', slug, '--out', first)).code).toBe(0);
    const otherDb = path.join(tempDir('adoption-desk-limits-other-'), 'other.sqlite');
    const imported = await cli(['--db', otherDb, 'archive', 'import', first]);
    expect(imported.code, imported.stderr).toBe(0);
    const second = path.join(dir, `${slug}-2.json`);
    expect((await cli(['--db', otherDb, 'archive', 'export', '--project', slug, '--out', second])).code).toBe(0);
    const bytes = fs.readFileSync(first, 'utf8');
    expect(fs.readFileSync(second, 'utf8')).toBe(bytes);
    return bytes;
  }

  it('a DD summary of exactly 1 MB, and 999 entries', async () => {
    const entries = Array.from({ length: LIMITS.adopters }, (_, i) => entry(i + 1, i === 0 ? textOf(LIMITS.fieldBytes, 5) : 'They run it in production.'));
    const result = await run('import-dd', file('largest.md', dd(entries)), '--name', 'Corra Mesh', '--level', 'graduation');
    expect(result.code, result.stderr).toBe(0);
    const archive = JSON.parse(await roundTrip('corra-mesh')) as { adopters: { number: number; interviews: { summary: string }[] }[] };
    expect(archive.adopters).toHaveLength(LIMITS.adopters);
    expect(Buffer.byteLength(archive.adopters[0]!.interviews[0]!.summary)).toBe(LIMITS.fieldBytes);
  }, 120_000);

  it('a candidate list that fills a project to 999 adopters', async () => {
    expect((await run('project', 'add', '--name', 'Pell Relay', '--level', 'incubation')).code).toBe(0);
    const result = await run('import-candidates', file('full.csv', csv(LIMITS.adopters)), '--project', 'pell-relay');
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(await roundTrip('pell-relay')) as { adopters: unknown[] }).adopters).toHaveLength(LIMITS.adopters);
    // The project is full: one more adopter is refused in words, at the editor's door too.
    const more = await run('import-candidates', file('one.csv', csv(1)), '--project', 'pell-relay');
    expect(more.code).toBe(4);
    expect(more.stderr).toMatch(/one\.csv has 1 candidate, and Pell Relay has 999 already; a project holds at most 999 adopters/);
  }, 120_000);

  it('interview notes of 1 MB', async () => {
    const result = await run('import-notes', file('full-notes.md', notes(LIMITS.fieldBytes - 200)), '--project', 'orbit-relay', '--adopter', '2');
    expect(result.code, result.stderr).toBe(0);
    await roundTrip('orbit-relay');
  });
});
