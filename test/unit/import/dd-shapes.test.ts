import { describe, expect, it } from 'vitest';
import { headingsOf, isNotAnAdopterHeading } from '../../../templates/import/dd-headings';
import { parseDdDocument, type DdEntry, type ParsedDd } from '../../../templates/import/dd-parse';
import { freshDesk, inProcessDeskApi, unwrap } from '../../helpers/desk';
import { projectRecords, type ProjectRecords } from './records';
import { wordsKept } from './words-kept';

/**
 * Adoption sections written the way reviewers write them, every heading and interviewee
 * style mixed (invented organizations and people only). Each fixture says what a reader
 * sees: which adopters, their label, organization, anonymity, people and month; and that
 * every word of the section reaches the imported records, and the export gives the
 * document's entries back, in order, in the document's words.
 */

const dd = (section: string) => `# Globex Mesh Incubation Due Diligence\n\n## Ecosystem\n\nSome text.\n\n${section}\n## Security\n\nOther text.\n`;

interface Expected {
  number: number;
  heading: string;
  organization: string | null;
  industry: string | null;
  anonymous: boolean;
  publicLabel: string | null;
  people: [string, string | null][];
  months: string[];
  readAs: DdEntry['readAs'];
}

const seen = (e: DdEntry): Expected => ({
  number: e.number,
  heading: e.heading,
  organization: e.organization,
  industry: e.industry,
  anonymous: e.anonymous,
  publicLabel: e.publicLabel,
  people: e.people.map((p) => [p.name, p.role]),
  months: e.months,
  readAs: e.readAs,
});

const named = (number: number, heading: string, organization: string, industry: string | null, people: [string, string | null][], month: string): Expected => ({
  number,
  heading,
  organization,
  industry,
  anonymous: false,
  publicLabel: null,
  people,
  months: [month],
  readAs: 'organization',
});

const anonymous = (number: number, heading: string, industry: string, month: string): Expected => ({
  number,
  heading,
  organization: null,
  industry,
  anonymous: true,
  publicLabel: industry,
  people: [],
  months: [month],
  readAs: 'label',
});

/** Level-5 headings of the section: each one an entry unless it is an aside. */
function level5(text: string, parsed: ParsedDd): number {
  const section = parsed.section!;
  return headingsOf(text.split('\n')).filter((h) => h.index >= section.line && h.index < section.lastLine && h.level === 5).length;
}

/** What the export can carry back (as in the corpus suite): no project notes, no links on labels, no anonymous adopters' people. */
function exportable(records: ProjectRecords): ProjectRecords {
  return {
    ...records,
    project: { ...records.project, notes: '' },
    adopters: records.adopters.map((a) => ({
      ...a,
      organization: { ...a.organization, website: null },
      interviews: a.interviews.map((i) => ({ ...i, participants: a.anonymous ? [] : i.participants })),
    })),
  };
}

const CLOCK = () => new Date('2026-07-01T10:00:00Z');

/** Imports, measures the words kept, exports, re-imports the export: the same records and the same bytes. */
async function importAndRoundTrip(text: string, parsed: ParsedDd) {
  const a = freshDesk({ clock: CLOCK });
  const api = inProcessDeskApi(a);
  const report = await unwrap(api.importDdDocument({ fileName: 'globex-mesh.md', text }));
  const records = projectRecords(a, report.projectId!);
  const words = wordsKept(text, parsed, records);
  const exported = await unwrap(api.exportAdoptionMarkdown({ projectId: report.projectId! }));
  const headings = exported.markdown.split('\n').filter((l) => l.startsWith('##### '));
  const b = freshDesk({ clock: CLOCK });
  const apiB = inProcessDeskApi(b);
  const project = await unwrap(apiB.createProject({ name: records.project.name, level: records.project.level }));
  await unwrap(apiB.importDdDocument({ fileName: 'export.md', text: exported.markdown, projectId: project.id }));
  const again = await unwrap(apiB.exportAdoptionMarkdown({ projectId: project.id }));
  return { report, records, words, exported: exported.markdown, headings, recordsB: projectRecords(b, project.id), again: again.markdown };
}

/** The checks every fixture passes, whatever its shape. */
async function expectWholeImport(text: string, expected: Expected[]) {
  const parsed = parseDdDocument(text);
  expect(parsed.entries.map(seen)).toEqual(expected);
  const done = await importAndRoundTrip(text, parsed);
  expect(done.words.missing).toEqual([]);
  expect(done.words.kept).toBe(done.words.total);
  expect(done.words.total).toBeGreaterThan(0);
  // The document's entries, in the document's order, each with its own words.
  expect(done.headings.map((h) => Number(/^##### Adopter (\d+) - /.exec(h)?.[1]))).toEqual(expected.map((e) => e.number));
  for (const e of parsed.entries) expect(done.exported).toContain(e.summary);
  expect(done.recordsB).toEqual(exportable(done.records));
  expect(done.again).toBe(done.exported);
  return { parsed, ...done };
}

describe('an Adoption section that mixes heading styles', () => {
  const text = dd(`#### Adoption

The TOC interviewed seven adopters in the autumn.

##### Globex

Ada Example, Platform Lead
SEPTEMBER 2024

Globex runs Globex Mesh in production across three regions.

##### Initech - technology company

Bo Sample, Cy Person
October 2024

Initech uses it for its test clusters.

##### Hooli Corporation — financial services

_Dee Tester, Head of Platform_
November 2024

Hooli runs two clusters, and the payment team depends on it.

##### Adopter 4 - Retail

DECEMBER 2024

The retailer evaluated it for a quarter.

##### Adopter 5- retail

JANUARY 2025

A second retailer uses it for its web shop.

##### Adopter 6 -  finance

February 2025

A bank adopted it last year.

##### Adopter 8: Telco

March 2025

The operator runs it at the edge.
`);

  it('every level-5 heading is an entry: organizations named, descriptions as industries, numbered descriptions anonymous', async () => {
    const { parsed, ...done } = await expectWholeImport(text, [
      named(1, '##### Globex', 'Globex', null, [['Ada Example', 'Platform Lead']], '2024-09'),
      named(2, '##### Initech - technology company', 'Initech', 'technology company', [['Bo Sample', null], ['Cy Person', null]], '2024-10'),
      named(3, '##### Hooli Corporation — financial services', 'Hooli Corporation', 'financial services', [['Dee Tester', 'Head of Platform']], '2024-11'),
      anonymous(4, '##### Adopter 4 - Retail', 'Retail', '2024-12'),
      anonymous(5, '##### Adopter 5- retail', 'retail', '2025-01'),
      anonymous(6, '##### Adopter 6 -  finance', 'finance', '2025-02'),
      anonymous(8, '##### Adopter 8: Telco', 'Telco', '2025-03'),
    ]);
    expect(parsed.entries).toHaveLength(level5(text, parsed));
    expect(parsed.notes).toBe('The TOC interviewed seven adopters in the autumn.');
    // Only the introduction's words stay with the project; every other word reached an adopter.
    expect(done.words.inNotes).toBe(8);
    const warnings = [...parsed.warnings, ...parsed.entries.flatMap((e) => e.warnings)].join('\n');
    expect(warnings).toMatch(/"Globex" \(line \d+\) has no adopter number; it becomes Adopter 1/);
    expect(warnings).toMatch(/There is no Adopter 7 in the document/);
    expect(warnings).toMatch(/The label "retail" is only an industry, so Adopter 5 is read as anonymous; confirm that it is/);
    expect(parsed.entries.find((e) => e.number === 2)!.readBecause).toMatch(/after the dash, a description kept as its industry/);
    expect(parsed.entries.find((e) => e.number === 4)!.readBecause).toMatch(/only an industry/);
  });
});

describe('numbering that starts anywhere or has gaps', () => {
  it('numbers kept as written, the gap reported', async () => {
    const text = dd(`#### Adoption

##### Adopter 3 - Globex/Finance

_Ada Example, SRE_\\
SEPTEMBER 2024

Globex runs it.

##### Adopter 4 - Initech

October 2024

Initech runs it too.

##### Adopter 7 - Hooli / Telco

November 2024

Hooli is trying it.
`);
    const { parsed } = await expectWholeImport(text, [
      named(3, '##### Adopter 3 - Globex/Finance', 'Globex', 'Finance', [['Ada Example', 'SRE']], '2024-09'),
      named(4, '##### Adopter 4 - Initech', 'Initech', null, [], '2024-10'),
      named(7, '##### Adopter 7 - Hooli / Telco', 'Hooli', 'Telco', [], '2024-11'),
    ]);
    expect(parsed.warnings.join('\n')).toMatch(/There is no Adopter 1, Adopter 2, Adopter 5, Adopter 6 in the document/);
  });
});

describe('an organization heading between numbered ones', () => {
  it('gets the first number no heading was written with; the report says the export order differs', async () => {
    const text = dd(`#### Adoption

##### Adopter 1 - Globex

May 2025

Globex runs it.

##### Initech

Bo Sample, Architect
May 2025

Initech runs it.

##### Adopter 2 - Hooli

June 2025

Hooli runs it.
`);
    const parsed = parseDdDocument(text);
    expect(parsed.entries.map(seen)).toEqual([
      named(1, '##### Adopter 1 - Globex', 'Globex', null, [], '2025-05'),
      named(3, '##### Initech', 'Initech', null, [['Bo Sample', 'Architect']], '2025-05'),
      named(2, '##### Adopter 2 - Hooli', 'Hooli', null, [], '2025-06'),
    ]);
    expect(parsed.warnings.join('\n')).toMatch(/"Initech" \(line \d+\) has no adopter number; it becomes Adopter 3/);
    expect(parsed.warnings.join('\n')).toMatch(/numbered 1, 3, 2 in the document's order; the export lists them by number/);
    const done = await importAndRoundTrip(text, parsed);
    expect(done.words.missing).toEqual([]);
    expect(done.headings.map((h) => Number(/^##### Adopter (\d+) - /.exec(h)?.[1]))).toEqual([1, 2, 3]);
    expect(done.recordsB).toEqual(exportable(done.records));
  });
});

describe('entries with their own subsections', () => {
  it('one entry each; the ###### headings stay inside its summary', async () => {
    const text = dd(`#### Adoption

##### **Globex**

_Ada Example, SRE_\\
March 2025

###### Usage

Globex runs it on every cluster.

###### Perception and Feeling

The team trusts it.

###### Strengths and Improvements

Upgrades could be easier.

##### Adopter 2 - Initech / Finance

April 2025

###### Usage

Initech runs it for payments.
`);
    const { parsed } = await expectWholeImport(text, [
      named(1, '##### **Globex**', 'Globex', null, [['Ada Example', 'SRE']], '2025-03'),
      named(2, '##### Adopter 2 - Initech / Finance', 'Initech', 'Finance', [], '2025-04'),
    ]);
    expect(parsed.entries.map((e) => e.subsections)).toEqual([['Usage', 'Perception and Feeling', 'Strengths and Improvements'], ['Usage']]);
    expect(parsed.entries[0]!.summary).toBe(
      '###### Usage\n\nGlobex runs it on every cluster.\n\n###### Perception and Feeling\n\nThe team trusts it.\n\n###### Strengths and Improvements\n\nUpgrades could be easier.',
    );
  });
});

describe('interviewee lines as reviewers type them', () => {
  it.each<[string, [string, string | null][]]>([
    ['Ada Example, Bo Sample', [['Ada Example', null], ['Bo Sample', null]]],
    ['Ada Example, Bo Sample and Cy Person', [['Ada Example', null], ['Bo Sample', null], ['Cy Person', null]]],
    ['Ada Example, Platform Lead, Bo Sample, SRE', [['Ada Example', 'Platform Lead'], ['Bo Sample', 'SRE']]],
    ['Ada Example (Platform Lead), Bo Sample (SRE)', [['Ada Example', 'Platform Lead'], ['Bo Sample', 'SRE']]],
    ['Ada Example, Head of Platform at Initech', [['Ada Example', 'Head of Platform at Initech']]],
    ['Ada Example, Staff Engineer, Initech', [['Ada Example', 'Staff Engineer, Initech']]],
    ['Ada Example, Staff Engineer, Initech Labs, Bo Sample, Architect', [['Ada Example', 'Staff Engineer, Initech Labs'], ['Bo Sample', 'Architect']]],
    ['_Ada Example, Platform Lead_', [['Ada Example', 'Platform Lead']]],
    ['_Ada Example, Platform Lead, Bo Sample, SRE_', [['Ada Example', 'Platform Lead'], ['Bo Sample', 'SRE']]],
    ['_Ada Example, Platform Lead and Bo Sample, SRE_', [['Ada Example', 'Platform Lead'], ['Bo Sample', 'SRE']]],
  ])('%s', async (line, people) => {
    const text = dd(`#### Adoption\n\n##### Initech\n\n${line}\nMay 2025\n\nInitech runs it in production.\n`);
    await expectWholeImport(text, [named(1, '##### Initech', 'Initech', null, people, '2025-05')]);
  });

  it('the date first, then the people', async () => {
    const text = dd(`#### Adoption\n\n##### Initech - logistics company\n\nJune 2025\n\nAda Example, Bo Sample\n\nInitech ships with it.\n`);
    await expectWholeImport(text, [named(1, '##### Initech - logistics company', 'Initech', 'logistics company', [['Ada Example', null], ['Bo Sample', null]], '2025-06')]);
  });

  it.each(['Kubernetes, Helm, Argo CD', 'Globex Labs, Springfield', 'Hooli, Initech and Globex'])('"%s" under the heading is the summary, not people', async (line) => {
    const text = dd(`#### Adoption\n\n##### Initech\n\nJune 2025\n\n${line}\n`);
    const [entry] = (await expectWholeImport(text, [named(1, '##### Initech', 'Initech', null, [], '2025-06')])).parsed.entries;
    expect(entry!.summary).toBe(line);
  });

  it('a sentence under the heading is the summary, not people', async () => {
    const text = dd(`#### Adoption\n\n##### Initech\n\nJune 2025\n\nInitech Labs, a team in Springfield, runs it\n`);
    const [entry] = (await expectWholeImport(text, [named(1, '##### Initech', 'Initech', null, [], '2025-06')])).parsed.entries;
    expect(entry!.summary).toBe('Initech Labs, a team in Springfield, runs it');
  });
});

describe('headings that are not adopters', () => {
  it('"Summary", "Methodology", "Adopters interviewed": kept with their text in the project notes, each named in a warning', async () => {
    const text = dd(`#### Adoption

##### Methodology

We asked each adopter the TOC's questions.

##### Adopters interviewed

Three organizations answered.

##### Globex - technology company

Ada Example
July 2025

Globex runs it.

##### Adopter 2 - Energy

July 2025

The utility runs it.

##### Summary

All of them would recommend it.
`);
    const { parsed, records } = await expectWholeImport(text, [
      named(1, '##### Globex - technology company', 'Globex', 'technology company', [['Ada Example', null]], '2025-07'),
      anonymous(2, '##### Adopter 2 - Energy', 'Energy', '2025-07'),
    ]);
    expect(parsed.entries.length).toBe(level5(text, parsed) - 3);
    for (const name of ['Methodology', 'Adopters interviewed', 'Summary']) {
      expect(parsed.warnings.join('\n')).toContain(`The heading "${name}" (line`);
    }
    expect(parsed.notes).toBe(
      "##### Methodology\n\nWe asked each adopter the TOC's questions.\n\n##### Adopters interviewed\n\nThree organizations answered.\n\n##### Summary\n\nAll of them would recommend it.",
    );
    expect(records.project.notes).toBe(parsed.notes);
    expect(parsed.entries[1]!.summary).toBe('The utility runs it.');
  });
});

describe('reading one heading', () => {
  it.each([
    ['Summary', true],
    ['Methodology', true],
    ['Adopters interviewed', true],
    ['**Common themes**', true],
    ['Next steps:', true],
    ['Globex', false],
    ['Adopter', true],
    ['Interview with Globex', false],
    ['Globex - technology company', false],
  ])('"%s" is clearly not an adopter: %s', (heading, expected) => {
    // "Adopter" alone is an entry without its number; the section reader asks about it first.
    expect(isNotAnAdopterHeading(heading)).toBe(expected);
  });
});

describe('the measure of words kept', () => {
  it('notices a word that did not reach the records', async () => {
    const text = dd(`#### Adoption\n\n##### Globex\n\nAda Example, Platform Lead\nMay 2025\n\nGlobex runs it.\n`);
    const parsed = parseDdDocument(text);
    const { records } = await importAndRoundTrip(text, parsed);
    const lost = { ...records, adopters: records.adopters.map((a) => ({ ...a, interviews: a.interviews.map((i) => ({ ...i, participants: [] })) })) };
    expect(wordsKept(text, parsed, lost).missing).toEqual(expect.arrayContaining([expect.stringMatching(/: ada$/), expect.stringMatching(/: lead$/)]));
  });
});

describe('headings are where the one reading of Markdown finds them', () => {
  it('a code fence in a list item, closed by the item’s end, hides no entry after it', () => {
    const doc = [
      '# Globex Mesh Incubation Due Diligence',
      '',
      '#### Adoption',
      '',
      '##### Adopter 1 - Initrode - Logistics',
      '',
      'They run it like this:',
      '',
      '- the config',
      '  ```yaml',
      '  mesh: on',
      '- and nothing else',
      '',
      '##### Adopter 2 - Hooli - Software',
      '',
      'In production since 2023.',
      '',
      '```',
      '##### Adopter 9 - inside a real code block',
      '```',
      '',
    ].join('\n');
    const entries = parseDdDocument(doc).entries;
    expect(entries.map((e) => e.number)).toEqual([1, 2]);
    expect(entries[1]!.organization).toBe('Hooli');
  });
});
