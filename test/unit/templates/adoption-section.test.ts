import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { renderAdoptionSection } from '../../../templates/adoption/section';
import { publishAdoptionSection } from '../../../templates/adoption/publish';
import { adopter, goldenPublication, interview, person, publication } from '../../fixtures/publication';

const options = { includeDrafts: false, typography: false };
const entryOf = (markdown: string, n: number) => {
  const start = markdown.indexOf(`##### Adopter ${n} - `);
  const next = markdown.indexOf('##### Adopter', start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
};

describe('the Adoption section', () => {
  it('matches the golden section byte for byte', async () => {
    const { markdown } = publishAdoptionSection(goldenPublication());
    await expect(markdown).toMatchFileSnapshot('../../golden/adoption-section.md');
  });

  it('is deterministic, LF-only, and ends with exactly one newline', () => {
    const a = renderAdoptionSection(goldenPublication(), options).markdown;
    const b = renderAdoptionSection(goldenPublication(), options).markdown;
    expect(a).toBe(b);
    expect(a).not.toContain('\r');
    expect(a.endsWith('\n')).toBe(true);
    expect(a.endsWith('\n\n')).toBe(false);
  });

  it('passes markdownlint with its default rules (line length off)', () => {
    for (const typography of [false, true]) {
      const { markdown } = renderAdoptionSection(goldenPublication(), { includeDrafts: true, typography });
      const result = lint({ strings: { section: markdown }, config: { default: true, MD013: false, MD041: false } });
      expect(result.section).toEqual([]);
    }
  });

  it('public adopter: Organization/Industry, italic interviewee with role, month in capitals on its own line', () => {
    const entry = entryOf(renderAdoptionSection(goldenPublication(), options).markdown, 1);
    expect(entry.split('\n').slice(0, 4)).toEqual(['##### Adopter 1 - Globex/Finance', '', '_Ada Example, Platform Lead_\\', 'SEPTEMBER 2024']);
  });

  it('anonymous organization: the anonymous label and line, nothing else of theirs', () => {
    const entry = entryOf(renderAdoptionSection(goldenPublication(), options).markdown, 2);
    expect(entry).toMatch(/^##### Adopter 2 - Anonymous Retail\n\n_Adopter and organization are anonymous_\\\nOCTOBER 2024\n/);
    expect(entry).not.toMatch(/Initech|Bo Sample|SRE/);
  });

  it('an anonymous label the reviewer chose wins over the default', () => {
    const data = publication([adopter(1, { anonymous: true, publicLabel: 'Anonymous European Bank', org: { name: 'Globex', industry: 'Finance' } })]);
    expect(renderAdoptionSection(data, options).markdown).toContain('##### Adopter 1 - Anonymous European Bank\n');
  });

  it('anonymous person in a named organization', () => {
    const entry = entryOf(renderAdoptionSection(goldenPublication(), options).markdown, 3);
    expect(entry).toContain('##### Adopter 3 - Acme Telecom/Telecommunications\n\n_The interviewee is anonymous_\\\nSEPTEMBER 2024\n');
    expect(entry).not.toContain('Cy Hidden');
  });

  it('vendor offering: a note before the summary; organization alone when no industry', () => {
    const entry = entryOf(renderAdoptionSection(goldenPublication(), options).markdown, 4);
    expect(entry).toContain('##### Adopter 4 - Umbrella Logistics\n');
    expect(entry).toContain(
      "\nNote: This adopter uses Globex Mesh through Hooli Cloud's managed mesh offering. The interview is about Globex Mesh itself, not about what the offering adds to it.\n\nUmbrella Logistics adopted",
    );
  });

  it('several interviewees are joined with "and"', () => {
    expect(entryOf(renderAdoptionSection(goldenPublication(), options).markdown, 4)).toContain(
      '_Dee Example, CTO and Eli Tester, Staff Engineer_\\\n',
    );
  });

  it('a re-interview shows both months and the latest summary', () => {
    const entry = entryOf(renderAdoptionSection(goldenPublication(), options).markdown, 5);
    expect(entry).toContain('_Fay Example, Architect_\\\nJANUARY 2025 AND SEPTEMBER 2025\n\nVandelay Industries now runs it');
    expect(entry).not.toContain('First interview.');
  });

  it('no date: says so where the month goes, so the gap shows in review', () => {
    const entry = entryOf(renderAdoptionSection(goldenPublication(), options).markdown, 6);
    expect(entry).toContain('##### Adopter 6 - Soylent Foods/Food\n\n_Gus Demo_\\\nDATE NOT RECORDED\n\nInterviewed at a conference');
  });

  it('hostile labels and names print literally and cannot break the structure', () => {
    const entry = entryOf(renderAdoptionSection(goldenPublication(), options).markdown, 7);
    expect(entry.split('\n')[0]).toBe(
      '##### Adopter 7 - \\*Globex\\*\\_\\#1 &lt;script&gt;alert\\(1\\)&lt;/script&gt;/\\[Energy\\]\\(https\\://evil.example\\)',
    );
    expect(entry).toContain('_Hal &lt;b&gt;Bold&lt;/b&gt;, \\_Chief\\_ \\#1_\\');
    expect(entry).not.toContain('<script>');
  });

  it('leaves out adopters without an approved summary unless drafts are asked for, and marks drafts', () => {
    const data = publication([
      adopter(1),
      adopter(2, { interviews: [interview({ approvedAt: null, summary: 'Not yet approved.' })], stage: 'summary-sent' }),
      adopter(3, { interviews: [], stage: 'contacted' }),
      adopter(4, { stage: 'declined' }),
    ]);
    const published = renderAdoptionSection(data, options);
    expect(published.markdown).not.toContain('Adopter 2');
    expect(published.omitted).toEqual([
      { number: 2, reason: 'summary not approved yet' },
      { number: 3, reason: 'no summary yet' },
      { number: 4, reason: 'the adopter declined' },
    ]);
    const drafts = renderAdoptionSection(data, { ...options, includeDrafts: true }).markdown;
    expect(drafts).toContain('##### Adopter 2 - Org 2 (DRAFT)\n');
    expect(drafts).toContain('**DRAFT:** not yet approved by the adopter; do not publish.');
  });

  it('entries come in number order whatever the input order, and say where each entry is', () => {
    const data = publication([adopter(3), adopter(1), adopter(2)]);
    const rendered = renderAdoptionSection(data, options);
    expect([...rendered.markdown.matchAll(/##### Adopter (\d)/g)].map((m) => m[1])).toEqual(['1', '2', '3']);
    const lines = rendered.markdown.split('\n');
    for (const entry of rendered.entries) expect(lines[entry.firstLine - 1]).toBe(`##### Adopter ${entry.number} - Org ${entry.number}`);
  });

  it('says so when nothing is approved yet', () => {
    expect(renderAdoptionSection(publication([]), options).markdown).toBe('#### Adoption\n\n_No adopter summary has been approved yet._\n');
  });

  it('typography curls quotes and ellipses but never touches code or links', () => {
    const data = publication([
      adopter(1, {
        interviews: [interview({ summary: 'They said "it just works"... Run `echo "x" ...` or see [docs](https://x.example/a"b...).', participants: [person('Ada Example')] })],
      }),
    ]);
    const entry = renderAdoptionSection(data, { ...options, typography: true }).markdown;
    expect(entry).toContain('They said “it just works”… Run `echo "x" ...` or see [docs](https://x.example/a"b...).');
  });
});
