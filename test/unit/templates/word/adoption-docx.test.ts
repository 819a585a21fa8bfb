import { createHash } from 'node:crypto';
import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../domain/errors';
import type { LeakHit } from '../../../../templates/guard/scan';
import { renderAdoptionSection } from '../../../../templates/adoption/section';
import { DEFAULT_RENDER_OPTIONS } from '../../../../templates/adoption/model';
import { DOCUMENT_PROPERTIES } from '../../../../templates/word/ooxml';
import { publishAdoptionDocx } from '../../../../templates/word/publish-docx';
import { dosDateTime, readZip } from '../../../../templates/word/zip';
import { adopter, goldenPublication, interview, person, publication } from '../../../fixtures/publication';
import { childElements, normalize, oracle, paragraphs, part, partsOf, relationships, type ParagraphInfo } from './docx-inspect';

const A4 = { authorName: '', pageSize: 'a4' as const };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function refusal(fn: () => unknown): LeakHit[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('LEAK_DETECTED');
    return ((error as DeskError).details as { leaks: LeakHit[] }).leaks;
  }
  throw new Error('The export was not refused.');
}

/** Word paragraphs grouped by entry: [before the first entry, entry 1, entry 2…]. */
function byEntry(ps: ParagraphInfo[]): string[][] {
  const groups: string[][] = [[]];
  for (const p of ps) {
    if (p.style === 'Heading5') groups.push([]);
    const text = normalize(p.text);
    if (text) groups.at(-1)!.push(text);
  }
  return groups;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the Adoption section as a Word document', () => {
  it.each([
    { includeDrafts: false, typography: false },
    { includeDrafts: true, typography: false },
    { includeDrafts: true, typography: true },
  ])('says what the Markdown export says, entry for entry and word for word (%j)', (options) => {
    const data = goldenPublication();
    data.adopters[2]!.interviews[0]!.approvedAt = null; // one draft
    const rendered = renderAdoptionSection(data, { ...DEFAULT_RENDER_OPTIONS, ...options });
    const bytes = publishAdoptionDocx(data, options, A4).bytes;
    const word = paragraphs(bytes);
    // The whole document against the reference parser's reading of the Markdown…
    expect(word.map((p) => normalize(p.text)).filter(Boolean)).toEqual(oracle(rendered.markdown).blocks);
    // …and entry by entry.
    const lines = rendered.markdown.split('\n');
    const expected = [oracle(lines.slice(0, rendered.entries[0]!.firstLine - 1).join('\n')).blocks];
    for (const e of rendered.entries) expected.push(oracle(lines.slice(e.firstLine - 1, e.lastLine).join('\n')).blocks);
    expect(byEntry(word)).toEqual(expected);
    // Links go exactly where the Markdown's links go.
    const wordLinks = word.flatMap((p) => p.runs.map((r) => r.link).filter((l, i, all): l is string => !!l && all[i - 1] !== l));
    expect(wordLinks).toEqual(oracle(rendered.markdown).links);
  });

  it('uses Word’s built-in heading styles with outline levels, in the order of the section', () => {
    const bytes = publishAdoptionDocx(goldenPublication(), {}, A4).bytes;
    const headings = paragraphs(bytes)
      .filter((p) => p.style?.startsWith('Heading'))
      .map((p) => [p.style, p.text]);
    expect(headings).toEqual([
      ['Heading4', 'Adoption'],
      ['Heading5', 'Adopter 1 - Globex/Finance'],
      ['Heading5', 'Adopter 2 - Anonymous Retail'],
      ['Heading5', 'Adopter 3 - Acme Telecom/Telecommunications'],
      ['Heading5', 'Adopter 4 - Umbrella Logistics'],
      ['Heading5', 'Adopter 5 - Vandelay Industries/Manufacturing'],
      ['Heading5', 'Adopter 6 - Soylent Foods/Food'],
      ['Heading5', 'Adopter 7 - *Globex*_#1 <script>alert(1)</script>/[Energy](https://evil.example)'],
    ]);
    const styles = part(bytes, 'word/styles.xml');
    for (let level = 1; level <= 6; level++) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">(.*?)</w:style>`).exec(styles)?.[1];
      expect(style, `Heading${level}`).toContain(`<w:name w:val="heading ${level}"/>`);
      expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
  });

  it('prints the interviewee line in italics over the month, the vendor note, and the summary’s Markdown as Word formatting', () => {
    const summary = [
      'They chose it for **mTLS** and _strict_ mode; `meshctl check` runs nightly — see [the runbook](https://docs.example.org/runbook).',
      '',
      '# Results',
      '',
      '- 300 services',
      '- 4 clusters',
      '  - 2 per region',
      '',
      '3. evaluate',
      '4. adopt',
      '',
      'Globex’s “batteries included” defaults… and https://status.example.org.',
    ].join('\n');
    const data = publication([
      adopter(1, {
        org: { name: 'Globex', industry: 'Finance' },
        vendorNote: 'Hooli Cloud’s managed mesh',
        interviews: [interview({ summary, participants: [person('Ada Example', { role: 'Platform Lead' })] })],
      }),
    ]);
    const ps = paragraphs(publishAdoptionDocx(data, {}, A4).bytes);
    const who = ps[2]!;
    expect(who.runs.map((r) => [r.text, r.italic, r.break])).toEqual([
      ['Ada Example, Platform Lead', true, false],
      ['', false, true],
      ['SEPTEMBER 2024', false, false],
    ]);
    expect(ps[3]!.text).toBe(
      'Note: This adopter uses Globex Mesh through Hooli Cloud’s managed mesh. The interview is about Globex Mesh itself, not about what the offering adds to it.',
    );
    const first = ps[4]!;
    expect(first.runs.find((r) => r.text === 'mTLS')).toMatchObject({ bold: true, italic: false });
    expect(first.runs.find((r) => r.text === 'strict')).toMatchObject({ italic: true, bold: false });
    expect(first.runs.find((r) => r.text === 'meshctl check')).toMatchObject({ code: true });
    expect(first.runs.find((r) => r.text === 'the runbook')).toMatchObject({ link: 'https://docs.example.org/runbook' });
    expect(ps[5]).toMatchObject({ style: 'Heading6', text: 'Results' }); // never above its entry's Heading 5
    const items = ps.filter((p) => p.numId !== null).map((p) => [p.text, p.numId, p.level]);
    expect(items).toEqual([
      ['300 services', 1, 0],
      ['4 clusters', 1, 0],
      ['2 per region', 1, 1],
      ['evaluate', 2, 0],
      ['adopt', 2, 0],
    ]);
    expect(part(publishAdoptionDocx(data, {}, A4).bytes, 'word/numbering.xml')).toContain(
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>',
    );
    const last = ps.at(-1)!;
    expect(last.text).toBe('Globex’s “batteries included” defaults… and https://status.example.org.');
    expect(last.runs.find((r) => r.link)).toMatchObject({ text: 'https://status.example.org', link: 'https://status.example.org' });
  });

  it('marks drafts, and says so when nothing is approved', () => {
    const data = publication([adopter(1, { interviews: [interview({ approvedAt: null })] })]);
    const draft = paragraphs(publishAdoptionDocx(data, { includeDrafts: true }, A4).bytes);
    expect(draft[1]!.text).toBe('Adopter 1 - Org 1 (DRAFT)');
    expect(draft.find((p) => p.text.startsWith('DRAFT:'))!.runs[0]).toMatchObject({ text: 'DRAFT:', bold: true });
    const none = paragraphs(publishAdoptionDocx(data, {}, A4).bytes);
    expect(none.map((p) => [p.style, p.text, p.runs[0]?.italic])).toEqual([
      ['Heading4', 'Adoption', false],
      [null, 'No adopter summary has been approved yet.', true],
    ]);
  });

  it('links only to the addresses in the data: every hyperlink relationship is one of them, and used', () => {
    const data = goldenPublication();
    const bytes = publishAdoptionDocx(data, {}, A4).bytes;
    const rels = [...relationships(part(bytes, 'word/_rels/document.xml.rels')).values()].filter((r) => r.type === 'hyperlink');
    expect(rels.map((r) => [r.target, r.external])).toEqual([['https://globex-mesh.example.org/docs/upgrade', true]]);
    const inData = data.adopters.flatMap((a) => a.interviews.map((i) => i.summary)).join('\n');
    for (const r of rels) expect(inData).toContain(r.target);
    // A label that looks like a link ("[Energy](https://evil.example)") stays text.
    expect(partsOf(bytes).get('word/_rels/document.xml.rels')).not.toContain('evil.example');
  });

  it('holds exactly the agreed document properties: title, dates from the data, no author unless one is set, never "Un-named"', () => {
    const data = goldenPublication();
    const bytes = publishAdoptionDocx(data, {}, A4).bytes;
    const core = part(bytes, 'docProps/core.xml');
    expect(childElements(core)).toEqual(['dc:title', 'dcterms:created', 'dcterms:modified']);
    expect(core).toContain('<dc:title>Globex Mesh: Adoption</dc:title>');
    // The latest day in the published entries (Adopter 5's second interview), not the clock.
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-09-02T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-09-02T00:00:00Z</dcterms:modified>');
    expect(childElements(part(bytes, 'docProps/app.xml'))).toEqual([...DOCUMENT_PROPERTIES.app]);
    const stamp = dosDateTime('2025-09-02T00:00:00Z');
    for (const f of readZip(bytes)) expect([f.name, f.date, f.time]).toEqual([f.name, stamp.date, stamp.time]);

    const signed = part(publishAdoptionDocx(data, {}, { authorName: 'Rae Reviewer', pageSize: 'a4' }).bytes, 'docProps/core.xml');
    expect(childElements(signed)).toEqual([...DOCUMENT_PROPERTIES.core]);
    expect(signed).toContain('<dc:creator>Rae Reviewer</dc:creator><cp:lastModifiedBy>Rae Reviewer</cp:lastModifiedBy>');
    for (const [name, text] of partsOf(bytes)) expect(text, name).not.toMatch(/Un-named|creator|lastModifiedBy/);
  });

  it('exporting twice gives the same SHA-256, whatever the clock says', () => {
    const data = goldenPublication();
    const first = sha(publishAdoptionDocx(data, {}, A4).bytes);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-05-05T05:05:05Z'));
    expect(sha(publishAdoptionDocx(goldenPublication(), {}, A4).bytes)).toBe(first);
    data.adopters[0]!.interviews[0]!.approvedAt = '2026-01-02';
    expect(sha(publishAdoptionDocx(data, {}, A4).bytes)).not.toBe(first);
  });

  it('names no user, machine or file path anywhere in the package', () => {
    const bytes = publishAdoptionDocx(goldenPublication(), {}, { authorName: '', pageSize: 'letter' });
    const everything = [...partsOf(bytes.bytes).values()].join('\n');
    const user = os.userInfo().username;
    for (const secret of [os.hostname(), os.homedir(), process.cwd(), os.tmpdir(), __dirname].filter((s) => s.length > 2)) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(new RegExp(`\\b${user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    expect(everything).not.toMatch(/[A-Za-z]:\\|\/(home|Users|tmp|root)\//);
  });

  it('sets the page size from the settings and numbers the pages in the footer', () => {
    const a4 = publishAdoptionDocx(goldenPublication(), {}, A4).bytes;
    const letter = publishAdoptionDocx(goldenPublication(), {}, { authorName: '', pageSize: 'letter' }).bytes;
    expect(part(a4, 'word/document.xml')).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(part(letter, 'word/document.xml')).toContain('<w:pgSz w:w="12240" w:h="15840"/>');
    expect(part(a4, 'word/document.xml')).toContain('<w:footerReference w:type="default" r:id="rId4"/>');
    const footer = part(a4, 'word/footer1.xml');
    expect(footer).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
    expect(footer).toContain('<w:instrText xml:space="preserve"> NUMPAGES </w:instrText>');
  });
});

describe('the anonymity guard over the Word file', () => {
  it('refuses a secret in a summary, pointing at the entry and its paragraph', () => {
    const data = goldenPublication();
    data.adopters[0]!.interviews[0]!.summary = 'They compared notes with **Bo** Sample at a meetup.';
    const leaks = refusal(() => publishAdoptionDocx(data, {}, A4));
    expect(leaks).toEqual([
      expect.objectContaining({ term: 'Bo Sample', adopterNumber: 2, part: 'word/document.xml', entryNumber: 1, line: 4, excerpt: 'They compared notes with Bo Sample at a meetup.' }),
      expect.objectContaining({ term: 'Sample', kind: 'surname', part: 'word/document.xml', entryNumber: 1 }),
    ]);
  });

  it('refuses a secret that hides only in a link’s address', () => {
    const data = goldenPublication();
    data.adopters[0]!.interviews[0]!.summary = 'They read [a post about it](https://blog.initech.example/mesh).';
    const leaks = refusal(() => publishAdoptionDocx(data, {}, A4));
    expect(leaks.map((l) => [l.part, l.term, l.kind])).toEqual([
      ['word/_rels/document.xml.rels (attributes)', 'initech.example', 'website'],
      ['word/_rels/document.xml.rels (attributes)', 'Initech', 'organization'],
    ]);
    expect(leaks.every((l) => l.part !== 'word/document.xml')).toBe(true); // the visible text is clean
  });

  it('refuses a secret in the document title or the author, which only the properties hold', () => {
    const data = publication([
      adopter(1, { org: { name: 'Acme Corp' } }),
      adopter(2, { anonymous: true, org: { name: 'Initech', aliases: ['Initrode'] } }),
      adopter(3, { org: { name: 'Vandelay' } }),
    ]);
    data.project.name = 'Initrode Platform';
    const leaks = refusal(() => publishAdoptionDocx(data, {}, A4));
    expect(leaks.map((l) => [l.part, l.term, l.line])).toEqual([['docProps/core.xml', 'Initrode', 1]]);

    data.project.name = 'Globex Mesh';
    data.adopters[1]!.interviews[0]!.participants = [person('Bo Sample')];
    const author = refusal(() => publishAdoptionDocx(data, {}, { authorName: 'Bo Sample', pageSize: 'a4' }));
    expect(author.map((l) => l.part)).toEqual(['docProps/core.xml', 'docProps/core.xml', 'docProps/core.xml', 'docProps/core.xml']);
  });

  it('an allowance releases a false positive, which is reported', () => {
    const data = goldenPublication();
    data.adopters[0]!.interviews[0]!.summary = 'The initech-style naming is a local joke.';
    expect(() => publishAdoptionDocx(data, {}, A4)).toThrow(DeskError);
    data.adopters[1]!.allowances = [{ term: 'initech', entryNumber: 1, note: 'a naming style' }];
    const published = publishAdoptionDocx(data, {}, A4);
    expect(published.allowed).toEqual([expect.objectContaining({ term: 'Initech', entryNumber: 1, part: 'word/document.xml', allowedBy: 'initech (a naming style)' })]);
  });
});
