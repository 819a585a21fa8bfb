import type * as Docx from 'docx';
import type { Document, ExternalHyperlink, Paragraph as DocxParagraph, Table as DocxTable, TextRun as DocxTextRun } from 'docx';
import { linkable } from './links';
import { isTable, type Paragraph, type Run, type Table, type TextRun, type WordDocument } from './model';
import { BULLETS, numberedReference, numberingConfig } from './numbering';
import type { WordOptions } from './options';
import { PAGE_MARGIN, PAGE_SIZES } from './page-size';
import { CODE_FONT, DOCUMENT_STYLES } from './styles';
import { xmlSafe } from './xml-text';

/** The docx module, handed in by the packer that loaded it (docx is loaded on the first export only). */
export type DocxModule = typeof Docx;

/** How far a list level (or the text under a list item) is indented. */
const INDENT_STEP = 720;

/**
 * Our document model as docx's: paragraphs in Word's built-in styles, runs with their
 * formatting, hyperlinks (only to linkable() addresses), lists, tables, the page, the
 * dossier's header and "Page X of Y" in every footer. The document properties are not
 * set here: pack.ts writes them (docx would take the clock's time and "Un-named").
 */
export function toDocxDocument(docx: DocxModule, doc: WordDocument, options: WordOptions): Document {
  const size = PAGE_SIZES[options.pageSize];
  const textWidth = size.width - 2 * PAGE_MARGIN;
  const children = doc.body.map((block) => (isTable(block) ? table(docx, block, textWidth) : paragraph(docx, block, doc)));
  return new docx.Document({
    styles: DOCUMENT_STYLES,
    numbering: numberingConfig(doc.numberedLists),
    sections: [
      {
        properties: {
          page: {
            size: { width: size.width, height: size.height, orientation: docx.PageOrientation.PORTRAIT },
            margin: { top: PAGE_MARGIN, right: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, header: 708, footer: 708, gutter: 0 },
          },
        },
        ...(doc.header
          ? {
              headers: {
                default: new docx.Header({
                  children: [new docx.Paragraph({ style: 'Header', children: [new docx.TextRun({ text: xmlSafe(doc.header), bold: true, color: 'C00000' })] })],
                }),
              },
            }
          : {}),
        footers: {
          default: new docx.Footer({
            children: [
              new docx.Paragraph({
                style: 'Footer',
                children: [new docx.TextRun({ children: ['Page ', docx.PageNumber.CURRENT, ' of ', docx.PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

function paragraph(docx: DocxModule, p: Paragraph, doc: WordDocument): DocxParagraph {
  const list = p.list;
  return new docx.Paragraph({
    ...(p.style && p.style !== 'Normal' ? { style: p.style } : {}),
    ...(p.keepNext ? { keepNext: true } : {}),
    ...(list
      ? {
          numbering:
            list.numbered === undefined
              ? { reference: BULLETS, level: list.level, instance: 0 }
              : { reference: numberedReference(doc.numberedLists[list.numbered]!.start), level: list.level, instance: list.numbered + 1 },
        }
      : {}),
    ...(p.indentLevel !== undefined && !list ? { indent: { left: INDENT_STEP * (p.indentLevel + 1) } } : {}),
    ...(p.rule ? { border: { bottom: { style: docx.BorderStyle.SINGLE, size: 6, space: 1, color: 'A6A6A6' } } } : {}),
    children: runs(docx, p.runs),
  });
}

function table(docx: DocxModule, t: Table, textWidth: number): DocxTable {
  const indent = t.indentLevel !== undefined ? INDENT_STEP * (t.indentLevel + 1) : 0;
  const width = textWidth - indent;
  const columns = t.align.length;
  // Equal columns, given outright: Google Docs and Pages lay a table out from its grid alone.
  const column = Math.floor(width / columns);
  const columnWidths = Array.from({ length: columns }, (_, i) => (i === columns - 1 ? width - column * (columns - 1) : column));
  const alignment = { left: docx.AlignmentType.LEFT, center: docx.AlignmentType.CENTER, right: docx.AlignmentType.RIGHT };
  return new docx.Table({
    width: { size: width, type: docx.WidthType.DXA },
    columnWidths,
    ...(indent ? { indent: { size: indent, type: docx.WidthType.DXA } } : {}),
    rows: t.rows.map(
      (row, r) =>
        new docx.TableRow({
          // The header row repeats at the top of every page the table runs onto.
          ...(r === 0 ? { tableHeader: true } : {}),
          children: row.map((cell, c) => {
            const align = t.align[c];
            return new docx.TableCell({
              children: [new docx.Paragraph({ ...(align ? { alignment: alignment[align] } : {}), spacing: { before: 40, after: 40 }, children: runs(docx, cell) })],
            });
          }),
        }),
    ),
  });
}

type Inline = DocxTextRun | ExternalHyperlink;

/** Runs as docx runs; consecutive runs to the same linkable address make one hyperlink ("**the** notes"). */
function runs(docx: DocxModule, list: readonly Run[]): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < list.length) {
    const run = list[i]!;
    if ('break' in run) {
      out.push(new docx.TextRun({ break: 1 }));
      i++;
      continue;
    }
    if (linkable(run.link)) {
      const target = run.link;
      const children: DocxTextRun[] = [];
      while (i < list.length) {
        const next = list[i]!;
        if ('break' in next || next.link !== target) break;
        children.push(...textRuns(docx, next, true));
        i++;
      }
      out.push(new docx.ExternalHyperlink({ link: target, children }));
      continue;
    }
    out.push(...textRuns(docx, run, false));
    i++;
  }
  return out;
}

/** One run per piece: tabs and line breaks inside the text become Word's own w:tab and w:br. */
function textRuns(docx: DocxModule, run: TextRun, inLink: boolean): DocxTextRun[] {
  const format = {
    ...(inLink ? { style: 'Hyperlink' } : run.code ? { style: 'VerbatimChar' } : {}),
    ...(inLink && run.code ? { font: CODE_FONT } : {}),
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.strike ? { strike: true } : {}),
    ...(run.muted ? { color: '6B6B6B' } : {}),
  };
  const out: DocxTextRun[] = [];
  for (const piece of xmlSafe(run.text).split(/(\t|\n)/)) {
    if (piece === '') continue;
    if (piece === '\t') out.push(new docx.TextRun({ ...format, children: [new docx.Tab()] }));
    else if (piece === '\n') out.push(new docx.TextRun({ ...format, break: 1 }));
    else out.push(new docx.TextRun({ ...format, text: piece }));
  }
  return out;
}
