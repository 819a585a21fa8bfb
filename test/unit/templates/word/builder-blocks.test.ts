import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../../../../templates/word/builder';
import { documentParagraphs } from '../../../../templates/word/package-text';
import { packDocx } from '../../../../templates/word/pack';
import { normalize, paragraphs, part } from './docx-inspect';

const A4 = { authorName: '', pageSize: 'a4' as const };
/** A span as the Markdown reader gives it (no source positions: the builder does not use them). */
const text = (t: string, extra: { bold?: boolean; link?: string } = {}) => ({
  kind: 'text' as const,
  text: t,
  bold: false,
  italic: false,
  strike: false,
  code: false,
  link: null as string | null,
  source: [],
  ...extra,
});

describe('blocks a Markdown reader gives, as Word', () => {
  it('a table: a Word table with a header row in bold, cells aligned as the Markdown says', async () => {
    const b = new DocumentBuilder();
    b.paragraph('Before');
    b.readBlocks([
      {
        kind: 'table',
        align: [null, 'right', 'center'],
        rows: [
          [[text('Cluster')], [text('Services')], [text('Region')]],
          [[text('prod-eu')], [text('300')], [text('EU', { link: 'https://eu.example.org' })]],
          [[text('lab')], [text('12', { bold: true })]],
        ],
      },
    ]);
    b.paragraph('After');
    const bytes = await packDocx(b.build({ title: 'T', date: '2024-10-01T00:00:00Z' }), A4);
    const xml = part(bytes, 'word/document.xml');
    const table = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(xml)![1]!;
    const rows = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => r[1]!);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>'); // repeats on every page the table runs onto
    expect(rows.slice(1).every((r) => !r.includes('tblHeader'))).toBe(true);
    // Every row has a cell per column (the short one is filled), one paragraph each.
    expect(rows.map((r) => r.match(/<w:tc>/g)!.length)).toEqual([3, 3, 3]);
    const ps = paragraphs(bytes);
    expect(ps.map((p) => normalize(p.text))).toEqual(['Before', 'Cluster', 'Services', 'Region', 'prod-eu', '300', 'EU', 'lab', '12', '', 'After']);
    expect(ps.slice(1, 4).every((p) => p.runs.every((r) => r.bold))).toBe(true);
    expect(ps[4]!.runs[0]!.bold).toBe(false);
    expect(ps[6]!.runs[0]).toMatchObject({ text: 'EU', link: 'https://eu.example.org' });
    expect(ps.slice(1, 4).map((p) => /<w:jc w:val="(\w+)"\/>/.exec(p.xml)?.[1] ?? null)).toEqual([null, 'right', 'center']);
  });

  it('counts table cells as paragraphs, as the guard reads the package, so entries stay where they are', async () => {
    const b = new DocumentBuilder();
    b.paragraph('Intro');
    b.entry(1, () => {
      b.heading(5, 'Adopter 1');
      b.readBlocks([{ kind: 'table', align: [null, null], rows: [[[text('a')], [text('b')]], [[text('c')], [text('d')]]] }]);
    });
    b.entry(2, () => b.heading(5, 'Adopter 2').paragraph('Last words'));
    const read = await documentParagraphs(await packDocx(b.build({ title: 'T', date: '2024-10-01T00:00:00Z' }), A4));
    expect(read).toEqual(['Intro', 'Adopter 1', 'a', 'b', 'c', 'd', 'Adopter 2', 'Last words']);
    expect(read.map((_, i) => b.entryOfParagraph(i))).toEqual([null, 1, 1, 1, 1, 1, 2, 2]);
  });

  it('an HTML block prints as a paragraph of what a reader sees, in the style around it', async () => {
    const b = new DocumentBuilder();
    b.readBlocks([{ kind: 'html', inlines: [text('Shown '), text('text', { bold: true })] }], { paragraphStyle: 'Quote' });
    const ps = paragraphs(await packDocx(b.build({ title: 'T', date: '2024-10-01T00:00:00Z' }), A4));
    expect(ps.map((p) => [p.style, p.text])).toEqual([['Quote', 'Shown text']]);
    expect(ps[0]!.runs[1]).toMatchObject({ text: 'text', bold: true });
  });

  it('drops what XML cannot carry (control characters, lone surrogates) instead of writing a file Word refuses', async () => {
    const b = new DocumentBuilder();
    b.paragraph('a\u0001b\uD800c\uFFFEd');
    b.paragraph([{ text: 'tab\there', code: true }, { text: '\nnext' }]);
    const bytes = await packDocx(b.build({ title: 'Bad\u0007 title', date: '2024-10-01T00:00:00Z' }), A4);
    const ps = paragraphs(bytes);
    expect(ps[0]!.text).toBe('abcd');
    expect(ps[1]!.xml).toContain('<w:tab/>');
    expect(ps[1]!.runs.some((r) => r.break)).toBe(true);
    expect(part(bytes, 'docProps/core.xml')).toContain('<dc:title>Bad title</dc:title>');
  });

  it('task list items carry their box, as GitHub shows them', async () => {
    const b = new DocumentBuilder();
    b.markdown('- [x] pilot\n- [ ] roll out\n- plain');
    expect(paragraphs(await packDocx(b.build({ title: 'T', date: '2024-10-01T00:00:00Z' }), A4)).map((p) => p.text)).toEqual(['\u2612 pilot', '\u2610 roll out', 'plain']);
  });
});
