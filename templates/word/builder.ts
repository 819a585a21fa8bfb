import { readMarkdown, type Block, type Inline } from '../../markdown/read';
import type { BodyBlock, Paragraph, Run, StyleId, Table, TextRun, WordDocument } from './model';

export interface MarkdownOptions {
  /** Headings inside the text become this level at least (a summary's "#" must not outrank its entry). */
  minHeadingLevel?: number;
  /** Paragraphs take this style (a quote's text keeps "Quote"). */
  paragraphStyle?: StyleId;
}

const bold = (run: Run): Run => ('break' in run ? run : { ...run, bold: true });

const headingStyle = (level: number): StyleId => `Heading${Math.min(6, Math.max(1, level))}` as StyleId;

/** Spans of the Markdown reader as runs of the document. */
export function inlineRuns(inlines: readonly Inline[]): Run[] {
  return inlines.map((i) =>
    i.kind === 'break'
      ? { break: true as const }
      : { text: i.text, bold: i.bold, italic: i.italic, strike: i.strike, code: i.code, link: i.link },
  );
}

/**
 * Collects the paragraphs of one document: headings, plain paragraphs, Markdown turned
 * into Word formatting, and which paragraphs belong to which adopter entry (so a leak
 * found in the final file can be reported against the entry it is in).
 */
export class DocumentBuilder {
  readonly body: BodyBlock[] = [];
  readonly numberedLists: WordDocument['numberedLists'] = [];
  /** Paragraphs so far, counted as a reader of the package counts them: each table cell is one. */
  private paragraphCount = 0;
  private readonly entryRanges: { number: number; first: number; last: number }[] = [];

  heading(level: number, content: string | Run[]): this {
    return this.add({ style: headingStyle(level), runs: typeof content === 'string' ? [{ text: content }] : content });
  }

  paragraph(content: string | Run[], extra: Omit<Paragraph, 'runs'> = {}): this {
    return this.add({ ...extra, runs: typeof content === 'string' ? [{ text: content }] : content });
  }

  /** "Label: value" with the label bold. */
  field(label: string, value: string | TextRun[]): this {
    const runs: Run[] = [{ text: `${label}: `, bold: true }, ...(typeof value === 'string' ? [{ text: value }] : value)];
    return this.add({ runs });
  }

  bullets(items: readonly (string | Run[])[], level = 0): this {
    for (const item of items) {
      this.add({ style: 'ListParagraph', list: { level }, runs: typeof item === 'string' ? [{ text: item }] : item });
    }
    return this;
  }

  add(paragraph: Paragraph): this {
    this.body.push(paragraph);
    this.paragraphCount++;
    return this;
  }

  /** A table; rows shorter than the widest get empty cells, so every row has a cell per column. */
  table(table: Table): this {
    const columns = Math.max(table.align.length, ...table.rows.map((row) => row.length));
    if (columns === 0 || table.rows.length === 0) return this;
    const rows = table.rows.map((row) => Array.from({ length: columns }, (_, c) => row[c] ?? []));
    const align = Array.from({ length: columns }, (_, c) => table.align[c] ?? null);
    this.body.push({ ...table, align, rows });
    this.paragraphCount += rows.length * columns;
    return this;
  }

  /** Markdown text as Word paragraphs, lists, quotes, tables and code. */
  markdown(text: string, options: MarkdownOptions = {}): this {
    return this.readBlocks(readMarkdown(text), options);
  }

  /** Blocks a Markdown reader gave, as Word paragraphs, lists, quotes, tables and code. */
  readBlocks(blocks: readonly Block[], options: MarkdownOptions = {}): this {
    this.blocks(blocks, options, -1);
    return this;
  }

  /** Runs `fn`, recording the paragraphs it adds as adopter `number`'s entry. */
  entry(number: number, fn: () => void): this {
    const first = this.paragraphCount;
    fn();
    this.entryRanges.push({ number, first, last: this.paragraphCount - 1 });
    return this;
  }

  /** Which entry paragraph `index` (0-based, in document order, table cells included) belongs to. */
  entryOfParagraph(index: number): number | null {
    // Ranges are added in document order: a binary search keeps large documents fast.
    let lo = 0;
    let hi = this.entryRanges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const range = this.entryRanges[mid]!;
      if (index < range.first) hi = mid - 1;
      else if (index > range.last) lo = mid + 1;
      else return range.number;
    }
    return null;
  }

  build(meta: { title: string; date: string; header?: string }): WordDocument {
    return { ...meta, body: this.body, numberedLists: this.numberedLists };
  }

  private blocks(blocks: readonly Block[], options: MarkdownOptions, depth: number): void {
    const style = options.paragraphStyle;
    // Inside a list item, the blocks after the item's first paragraph line up with its text.
    const indent = depth >= 0 ? { indentLevel: depth } : {};
    for (const block of blocks) {
      switch (block.kind) {
        case 'paragraph':
          this.add({ ...(style ? { style } : {}), ...indent, runs: inlineRuns(block.inlines) });
          break;
        case 'heading':
          this.add({ style: headingStyle(Math.max(block.level, options.minHeadingLevel ?? 1)), runs: inlineRuns(block.inlines) });
          break;
        case 'code':
          this.add({ style: 'SourceCode', ...indent, runs: [{ text: block.text }] });
          break;
        case 'rule':
          this.add({ rule: true, runs: [] });
          break;
        case 'quote':
          this.blocks(block.blocks, { ...options, paragraphStyle: 'Quote' }, depth);
          break;
        case 'list':
          this.list(block, options, depth + 1);
          break;
        case 'table':
          this.table({
            kind: 'table',
            align: [...block.align],
            // The header row in bold, as GitHub shows it.
            rows: block.rows.map((row, r) => row.map((cell) => (r === 0 ? inlineRuns(cell).map(bold) : inlineRuns(cell)))),
            ...indent,
          });
          break;
        case 'html':
          // An HTML block prints as a reader sees it: its text, as a paragraph.
          this.add({ ...(style ? { style } : {}), ...indent, runs: inlineRuns(block.inlines) });
          break;
      }
    }
  }

  private list(list: Extract<Block, { kind: 'list' }>, options: MarkdownOptions, depth: number): void {
    const level = Math.min(depth, 8);
    // Each numbered list counts on its own from its start; bullets share one list.
    const numbered = list.ordered ? this.numberedLists.push({ start: list.start }) - 1 : undefined;
    const marker = numbered === undefined ? { level } : { level, numbered };
    list.items.forEach((item, k) => {
      const [first, ...rest] = item;
      // A task list item's box, as GitHub shows it: ☒ done, ☐ open.
      const task = list.tasks[k];
      const box: Run[] = task === null || task === undefined ? [] : [{ text: task ? '\u2612 ' : '\u2610 ' }];
      // The item's first paragraph carries the bullet or number; an item that starts
      // with something else (a code block, a nested list) gets an empty numbered line.
      if (first?.kind === 'paragraph') {
        this.add({ style: 'ListParagraph', list: marker, runs: [...box, ...inlineRuns(first.inlines)] });
        this.blocks(rest, { ...options, paragraphStyle: 'ListParagraph' }, level);
      } else {
        this.add({ style: 'ListParagraph', list: marker, runs: box });
        this.blocks(item, { ...options, paragraphStyle: 'ListParagraph' }, level);
      }
    });
  }
}
