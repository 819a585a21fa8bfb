import { describe, expect, it } from 'vitest';
import { parseCsv, guessMapping, organizationDomain } from '../../../templates/import/csv';
import { dateAt, findDates, monthNumber, wholeDates } from '../../../templates/import/dates';
import { parseNotesFile } from '../../../templates/import/notes-parse';
import { assignQuestionKeys, tocQuestionKey } from '../../../templates/import/questions';
import { ImportTextError, MAX_IMPORT_BYTES, decodeImportBytes, prepareImportText } from '../../../templates/import/text';

/** Invented organizations and people only. */
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('import text', () => {
  it('UTF-8 with a BOM and CRLF: BOM dropped, LF line endings', () => {
    expect(decodeImportBytes('a.md', utf8('\uFEFF# Title\r\nline\rnext\r\n'))).toEqual({ text: '# Title\nline\nnext\n', warnings: [] });
  });

  it('UTF-16 with a byte-order mark is decoded', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Globex é\n', 'utf16le')]);
    expect(decodeImportBytes('a.md', le).text).toBe('# Globex é\n');
  });

  it('invalid UTF-8 is read as Windows-1252, with a warning', () => {
    const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]); // "Café" in Latin-1
    const decoded = decodeImportBytes('a.md', latin1);
    expect(decoded.text).toBe('Café\n');
    expect(decoded.warnings[0]).toMatch(/not valid UTF-8.*Windows-1252/);
  });

  it('binary files are refused with a plain message', () => {
    expect(() => decodeImportBytes('x.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toThrow(ImportTextError);
    expect(() => decodeImportBytes('x.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]))).toThrow(/not a text file/);
    expect(() => prepareImportText('x', '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010'.repeat(3))).toThrow(/not a text file/);
  });

  it('files over 50 MB are refused before anything else', () => {
    expect(() => decodeImportBytes('big.md', new Uint8Array(MAX_IMPORT_BYTES + 1))).toThrow(/big.md is 50.1 MB; the limit is 50 MB/);
  });

  it('a few unreadable characters are reported, not refused', () => {
    expect(prepareImportText('a.md', `Caf\uFFFD ${'text '.repeat(100)}`).warnings[0]).toMatch(/1 character that could not be read/);
  });
});

describe('dates', () => {
  it.each([
    ['9/8/2025', '2025-09-08'],
    ['1/27/2026 6:30 PM CET', '2026-01-27'],
    ['10th July 2025', '2025-07-10'],
    ['Sept. 11th, Wednesday, 2024', '2024-09-11'],
    ['Sept 3, 2024', '2024-09-03'],
    ['Jan 28, 2026 5PM CET', '2026-01-28'],
    ['2024-09-17', '2024-09-17'],
  ])('%s', (text, day) => {
    const d = dateAt(text, 0, true)!;
    expect(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`).toBe(day);
  });

  it('a date without a year, typos, and what is not a month', () => {
    expect(dateAt('October 17th', 0)).toMatchObject({ month: 10, day: 17, year: null });
    expect(monthNumber('Auguest', true)).toBe(8);
    expect(monthNumber('Auguest')).toBeNull();
    expect(monthNumber('Maybe', true)).toBeNull();
    expect(findDates('We may 2 things. In March 2024 we started.').map((d) => d.text)).toEqual(['March 2024']);
    expect(wholeDates('January 2025 AND September 2025')?.length).toBe(2);
    expect(wholeDates('January 2025 was good')).toBeNull();
  });
});

describe('TOC question matching', () => {
  it.each([
    ['How long has your organization used the project?', 'q1'],
    ['What factors led you to adopt it over other solutions in this domain?', 'q3'],
    ['What version is deployed and what is your upgrade policy?', 'q5'],
    ['Has your implementation of the project provided measurable value? Such as faster integrations, cost savings', 'q9'],
    ['If the project were to be archived, what would you do?', 'q10'],
    ['Do you rely on those levels internally in any way?', 'm3'],
    ['Can you give us an overview of your organization and what it does?', null],
  ])('%s', (question, key) => {
    expect(tocQuestionKey(question)).toBe(key);
  });

  it('two questions for one key: the one closer to the TOC wording gets it', () => {
    expect(
      assignQuestionKeys([
        'How are you participating in the project community?',
        'Did you need to engage with the community members or maintainers? Which communication channels did you use?',
      ]),
    ).toEqual([null, 'q8']);
  });
});

describe('notes files', () => {
  it('italic questions, an attendee block with groups on their own lines, a year-less date', () => {
    const parsed = parseNotesFile(
      '# Globex Mesh Adopter Interview - Adopter 2\n\nMeeting Time: October 17th\n\nAttendees:\n\tTOC:\n  - Rae Reviewer\n\tAdopter:\n  - Ada Example, Platform Lead\n  - Staff Engineer, Adopter 2\n\n## Usage\n_How long has your organization used the project?_\n\nThree years.\n\n_What is the current level of usage (pre-production, production) and scale?_\n\nProduction.\n',
    );
    expect(parsed.meeting).toMatchObject({ date: null, yearless: { month: 10, day: 17 } });
    expect(parsed.interviewers).toEqual(['Rae Reviewer']);
    expect(parsed.participants).toEqual([{ name: 'Ada Example', role: 'Platform Lead' }]);
    expect(parsed.answers.map((a) => [a.key, a.text])).toEqual([
      ['q1', 'Three years.'],
      ['q4', 'Production.'],
    ]);
    expect(parsed.warnings.join(' ')).toMatch(/names no one.*no year/s);
    expect(parsed.rawNotes).toContain('Staff Engineer, Adopter 2');
  });

  it('sub-headings inside an answer stay in it; a thematic break ends it', () => {
    const parsed = parseNotesFile('# X\n\n## Perception\n\n### What is your perception in terms of the project’s:\n\n#### Governance\n\nOpen.\n\n---\n\nFooter.\n');
    expect(parsed.answers).toEqual([expect.objectContaining({ key: 'custom-1', text: '### What is your perception in terms of the project’s:\n\n#### Governance\n\nOpen.' })]);
    expect(parsed.rawNotes).toBe('# X\n\n## Perception\n\n---\n\nFooter.');
  });
});

describe('CSV (RFC 4180)', () => {
  it('quotes, escaped quotes, line breaks in fields, CRLF, BOM, empty trailing fields', () => {
    const parsed = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,\r\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.header).toEqual(['a', 'b', 'c']);
    expect(parsed.rows).toEqual([
      { line: 2, cells: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 4, cells: ['1', '', ''] },
    ]);
  });

  it('semicolons and tabs are detected from the header', () => {
    expect(parseCsv('a;b\n1;2\n').rows[0]!.cells).toEqual(['1', '2']);
    expect(parseCsv('a\tb\n1\t2\n').rows[0]!.cells).toEqual(['1', '2']);
  });

  it('malformed rows are reported with their line', () => {
    expect(parseCsv('a,b\n"open,2\n3,4\n').problems).toEqual([{ line: 2, message: expect.stringMatching(/never closed/) }]);
    expect(parseCsv('a,b\nx"y,2\n').problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/quote stands inside/) });
    expect(parseCsv('a,b\n"x"y,2\n').problems[0]).toMatchObject({ line: 2 });
    expect(parseCsv('a,b\n1,2,3\n').problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/3 fields; the header has 2/) });
    expect(parseCsv('a,a\n1,2\n').problems[0]!.message).toMatch(/Two columns are named "a"/);
    expect(parseCsv('a,a,a,b\n1,2,3,4\n').problems.map((p) => p.message)).toEqual(['3 columns are named "a".']);
    // A run of unnamed columns is one problem, however wide: the reviewer reads one sentence.
    expect(parseCsv(`a,,,b,${','.repeat(5000)}\n1\n`).problems.map((p) => p.message)).toEqual([
      'Columns 2 to 3 have no name in the header.',
      'Columns 5 to 5,005 have no name in the header.',
    ]);
    expect(parseCsv('a,,b\n1,2,3\n').problems.map((p) => p.message)).toEqual(['Column 2 has no name in the header.']);
  });

  it('a mapping guessed from the header; organization domains from e-mail addresses', () => {
    expect(guessMapping(['Company name', 'Your name', 'Job title', 'Work e-mail', 'Website', 'Sector', 'Anything else'])).toEqual({
      'Company name': 'organization',
      'Your name': 'name',
      'Job title': 'role',
      'Work e-mail': 'email',
      Website: 'website',
      Sector: 'industry',
    });
    expect(organizationDomain('ada@mail.globex.example')).toBe('globex.example');
    expect(organizationDomain('ada@gmail.com')).toBeNull();
  });
});
