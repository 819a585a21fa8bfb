import { createHash } from 'node:crypto';
import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../domain/errors';
import type { LeakHit } from '../../../../templates/guard/scan';
import { renderAdoptionSection } from '../../../../templates/adoption/section';
import { DEFAULT_RENDER_OPTIONS } from '../../../../templates/adoption/model';
import { DOCUMENT_PROPERTIES } from '../../../../templates/word/properties';
import { publishAdoptionDocx } from '../../../../templates/word/publish-docx';
import { adopter, goldenPublication, interview, person, publication } from '../../../fixtures/publication';
import { childElements, dosStamp, normalize, oracle, paragraphs, part, partsOf, relationships, zipEntryHeaders, type ParagraphInfo } from './docx-inspect';

const A4 = { authorName: '', pageSize: 'a4' as const };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function refusal(fn: () => Promise<unknown>): Promise<LeakHit[]> {
  try {
    await fn();
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
  ])('says what the Markdown export says, entry for entry and word for word (%j)', async (options) => {
    const data = goldenPublication();
    data.adopters[2]!.interviews[0]!.approvedAt = null; // one draft
    const rendered = renderAdoptionSection(data, { ...DEFAULT_RENDER_OPTIONS, ...options });
    const bytes = (await publishAdoptionDocx(data, options, A4)).bytes;
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

  it('uses Word’s built-in heading styles with outline levels, in the order of the section', async () => {
    const bytes = (await publishAdoptionDocx(goldenPublication(), {}, A4)).bytes;
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

  it('prints the interviewee line in italics over the month, the vendor note, and the summary’s Markdown as Word formatting', async () => {
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
    const ps = paragraphs((await publishAdoptionDocx(data, {}, A4)).bytes);
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
    const items = ps.filter((p) => p.numId !== null);
    expect(items.map((p) => [p.text, p.list?.format, p.level])).toEqual([
      ['300 services', 'bullet', 0],
      ['4 clusters', 'bullet', 0],
      ['2 per region', 'bullet', 1],
      ['evaluate', 'decimal', 0],
      ['adopt', 'decimal', 0],
    ]);
    // One list for the bullets, another for the numbers, which count from the Markdown's "3.".
    expect(new Set(items.slice(0, 3).map((p) => p.numId)).size).toBe(1);
    expect(items[3]!.numId).toBe(items[4]!.numId);
    expect(items[3]!.numId).not.toBe(items[0]!.numId);
    expect(items[3]!.list).toEqual({ format: 'decimal', start: 3 });
    const last = ps.at(-1)!;
    expect(last.text).toBe('Globex’s “batteries included” defaults… and https://status.example.org.');
    expect(last.runs.find((r) => r.link)).toMatchObject({ text: 'https://status.example.org', link: 'https://status.example.org' });
  });

  it('marks drafts, and says so when nothing is approved', async () => {
    const data = publication([adopter(1, { interviews: [interview({ approvedAt: null })] })]);
    const draft = paragraphs((await publishAdoptionDocx(data, { includeDrafts: true }, A4)).bytes);
    expect(draft[1]!.text).toBe('Adopter 1 - Org 1 (DRAFT)');
    expect(draft.find((p) => p.text.startsWith('DRAFT:'))!.runs[0]).toMatchObject({ text: 'DRAFT:', bold: true });
    const none = paragraphs((await publishAdoptionDocx(data, {}, A4)).bytes);
    expect(none.map((p) => [p.style, p.text, p.runs[0]?.italic])).toEqual([
      ['Heading4', 'Adoption', false],
      [null, 'No adopter summary has been approved yet.', true],
    ]);
  });

  it('links only to the addresses in the data: every hyperlink relationship is one of them, and used', async () => {
    const data = goldenPublication();
    const bytes = (await publishAdoptionDocx(data, {}, A4)).bytes;
    const rels = [...relationships(part(bytes, 'word/_rels/document.xml.rels')).values()].filter((r) => r.type === 'hyperlink');
    expect(rels.map((r) => [r.target, r.external])).toEqual([['https://globex-mesh.example.org/docs/upgrade', true]]);
    const inData = data.adopters.flatMap((a) => a.interviews.map((i) => i.summary)).join('\n');
    for (const r of rels) expect(inData).toContain(r.target);
    // A label that looks like a link ("[Energy](https://evil.example)") stays text.
    expect(partsOf(bytes).get('word/_rels/document.xml.rels')).not.toContain('evil.example');
  });

  it('holds exactly the agreed document properties: title, dates from the data, no author unless one is set, never "Un-named"', async () => {
    const data = goldenPublication();
    const bytes = (await publishAdoptionDocx(data, {}, A4)).bytes;
    const core = part(bytes, 'docProps/core.xml');
    expect(childElements(core)).toEqual(['dc:title', 'dcterms:created', 'dcterms:modified']);
    expect(core).toContain('<dc:title>Globex Mesh: Adoption</dc:title>');
    // The latest day in the published entries (Adopter 5's second interview), not the clock.
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-09-02T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-09-02T00:00:00Z</dcterms:modified>');
    expect(childElements(part(bytes, 'docProps/app.xml'))).toEqual([...DOCUMENT_PROPERTIES.app]);
    expect(part(bytes, 'docProps/app.xml')).toContain('<Application>Adoption Desk</Application>');
    // Every zip entry carries that date too, made by MS-DOS, with no attributes or extra fields.
    const stamp = dosStamp('2025-09-02T00:00:00Z');
    for (const f of zipEntryHeaders(bytes)) {
      expect([f.name, f.date, f.time, f.madeBy, f.externalAttributes, f.extraLength]).toEqual([f.name, stamp.date, stamp.time, 0, 0, 0]);
    }

    const signed = part((await publishAdoptionDocx(data, {}, { authorName: 'Rae Reviewer', pageSize: 'a4' })).bytes, 'docProps/core.xml');
    expect(childElements(signed)).toEqual([...DOCUMENT_PROPERTIES.core]);
    expect(signed).toContain('<dc:creator>Rae Reviewer</dc:creator><cp:lastModifiedBy>Rae Reviewer</cp:lastModifiedBy>');
    for (const [name, text] of partsOf(bytes)) expect(text, name).not.toMatch(/Un-named|creator|lastModifiedBy/);
  });

  it('exporting twice gives the same SHA-256, whatever the clock says', async () => {
    const data = goldenPublication();
    const first = sha((await publishAdoptionDocx(data, {}, A4)).bytes);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-05-05T05:05:05Z'));
    expect(sha((await publishAdoptionDocx(goldenPublication(), {}, A4)).bytes)).toBe(first);
    data.adopters[0]!.interviews[0]!.approvedAt = '2026-01-02';
    expect(sha((await publishAdoptionDocx(data, {}, A4)).bytes)).not.toBe(first);
  });

  it('names no user, machine or file path anywhere in the package', async () => {
    const bytes = await publishAdoptionDocx(goldenPublication(), {}, { authorName: '', pageSize: 'letter' });
    const everything = [...partsOf(bytes.bytes).values()].join('\n');
    const user = os.userInfo().username;
    for (const secret of [os.hostname(), os.homedir(), process.cwd(), os.tmpdir(), __dirname].filter((s) => s.length > 2)) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(new RegExp(`\\b${user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    expect(everything).not.toMatch(/[A-Za-z]:\\|\/(home|Users|tmp|root)\//);
  });

  it('sets the page size from the settings and numbers the pages in the footer', async () => {
    const a4 = (await publishAdoptionDocx(goldenPublication(), {}, A4)).bytes;
    const letter = (await publishAdoptionDocx(goldenPublication(), {}, { authorName: '', pageSize: 'letter' })).bytes;
    expect(part(a4, 'word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"[ />]/);
    expect(part(letter, 'word/document.xml')).toMatch(/<w:pgSz w:w="12240" w:h="15840"[ />]/);
    // The one footer is the default one (every page), and says "Page <PAGE> of <NUMPAGES>".
    const footers = [...part(a4, 'word/document.xml').matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    expect(footers.map((f) => f[1])).toEqual(['default']);
    expect(relationships(part(a4, 'word/_rels/document.xml.rels')).get(footers[0]![2]!)).toMatchObject({ type: 'footer', target: 'footer1.xml' });
    const footer = part(a4, 'word/footer1.xml');
    const fields = [...footer.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>|<w:instrText[^>]*>\s*(\w+)\s*<\/w:instrText>/g)].map((m) => m[1] ?? `{${m[2]}}`);
    expect(fields.join('')).toBe('Page {PAGE} of {NUMPAGES}');
  });
});

describe('the anonymity guard over the Word file', () => {
  it('refuses a secret in a summary, pointing at the entry and its paragraph', async () => {
    const data = goldenPublication();
    data.adopters[0]!.interviews[0]!.summary = 'They compared notes with **Bo** Sample at a meetup.';
    const leaks = await refusal(() => publishAdoptionDocx(data, {}, A4));
    expect(leaks).toEqual([
      expect.objectContaining({ term: 'Bo Sample', adopterNumber: 2, part: 'word/document.xml', entryNumber: 1, line: 4, excerpt: 'They compared notes with Bo Sample at a meetup.' }),
      expect.objectContaining({ term: 'Sample', kind: 'surname', part: 'word/document.xml', entryNumber: 1 }),
    ]);
  });

  it('refuses a secret that hides only in a link’s address', async () => {
    const data = goldenPublication();
    data.adopters[0]!.interviews[0]!.summary = 'They read [a post about it](https://blog.initech.example/mesh).';
    const leaks = await refusal(() => publishAdoptionDocx(data, {}, A4));
    expect(leaks.map((l) => [l.part, l.term, l.kind])).toEqual([
      ['word/_rels/document.xml.rels (attributes)', 'initech.example', 'website'],
      ['word/_rels/document.xml.rels (attributes)', 'Initech', 'organization'],
    ]);
    expect(leaks.every((l) => l.part !== 'word/document.xml')).toBe(true); // the visible text is clean
  });

  it('refuses a secret in the document title or the author, which only the properties hold', async () => {
    const data = publication([
      adopter(1, { org: { name: 'Acme Corp' } }),
      adopter(2, { anonymous: true, org: { name: 'Initech', aliases: ['Initrode'] } }),
      adopter(3, { org: { name: 'Vandelay' } }),
    ]);
    data.project.name = 'Initrode Platform';
    const leaks = await refusal(() => publishAdoptionDocx(data, {}, A4));
    expect(leaks.map((l) => [l.part, l.term, l.line])).toEqual([['docProps/core.xml', 'Initrode', 1]]);

    data.project.name = 'Globex Mesh';
    data.adopters[1]!.interviews[0]!.participants = [person('Bo Sample')];
    const author = await refusal(() => publishAdoptionDocx(data, {}, { authorName: 'Bo Sample', pageSize: 'a4' }));
    expect(author.map((l) => l.part)).toEqual(['docProps/core.xml', 'docProps/core.xml', 'docProps/core.xml', 'docProps/core.xml']);
  });

  it('an allowance releases a false positive, which is reported', async () => {
    const data = goldenPublication();
    data.adopters[0]!.interviews[0]!.summary = 'The initech-style naming is a local joke.';
    await expect(publishAdoptionDocx(data, {}, A4)).rejects.toThrow(DeskError);
    data.adopters[1]!.allowances = [{ term: 'initech', entryNumber: 1, note: 'a naming style' }];
    const published = await publishAdoptionDocx(data, {}, A4);
    expect(published.allowed).toEqual([expect.objectContaining({ term: 'Initech', entryNumber: 1, part: 'word/document.xml', allowedBy: 'initech (a naming style)' })]);
  });
});
