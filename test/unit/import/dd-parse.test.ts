import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDdDocument, readDateLine, readVendorNote, type DdEntry } from '../../../templates/import/dd-parse';
import { splitLabel, isIndustryOnly } from '../../../templates/import/labels';
import { parsePeopleList } from '../../../templates/import/people';
import { goldenPublication } from '../../fixtures/publication';

/** Invented organizations and people only. */
const doc = (section: string, title = '# Globex Mesh Incubation Due Diligence') => `${title}\n\n## Ecosystem\n\nSome text.\n\n${section}`;
const one = (section: string): DdEntry => {
  const parsed = parseDdDocument(doc(section));
  expect(parsed.entries).toHaveLength(1);
  return parsed.entries[0]!;
};

describe('DD headings in every form', () => {
  it.each([
    ['##### Adopter 3 - Initech/Finance', 3],
    ['##### Adopter 3 – Initech/Finance', 3],
    ['##### Adopter 3 — Initech/Finance', 3],
    ['##### Adopter 3: Initech/Finance', 3],
    ['##### Adopter 3- Initech/Finance', 3],
    ['##### Adopter3 - Initech/Finance', 3],
    ['##### **Adopter 3** - Initech/Finance', 3],
  ])('%s', (heading, number) => {
    const e = one(`#### Adoption\n\n${heading}\n\nSEPTEMBER 2024\n\nInitech runs it.\n`);
    expect(e).toMatchObject({ number, organization: 'Initech', industry: 'Finance', anonymous: false, months: ['2024-09'] });
  });

  it('"Adopter N" alone: anonymous, with a warning to confirm', () => {
    const e = one('#### Adoption\n\n##### Adopter 2\n\nOctober 2024\n\nThe team runs it.\n');
    expect(e).toMatchObject({ number: 2, anonymous: true, publicLabel: null, industry: null });
    expect(e.warnings.join(' ')).toMatch(/no label.*confirm/);
  });

  it('unnumbered organization headings are numbered in order', () => {
    const parsed = parseDdDocument(doc('#### Adoption\n\n##### Globex\n\n###### Usage\n\nText.\n\n##### Initech\n\nMore.\n'));
    expect(parsed.entries.map((e) => [e.number, e.organization, e.subsections])).toEqual([
      [1, 'Globex', ['Usage']],
      [2, 'Initech', []],
    ]);
  });

  it('a checklist of interviewed organizations with links', () => {
    const parsed = parseDdDocument(
      doc(
        '### Adopter Interviews\n\nThe following interviews were held:\n- [x] [Globex](https://globex.example/): The sponsors interviewed Ada Example from Globex in June 2024, see the [report](https://docs.example/1).\n- [ ] [Initech](https://initech.example/): planned.\n',
      ),
    );
    expect(parsed.entries.map((e) => [e.number, e.organization, e.website, e.people.map((p) => p.name), e.months, e.status])).toEqual([
      [1, 'Globex', 'https://globex.example/', ['Ada Example'], ['2024-06'], 'published'],
      [2, 'Initech', 'https://initech.example/', [], [], 'planned'],
    ]);
    expect(parsed.notes).toBe('The following interviews were held:');
  });

  it('duplicate and missing numbers are reported; the second duplicate gets a free number', () => {
    const parsed = parseDdDocument(doc('#### Adoption\n\n##### Adopter 1 - Globex\n\nA.\n\n##### Adopter 1 - Initech\n\nB.\n\n##### Adopter 4 - Hooli\n\nC.\n'));
    expect(parsed.entries.map((e) => e.number)).toEqual([1, 5, 4]);
    expect(parsed.warnings.join('\n')).toMatch(/Adopter 1 appears twice.*becomes Adopter 5/);
    expect(parsed.warnings.join('\n')).toMatch(/no Adopter 2, Adopter 3/);
  });

  it('not a DD: no entries', () => {
    expect(parseDdDocument('# Meeting notes\n\nWe talked.\n').entries).toEqual([]);
    expect(parseDdDocument(doc('#### Adoption\n\nNothing yet.\n')).entries).toEqual([]);
  });

  it('the project name and level come from the title', () => {
    expect(parseDdDocument(doc('#### Adoption\n\n##### Adopter 1 - Globex\n\nA.\n', '# Globex Mesh Graduation Proposal')).title).toMatchObject({
      projectName: 'Globex Mesh',
      level: 'graduation',
    });
  });
});

describe('labels', () => {
  it.each([
    ['Globex/Finance', 'Globex', 'Finance', 'org/industry'],
    ['Globex / Finance', 'Globex', 'Finance', 'org/industry'],
    ['Globex, Inc. (Internet Services & Media)', 'Globex, Inc.', 'Internet Services & Media', 'org (industry)'],
    ['[Globex Labs](https://globex.example) / Edge', 'Globex Labs', 'Edge', 'org/industry'],
    ['Initech', 'Initech', null, 'org'],
    ['Financial Services', null, 'Financial Services', 'industry'],
    ['Academia/Research', null, 'Academia/Research', 'industry'],
    ['Anonymous Retail', null, 'Retail', 'anonymous'],
    ['Globex - technology company', 'Globex', 'technology company', 'org - description'],
    ['Globex Corporation — financial services', 'Globex Corporation', 'financial services', 'org - description'],
    ['Globex–retail', 'Globex', 'retail', 'org - description'],
    ['Globex: retail', 'Globex', 'retail', 'org - description'],
    ['Globex -  retail', 'Globex', 'retail', 'org - description'],
    ['[Globex - Labs](https://globex.example) - research', 'Globex - Labs', 'research', 'org - description'],
    ['Globex-Labs', 'Globex-Labs', null, 'org'],
    ['Globex - AI/ML platform', 'Globex', 'AI/ML platform', 'org - description'],
    ['Globex — cloud provider (EU)', 'Globex', 'cloud provider (EU)', 'org - description'],
    ['Financial services - Europe', null, 'Financial services - Europe', 'industry'],
    ['e-commerce', null, 'e-commerce', 'industry'],
    ['\\*Globex\\*\\_\\#1 &lt;script&gt;alert\\(1\\)&lt;/script&gt;/\\[Energy\\]\\(https\\://evil.example\\)', '*Globex*_#1 <script>alert(1)</script>', '[Energy](https://evil.example)', 'org/industry'],
  ])('%s', (label, organization, industry, form) => {
    expect(splitLabel(label)).toMatchObject({ organization, industry, form });
  });

  it('industry-only needs every word to be a sector word', () => {
    expect(isIndustryOnly('Live Streaming and Short Video')).toBe(true);
    expect(isIndustryOnly('Globex Streaming')).toBe(false);
  });
});

describe('interviewees', () => {
  it.each([
    ['_Ada Example, Platform Lead_', [['Ada Example', 'Platform Lead']]],
    ['_Ada Example_', [['Ada Example', null]]],
    ['_Ada Example, Platform Lead and Bo Sample, SRE_\\', [['Ada Example', 'Platform Lead'], ['Bo Sample', 'SRE']]],
    ['_Ada Example, VP and co-founder of Globex_', [['Ada Example', 'VP and co-founder of Globex']]],
    ['Representative: Ada Example', [['Ada Example', null]]],
    ['###### Ada Example and Bo Sample, September 2024', [['Ada Example', null], ['Bo Sample', null]]],
  ])('%s', (line, people) => {
    const date = line.startsWith('######') ? '' : 'SEPTEMBER 2024\n';
    const e = one(`#### Adoption\n\n##### Adopter 1 - Globex/Finance\n\n${line}\n${date}\nGlobex runs it.\n`);
    expect(e.people.map((p) => [p.name, p.role])).toEqual(people);
    expect(e.months).toEqual(['2024-09']);
    expect(e.summary).toBe('Globex runs it.');
  });

  it('plain name/role lines right under the date', () => {
    const e = one('#### Adoption\n\n##### Adopter 1 - Globex/Finance\n\nOCTOBER 2024\n\nAda, Engineering Manager\nBo Sample, Staff Engineer\n\nGlobex runs it in production.\n');
    expect(e.people.map((p) => [p.name, p.role])).toEqual([
      ['Ada', 'Engineering Manager'],
      ['Bo Sample', 'Staff Engineer'],
    ]);
    expect(e.summary).toBe('Globex runs it in production.');
  });

  it('a sentence is never a name line', () => {
    const e = one('#### Adoption\n\n##### Adopter 1 - Globex/Finance\n\nOCTOBER 2024\n\nGlobex Labs, a bank in Springfield, runs it.\n');
    expect(e.people).toEqual([]);
  });

  it('people lists', () => {
    expect(parsePeopleList('Ada Example, SRE; Bo Sample, Architect, Globex')?.people).toEqual([
      { name: 'Ada Example', role: 'SRE' },
      { name: 'Bo Sample', role: 'Architect, Globex' },
    ]);
    expect(parsePeopleList('Platform team lead')).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['SEPTEMBER 2024', ['2024-09'], null],
    ['September 2024', ['2024-09'], null],
    ['September, 2024', ['2024-09'], null],
    ['_September 2024_', ['2024-09'], null],
    ['Interviewed: Sep 2024', ['2024-09'], null],
    ['**Status:** Interview complete (April 2026). Anonymous.', ['2026-04'], null],
    ['JANUARY 2025 AND SEPTEMBER 2025', ['2025-01', '2025-09'], null],
    ['September 17, 2024', ['2024-09'], '2024-09-17'],
    ['Auguest 2024', ['2024-08'], null],
  ])('%s', (line, months, day) => {
    const read = readDateLine(line)!;
    expect(read).not.toBeNull();
    const e = one(`#### Adoption\n\n##### Adopter 1 - Globex/Finance\n\n${line}\n\nGlobex runs it.\n`);
    expect(e.months).toEqual(months);
    expect(e.date).toBe(day);
  });

  it('not a date line: a sentence with a date in it', () => {
    expect(readDateLine('They started in September 2024.')).toBeNull();
    expect(readDateLine('May 2024 was busy')).toBeNull();
  });

  it('at the bottom of the entry, before a reference line', () => {
    const e = one('#### Adoption\n\n##### Adopter 1 - Globex/Finance\n\nGlobex runs it.\n\nAugust, 2024\n\nRef: [notes](./notes.md)\n');
    expect(e).toMatchObject({ months: ['2024-08'], dateFrom: 'bottom', summary: 'Globex runs it.\n\nRef: [notes](./notes.md)' });
  });

  it('a full date in a sentence about the interview; the sentence stays', () => {
    const e = one('#### Adoption\n\n##### Adopter 1 - Globex\n\nGlobex was interviewed on June 4, 2025. They run it.\n');
    expect(e).toMatchObject({ months: ['2025-06'], date: '2025-06-04', dateFrom: 'text', summary: 'Globex was interviewed on June 4, 2025. They run it.' });
  });

  it('no date: a warning', () => {
    const e = one('#### Adoption\n\n##### Adopter 1 - Globex\n\nThey run it.\n');
    expect(e.months).toEqual([]);
    expect(e.warnings.join(' ')).toMatch(/no interview date/);
  });
});

describe('anonymity', () => {
  it.each([
    ['_Adopter and organization are anonymous_', 'Adopter and organization are anonymous'],
    ['Note: This adopter preferred to remain anonymous.', 'preferred to remain anonymous'],
    ['They elected to provide this adopter interview anonymously.', 'elected to provide'],
    ['Adopter interview notes held privately for TOC review and verification.', 'held privately'],
    ['The adopter has not approved the release of the notes.', 'has not approved the release'],
  ])('%s', (marker, because) => {
    const e = one(`#### Adoption\n\n##### Adopter 1 - Finance\n\nMARCH 2025\n\n${marker}\n\nThe team runs it.\n`);
    expect(e.anonymous).toBe(true);
    expect(e.anonymousBecause).toContain(because);
    expect(e.organization).toBeNull();
    expect(e.publicLabel).toBe('Finance');
  });

  it('"Anonymous X": the default label, no public label needed', () => {
    const e = one('#### Adoption\n\n##### Adopter 2 - Anonymous Retail\n\n_Adopter and organization are anonymous_\\\nOCTOBER 2024\n\nText.\n');
    expect(e).toMatchObject({ anonymous: true, industry: 'Retail', publicLabel: null, people: [] });
  });

  it('a label naming an organization on an anonymous entry is flagged', () => {
    const e = one('#### Adoption\n\n##### Adopter 2 - Globex / Finance\n\nOCTOBER 2024\n\nThis adopter preferred to remain anonymous.\n');
    expect(e.anonymous).toBe(true);
    expect(e.warnings.join(' ')).toMatch(/may name the organization \(Globex\)/);
  });

  it('only an industry: anonymous, to confirm', () => {
    const e = one('#### Adoption\n\n##### Adopter 1 - Travel and Hospitality\n\nOctober 2025\n\nText.\n');
    expect(e).toMatchObject({ anonymous: true, anonymousBecause: 'the label is only an industry', industry: 'Travel and Hospitality' });
    expect(e.warnings.join(' ')).toMatch(/only an industry.*confirm/);
  });
});

describe('vendor notes', () => {
  it.each([
    ['Note: This adopter uses Globex Mesh through Hooli Cloud’s platform.', 'Hooli Cloud’s platform', ''],
    ['Note: This adopter uses Globex Mesh via the Hooli Serverless product for compliance reasons.', 'the Hooli Serverless product for compliance reasons', ''],
    [
      'Note: This Adopter uses the Globex Mesh project through Hooli’s platform, a vendor offering. This interview focuses on the project.',
      'Hooli’s platform, a vendor offering',
      'This interview focuses on the project.',
    ],
    ["Note: This adopter uses Globex Mesh through Hooli Cloud's managed mesh offering. The interview is about Globex Mesh itself, not about what the offering adds to it.", "Hooli Cloud's managed mesh offering", ''],
  ])('%s', (line, offering, rest) => {
    expect(readVendorNote(line)).toMatchObject({ offering, rest });
    const e = one(`#### Adoption\n\n##### Adopter 1 - Globex\n\nMARCH 2025\n\n${line}\n\nThe team runs it.\n`);
    expect(e.vendorNote).toBe(offering);
    expect(e.summary).toBe(rest ? `${rest}\n\nThe team runs it.` : 'The team runs it.');
  });
});

describe('the generator’s own section comes back', () => {
  it('every entry of the golden section: label, people, months, vendor note and summary', () => {
    const golden = fs.readFileSync(path.resolve(__dirname, '../../golden/adoption-section.md'), 'utf8');
    const parsed = parseDdDocument(golden);
    const data = goldenPublication();
    expect(parsed.entries.map((e) => e.number)).toEqual(data.adopters.map((a) => a.number));
    for (const [k, e] of parsed.entries.entries()) {
      const a = data.adopters[k]!;
      expect(e.anonymous).toBe(a.anonymous);
      if (!a.anonymous) expect([e.organization, e.industry]).toEqual([a.organization.name, a.organization.industry]);
      const all = a.anonymous ? [] : a.interviews.flatMap((i) => i.participants).filter((p) => !p.anonymous);
      const people = all.filter((p, i) => all.findIndex((q) => q.name === p.name) === i);
      expect(e.people.map((p) => [p.name, p.role])).toEqual(people.map((p) => [p.name, p.role]));
      expect(e.months).toEqual([...new Set(a.interviews.map((i) => i.month).filter(Boolean))].sort());
      expect(e.vendorNote).toBe(a.vendorNote.replace(/[.\s]+$/, ''));
      expect(e.summary).toBe(a.interviews.at(-1)!.summary);
    }
  });
});

describe('nothing lost, in invented documents', () => {
  it('every non-blank line of the section is in one place', () => {
    const text = doc(
      '#### Adoption\n\nIntroduction to the interviews.\n\n##### Adopter 1 - Globex/Finance\n\n_Ada Example, Platform Lead_\\\nSEPTEMBER 2024\n\nNote: This adopter uses Globex Mesh through Hooli’s platform. It is a managed service.\n\nGlobex runs it.\n\n###### Usage\n\nEverywhere.\n\n##### Adopter 2 - Finance\n\nThis adopter preferred to remain anonymous.\n\nMarch, 2025\n',
    );
    const parsed = parseDdDocument(text);
    const lines = text.split('\n');
    const covered = new Map<number, string[]>();
    for (const s of [...parsed.notesSources, ...parsed.entries.flatMap((e) => e.sources)]) covered.set(s.line, [...(covered.get(s.line) ?? []), s.text]);
    for (let no = parsed.section!.line + 1; no <= lines.length; no++) {
      const line = lines[no - 1]!;
      if (!line.trim()) continue;
      expect(covered.get(no)?.join(' ').replace(/\s+/g, ' '), `line ${no}`).toBe(line.trim());
    }
    expect(parsed.entries[0]!.summary).toBe('It is a managed service.\n\nGlobex runs it.\n\n###### Usage\n\nEverywhere.');
    expect(parsed.entries[1]!.summary).toBe('This adopter preferred to remain anonymous.');
    expect(parsed.notes).toBe('Introduction to the interviews.');
  });
});
