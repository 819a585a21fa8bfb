import { parseMarkdown, type Block, type Inline } from './markdown';
import { BULLET_NUM_ID, type Paragraph, type Run, type StyleId, type TextRun, type WordDocument } from './ooxml';

export interface MarkdownOptions {
  /** Headings inside the text become this level at least (a summary's "#" must not outrank its entry). */
  minHeadingLevel?: number;
  /** Paragraphs take this style (a quote's text keeps "Quote"). */
  paragraphStyle?: StyleId;
}

const headingStyle = (level: number): StyleId => `Heading${Math.min(6, Math.max(1, level))}` as StyleId;

/** Spans of the Markdown reader as runs of the package writer. */
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
  readonly paragraphs: Paragraph[] = [];
  readonly numberedLists: WordDocument['numberedLists'] = [];
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
      this.add({ style: 'ListParagraph', list: { numId: BULLET_NUM_ID, level }, runs: typeof item === 'string' ? [{ text: item }] : item });
    }
    return this;
  }

  add(paragraph: Paragraph): this {
    this.paragraphs.push(paragraph);
    return this;
  }

  /** Markdown text as Word paragraphs, lists, quotes and code. */
  markdown(text: string, options: MarkdownOptions = {}): this {
    this.blocks(parseMarkdown(text), options, -1);
    return this;
  }

  /** Runs `fn`, recording the paragraphs it adds as adopter `number`'s entry. */
  entry(number: number, fn: () => void): this {
    const first = this.paragraphs.length;
    fn();
    this.entryRanges.push({ number, first, last: this.paragraphs.length - 1 });
    return this;
  }

  /** Which entry paragraph `index` (0-based, in document order) belongs to. */
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
    return { ...meta, paragraphs: this.paragraphs, numberedLists: this.numberedLists };
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
      }
    }
  }

  private list(list: Extract<Block, { kind: 'list' }>, options: MarkdownOptions, depth: number): void {
    const level = Math.min(depth, 8);
    let numId = BULLET_NUM_ID;
    if (list.ordered) {
      this.numberedLists.push({ level, start: list.start });
      numId = BULLET_NUM_ID + this.numberedLists.length;
    }
    for (const item of list.items) {
      const [first, ...rest] = item;
      // The item's first paragraph carries the bullet or number; an item that starts
      // with something else (a code block, a nested list) gets an empty numbered line.
      if (first?.kind === 'paragraph') {
        this.add({ style: 'ListParagraph', list: { numId, level }, runs: inlineRuns(first.inlines) });
        this.blocks(rest, { ...options, paragraphStyle: 'ListParagraph' }, level);
      } else {
        this.add({ style: 'ListParagraph', list: { numId, level }, runs: [] });
        this.blocks(item, { ...options, paragraphStyle: 'ListParagraph' }, level);
      }
    }
  }
}
