import { describe, expect, it } from 'vitest';
import { parseArchive } from '../../../templates/import/archive-check';
import { parseCsv } from '../../../templates/import/csv';
import { parseNotesFile } from '../../../templates/import/notes-parse';
import { prepareImportText } from '../../../templates/import/text';
import { doublingTimes, fittedGrowth } from '../../helpers/growth';

/**
 * Every reader of an imported file takes time in proportion to the file, whatever it holds
 * (issue 18, class 3): candidate lists, interview notes, archives and the text checks before
 * them. Each shape is a long run of what once made a pattern retry from every position; it
 * is doubled four times, and the time must grow by less than three times per doubling
 * (the growth of the best-fitting line over the five sizes: test/helpers/growth.ts).
 */
const spaces = (n: number) => ' '.repeat(n);

const CSV: Record<string, (n: number) => string> = {
  'a cell of spaces': (n) => `Organization,Contact\nGlobex${spaces(n)}x,Ada\n`,
  'a quoted cell of doubled quotes': (n) => `Organization,Notes\nGlobex,"${'""'.repeat(n / 2)}"\n`,
  'a quoted cell never closed': (n) => `Organization,Notes\nGlobex,"${'a,'.repeat(n / 2)}\n`,
  'a header of many empty columns': (n) => `Organization${','.repeat(n)}\nGlobex\n`,
  'many rows of one cell': (n) => `Organization\n${'Globex\n'.repeat(n / 7)}`,
  'a line of semicolons (another delimiter)': (n) => `Organization;Contact\n${'a;'.repeat(n / 2)}\n`,
  'a cell of line ends inside quotes': (n) => `Organization,Notes\nGlobex,"${'\n'.repeat(n)}"\n`,
};

const NOTES: Record<string, (n: number) => string> = {
  'a question padded with spaces': (n) => `# Notes\n\n## How do you run it?${spaces(n)}x\n\nIn production.\n`,
  'an italic question of many markers': (n) => `# Notes\n\n_${'*a'.repeat(n / 2)}?_\n\nIn production.\n`,
  'an attendees line of many names': (n) => `# Notes\n\nAttendees: ${'Ada Example, '.repeat(n / 13)}\n\n## How?\n\nYes.\n`,
  'a date line padded with spaces': (n) => `# Notes\n\nDate: June${spaces(n)}3${spaces(n)}2025\n\n## How?\n\nYes.\n`,
  'many questions': (n) => `# Notes\n\n${'## How do you run it?\n\nIn production.\n\n'.repeat(n / 40)}`,
  'one answer of many lines': (n) => `# Notes\n\n## How?\n\n${'In production.\n'.repeat(n / 15)}`,
  'a heading of many hashes and spaces': (n) => `# Notes\n\n${'# '.repeat(n / 2)}?\n\nYes.\n`,
};

const archiveOf = (summary: string, adopters = 1) =>
  JSON.stringify({
    format: 'adoption-desk-archive',
    version: 3,
    project: { key: 'p', slug: 'globex-mesh', name: 'Globex Mesh', level: 'incubation', applicationUrl: null, ddPullRequestUrl: null, adoptersFileUrl: null, notes: '', archived: false, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
    organizations: [],
    people: [],
    adopters: Array.from({ length: adopters }, () => ({ summary })),
  });

const ARCHIVE: Record<string, (n: number) => string> = {
  'a long string of escapes': (n) => archiveOf('\\"'.repeat(n / 2)),
  'more adopters than a project holds': (n) => archiveOf('x', n / 20),
  'many records that fail their checks': (n) => archiveOf('x', 1).replace('"summary":"x"', `"summary":"x","interviews":[${'{"key":1},'.repeat(n / 10)}{}]`),
  'JSON broken at the end of a long text': (n) => archiveOf('a'.repeat(n)).slice(0, -3),
};

const TEXT: Record<string, (n: number) => string> = {
  'many replacement characters': (n) => `Notes ${'\uFFFD '.repeat(n / 2)}`,
  'many line ends of every kind': (n) => '\r\n\r\n\n'.repeat(n / 5),
};

function expectLinear(read: (text: string) => unknown, make: (n: number) => string, firstSize: number) {
  const measure = () => doublingTimes((n) => {
    const text = make(n);
    return () => {
      try {
        read(text);
      } catch {
        // A refusal is an answer too; its time counts the same.
      }
    };
  }, firstSize);
  // Measured again once when it looks slow: other work on the shared machine (a collection, another
  // test) can stall one size. Each size keeps its faster time of the two runs.
  let times = measure();
  if (fittedGrowth(times) >= 3) {
    const again = measure();
    times = times.map((t, k) => Math.min(t, again[k]!));
  }
  // The growth per doubling over the whole range (quadratic work gives about 4): under 3.
  expect(fittedGrowth(times), `${times.map((t) => t.toFixed(1)).join(' → ')} ms`).toBeLessThan(3);
}

describe('the measure of growth', () => {
  it('reads linear work as about 2× per doubling and quadratic as about 4×, one stalled size or not', () => {
    expect(fittedGrowth([10, 20, 40, 80, 160], 1)).toBeCloseTo(2, 5);
    expect(fittedGrowth([10, 40, 160, 640, 2560], 1)).toBeCloseTo(4, 5);
    expect(fittedGrowth([50, 160, 200, 400, 800])).toBeLessThan(3);
    expect(fittedGrowth([50, 100, 400, 1600, 6400])).toBeGreaterThan(3);
  });
});

describe('reading imported files takes time in proportion to their length', () => {
  it.each(Object.entries(CSV))('a candidate list: %s', (_, make) => expectLinear(parseCsv, make, 100_000), 60_000);
  it.each(Object.entries(NOTES))('interview notes: %s', (_, make) => expectLinear(parseNotesFile, make, 25_000), 60_000);
  it.each(Object.entries(ARCHIVE))('an archive: %s', (_, make) => expectLinear(parseArchive, make, 25_000), 60_000);
  it.each(Object.entries(TEXT))('the text checks: %s', (_, make) => expectLinear((t) => prepareImportText('f.md', t), make, 25_000), 60_000);
});
