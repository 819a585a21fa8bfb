import { readDefinitions, unescapeText, type Definitions } from './definitions';
import { endsHtmlBlock, htmlBlockStart } from './html';
import {
  indentation,
  inlineSource,
  isBlank,
  joinSources,
  lineSource,
  sliceInlineSource,
  sliceLine,
  sourceOf,
  stripColumns,
  trimEndSpaces,
  trimStart,
  type InlineSource,
  type Line,
} from './lines';
import type { Alignment } from './types';

/**
 * The block reader (CommonMark 4–5 + GFM tables and task list items): paragraphs, ATX
 * and setext headings, thematic breaks, fenced and indented code, HTML blocks, block
 * quotes and lists with nesting and lazy lines. Leaves keep their inline text (with its
 * place in the source) until every link definition of the document is known.
 */
export type RawBlock =
  | { kind: 'paragraph'; content: InlineSource }
  /**
   * `marker`: where the heading's markup stands in the source — the run of "#"s (ATX) or
   * the underline line (setext) — for a rewriter that changes only that markup.
   */
  | { kind: 'heading'; level: number; content: InlineSource; marker: { from: number; to: number; setext: boolean } }
  /** `fence`: a fenced block's opening run ("```"), and whether a closing fence was found. */
  | { kind: 'code'; text: string; info: string; fence?: { marker: string; closed: boolean } }
  | { kind: 'quote'; blocks: RawBlock[] }
  | { kind: 'list'; ordered: boolean; start: number; tight: boolean; items: RawBlock[][]; tasks: (boolean | null)[] }
  | { kind: 'rule' }
  | { kind: 'table'; align: Alignment[]; rows: InlineSource[][] }
  | { kind: 'html'; content: InlineSource };

const FENCE = /^(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^(`{3,}|~{3,})[ \t]*$/;
const ATX = /^(#{1,6})(?=[ \t]|$)/;
const RULE = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT = /^(=+|-+)[ \t]*$/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** A line's text after indentation of less than 4 columns, or null when it is indented code. */
function unindented(line: Line): string | null {
  return indentation(line) < 4 ? trimStart(line).text : null;
}

interface ListMarker {
  ordered: boolean;
  /** The bullet character, or the delimiter after the number. */
  sign: string;
  start: number;
  /** Columns from the line's start to the item's content (the indentation of its other lines). */
  contentAt: number;
  /** The item's first line, without its marker. */
  first: Line;
  empty: boolean;
}

function listMarker(line: Line): ListMarker | null {
  const rest = unindented(line);
  if (rest === null) return null;
  const m = /^(?:([-+*])|(\d{1,9})([.)]))(?=[ \t]|$)/.exec(rest);
  if (!m) return null;
  const indent = indentation(line);
  const afterMarker = sliceLine(trimStart(line), m[0].length);
  const spaces = indentation(afterMarker);
  const empty = isBlank(afterMarker);
  if (line.interrupting && (empty || (m[2] && m[2] !== '1'))) return null;
  const used = empty || spaces >= 5 ? 1 : spaces;
  return {
    ordered: !m[1],
    sign: m[1] ?? m[3]!,
    start: m[2] ? Number(m[2]) : 1,
    contentAt: indent + m[0].length + used,
    first: { ...(empty ? { ...afterMarker, text: '' } : stripColumns(afterMarker, used)), ...(line.interrupting ? { interrupting: true } : {}) },
    empty,
  };
}

function openingFence(line: Line): { indent: number; marker: string; info: string } | null {
  const rest = unindented(line);
  const m = rest === null ? null : FENCE.exec(rest);
  if (!m || (m[1]![0] === '`' && m[2]!.includes('`'))) return null;
  return { indent: indentation(line), marker: m[1]!, info: unescapeText(m[2]!.trim()) };
}

const isRule = (line: Line) => RULE.test(unindented(line) ?? '');
const isQuote = (line: Line) => (unindented(line) ?? '').startsWith('>');

/**
 * A line that ends a paragraph without a blank line before it. `flat`: at the nesting
 * limit no quote or list starts, so their markers do not interrupt either.
 */
function interruptsParagraph(line: Line, flat = false): boolean {
  const rest = unindented(line);
  if (rest === null) return false;
  if (openingFence(line) || ATX.test(rest) || RULE.test(rest) || (!flat && rest.startsWith('>'))) return true;
  const kind = htmlBlockStart(rest);
  if (kind >= 1 && kind <= 6) return true;
  if (flat) return false;
  const item = listMarker(line);
  return !!item && !item.empty && (!item.ordered || item.start === 1);
}

/**
 * How far back the reader looks to decide whether a line can be lazy: a paragraph's
 * laziness depends on the blocks just before it, and a bound keeps a hostile document of
 * alternating quote and lazy lines linear. Only a fence or HTML block open for longer
 * than this could be misjudged.
 */
const LAZY_WINDOW = 400;

/**
 * How deep quotes and list items may nest. Beyond it the reader opens no further container:
 * their lines read as paragraph text. Without a limit a summary of 5,000 ">" or 1,800
 * nested items ran the reader and every consumer after it (Word, the guard) out of stack;
 * GitHub nests on, so the published section escapes those markers
 * (templates/markdown/contain.ts) and both readings agree again.
 */
export const MAX_NESTING = 32;

/**
 * Whether a line outside a container could go on with a paragraph inside it. Anything
 * that starts a block ends the container instead — as micromark reads it, also a list item
 * that could not interrupt a paragraph and an HTML block of any kind.
 */
function mayBeLazy(line: Line): boolean {
  const rest = unindented(line);
  return rest === null || (!interruptsParagraph(line) && !listMarker(line) && !htmlBlockStart(rest));
}

/** A line starting an HTML block of kind 7 (a lone tag), which micromark keeps inside the container it follows. */
function lazyHtml(line: Line): boolean {
  const rest = unindented(line);
  return rest !== null && htmlBlockStart(rest) === 7;
}

/** The innermost last block: inside quotes and the last item of lists. */
function lastLeaf(blocks: readonly RawBlock[]): RawBlock | undefined {
  const last = blocks.at(-1);
  if (last?.kind === 'quote') return lastLeaf(last.blocks);
  if (last?.kind === 'list') return lastLeaf(last.items.at(-1) ?? []);
  return last;
}

/** The cells of a table row: outer pipes dropped, split at every pipe not escaped. */
function tableCells(line: Line): { text: string; from: number }[] {
  const trimmed = trimStart(line);
  let text = trimEndSpaces(trimmed.text);
  let offset = 0;
  if (text.startsWith('|')) {
    text = text.slice(1);
    offset = 1;
  }
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: { text: string; from: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (i === text.length || text[i] === '|') {
      const raw = text.slice(start, i);
      const lead = /^[ \t]*/.exec(raw)![0].length;
      cells.push({ text: raw.trim(), from: trimmed.from + offset + start + lead });
      start = i + 1;
    }
  }
  return cells;
}

/** The alignments of a delimiter row when it matches `header`'s cells (a GFM table starts), else null. */
function tableStart(header: Line, delimiter: Line | undefined): Alignment[] | null {
  if (!delimiter || delimiter.lazy) return null;
  const rest = unindented(delimiter);
  // A list item ("- |") is read first.
  if (rest === null || !rest.includes('|') || !DELIMITER_ROW.test(rest) || unindented(header) === null || listMarker(delimiter)) return null;
  const cells = tableCells(delimiter);
  if (cells.length !== tableCells(header).length) return null;
  return cells.map(({ text }) => (text.startsWith(':') ? (text.endsWith(':') ? 'center' : 'left') : text.endsWith(':') ? 'right' : null));
}

function parseTable(lines: readonly Line[], from: number, align: Alignment[]): { block: RawBlock; next: number } {
  const row = (line: Line) => {
    const cells = tableCells(line).slice(0, align.length).map((c) => lineSource(c.text, c.from));
    while (cells.length < align.length) cells.push(lineSource('', -1));
    return cells;
  };
  const rows = [row(lines[from]!)];
  let i = from + 2;
  // Rows go on to a blank line or the start of another block (an empty list item or a lone tag too: no paragraph is open).
  const ends = (line: Line) => isBlank(line) || interruptsParagraph(line) || !!listMarker(line) || htmlBlockStart(unindented(line) ?? '') > 0;
  while (i < lines.length && !ends(lines[i]!)) rows.push(row(lines[i++]!));
  return { block: { kind: 'table', align, rows }, next: i };
}

export class BlockReader {
  /** Where the last HTML block ended, in the lines being read (for adjacent HTML blocks). */
  private lastHtmlEnd = -1;
  /** Where the link reference definitions read so far stand in the source (they apply to the whole document). */
  readonly definitionRanges: { from: number; to: number }[] = [];

  /** `depth`: how many quotes and list items the lines read are inside. */
  constructor(
    readonly definitions: Definitions,
    private depth = 0,
  ) {}

  /** At the nesting limit: quote and list markers are text. */
  private get flat(): boolean {
    return this.depth >= MAX_NESTING;
  }

  /** Reads a container's lines one level deeper. */
  private nested(lines: Line[]): RawBlock[] {
    this.depth++;
    try {
      return this.parse(lines);
    } finally {
      this.depth--;
    }
  }

  /** Whether some lines end inside an open paragraph, which a lazy line goes on with. */
  private endsInOpenParagraph(lines: readonly Line[]): boolean {
    const last = lines.at(-1);
    if (!last || isBlank(last)) return false;
    if (last.lazy) return true;
    // A blank line inside quotes (`> >`) has closed the paragraph too.
    let inner = last;
    while (isQuote(inner)) {
      const afterMarker = sliceLine(trimStart(inner), 1);
      inner = /^[ \t]/.test(afterMarker.text) ? stripColumns(afterMarker, 1) : afterMarker;
      if (isBlank(inner)) return false;
    }
    // Read on the side (its definitions are not the document's): the lines are read again as part of their container.
    return lastLeaf(new BlockReader(new Map(), this.depth).parse(lines.slice(-LAZY_WINDOW)))?.kind === 'paragraph';
  }

  parse(source: readonly Line[]): RawBlock[] {
    const lines = [...source];
    const blocks: RawBlock[] = [];
    let i = 0;
    while (i < lines.length) {
      const line = lines[i]!;
      if (isBlank(line)) {
        i++;
        continue;
      }
      const rest = unindented(line);
      if (rest === null) {
        i = this.indentedCode(lines, i, blocks);
        // As micromark reads it, indented code is cut short like a paragraph: no numbered list
        // other than "1." and no empty item may start right after it.
        if (i < lines.length && !isBlank(lines[i]!)) lines[i] = { ...lines[i]!, interrupting: true };
        continue;
      }
      const fence = openingFence(line);
      if (fence) {
        i = this.fencedCode(lines, i, fence, blocks);
        continue;
      }
      if (ATX.test(rest)) {
        blocks.push(this.atxHeading(line));
        i++;
        continue;
      }
      if (RULE.test(rest)) {
        blocks.push({ kind: 'rule' });
        i++;
        continue;
      }
      if (line.lazyHtml) {
        blocks.push({ kind: 'html', content: inlineSource([line], false) });
        i++;
        continue;
      }
      const html = htmlBlockStart(rest);
      if (html) {
        i = this.htmlBlock(lines, i, html, blocks);
        continue;
      }
      if (!this.flat && rest.startsWith('>')) {
        i = this.quote(lines, i, blocks);
        continue;
      }
      if (!this.flat && listMarker(line)) {
        const { block, next } = this.list(lines, i);
        blocks.push(block);
        i = next;
        continue;
      }
      const align = tableStart(line, lines[i + 1]);
      if (align) {
        const { block, next } = parseTable(lines, i, align);
        blocks.push(block);
        i = next;
        continue;
      }
      const start = i;
      i = this.paragraph(lines, i, blocks);
      // What ends a paragraph (even one of link definitions only) without a blank line interrupts it (see Line.interrupting).
      if (i > start && i < lines.length && !isBlank(lines[i]!) && blocks.at(-1)?.kind !== 'heading') lines[i] = { ...lines[i]!, interrupting: true };
    }
    return blocks;
  }

  private indentedCode(lines: readonly Line[], from: number, blocks: RawBlock[]): number {
    const body: string[] = [];
    let i = from;
    while (i < lines.length && (indentation(lines[i]!) >= 4 || isBlank(lines[i]!))) {
      body.push(sliceLine(stripColumns(lines[i]!, 4), 0).text);
      i++;
    }
    while (body.length && /^[ \t]*$/.test(body.at(-1)!)) body.pop();
    blocks.push({ kind: 'code', text: body.join('\n'), info: '' });
    return i;
  }

  private fencedCode(lines: readonly Line[], from: number, fence: { indent: number; marker: string; info: string }, blocks: RawBlock[]): number {
    const body: string[] = [];
    let i = from + 1;
    let closed = false;
    while (i < lines.length) {
      const close = CLOSING_FENCE.exec(unindented(lines[i]!) ?? '');
      if (close && close[1]![0] === fence.marker[0] && close[1]!.length >= fence.marker.length) {
        i++;
        closed = true;
        break;
      }
      body.push(stripColumns(lines[i]!, fence.indent).text);
      i++;
    }
    blocks.push({ kind: 'code', text: body.join('\n'), info: fence.info, fence: { marker: fence.marker, closed } });
    return i;
  }

  private atxHeading(line: Line): RawBlock {
    const trimmed = trimStart(line);
    const level = ATX.exec(trimmed.text)![1]!.length;
    let text = trimmed.text.slice(level);
    const lead = /^[ \t]*/.exec(text)![0].length;
    // A closing run of #s is not part of the heading ("## Title ##").
    // (By hand: the pattern for it retried at every space of a long run, quadratic.)
    text = trimEndSpaces(text.slice(lead));
    let hashes = text.length;
    while (hashes > 0 && text[hashes - 1] === '#') hashes--;
    if (hashes < text.length && (hashes === 0 || text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) text = trimEndSpaces(text.slice(0, hashes));
    return {
      kind: 'heading',
      level,
      content: lineSource(text, trimmed.from + level + lead),
      marker: { from: trimmed.from, to: trimmed.from + level, setext: false },
    };
  }

  private htmlBlock(source: readonly Line[], from: number, kind: number, blocks: RawBlock[]): number {
    const lines = source;
    let i = from;
    const body: Line[] = [];
    while (i < lines.length) {
      const line = lines[i]!;
      if (kind >= 6 && isBlank(line)) break;
      body.push(line);
      i++;
      if (kind <= 5 && endsHtmlBlock(kind, line.text)) break;
    }
    const content = inlineSource(body, false);
    // An HTML block right after another (no blank line between) reads on from it: a browser sees one stretch of HTML.
    const previous = blocks.at(-1);
    if (previous?.kind === 'html' && from > 0 && !isBlank(source[from - 1]!) && this.lastHtmlEnd === from) {
      blocks[blocks.length - 1] = { kind: 'html', content: joinSources(previous.content, content) };
    } else blocks.push({ kind: 'html', content });
    this.lastHtmlEnd = i;
    return i;
  }

  private quote(lines: readonly Line[], from: number, blocks: RawBlock[]): number {
    const inner: Line[] = [];
    let i = from;
    while (i < lines.length) {
      const next = lines[i]!;
      if (isQuote(next)) {
        const afterMarker = sliceLine(trimStart(next), 1);
        const content = /^[ \t]/.test(afterMarker.text) ? stripColumns(afterMarker, 1) : afterMarker;
        inner.push(i === from && next.interrupting ? { ...content, interrupting: true } : content);
      } else if (!isBlank(next) && mayBeLazy(next) && this.endsInOpenParagraph(inner)) {
        inner.push({ ...next, lazy: true }); // a lazy line goes on with the quote's paragraph
      } else if (lazyHtml(next) && this.endsInOpenParagraph(inner)) {
        inner.push({ ...next, lazyHtml: true });
      } else break;
      i++;
    }
    blocks.push({ kind: 'quote', blocks: this.nested(inner) });
    return i;
  }

  private list(lines: readonly Line[], from: number): { block: RawBlock; next: number } {
    const first = listMarker(lines[from]!)!;
    const items: Line[][] = [];
    let tight = true;
    let i = from;
    while (i < lines.length) {
      const line = lines[i]!;
      const marker = isRule(line) ? null : listMarker(line);
      if (!marker || marker.ordered !== first.ordered || marker.sign !== first.sign) break;
      const body = [marker.first];
      i++;
      while (i < lines.length) {
        const next = lines[i]!;
        if (isBlank(next)) {
          // An item that starts blank ends at the next blank line.
          if (marker.empty && body.length === 1) break;
          body.push({ ...next, text: '' });
          i++;
          continue;
        }
        if (indentation(next) >= marker.contentAt) {
          body.push(stripColumns(next, marker.contentAt));
          i++;
          continue;
        }
        // Lazy continuation: an unindented line that goes on with the item's paragraph.
        if (mayBeLazy(next) && this.endsInOpenParagraph(body)) {
          body.push({ ...trimStart(next), lazy: true });
          i++;
          continue;
        }
        if (lazyHtml(next) && this.endsInOpenParagraph(body)) {
          body.push({ ...trimStart(next), lazyHtml: true });
          i++;
          continue;
        }
        break;
      }
      let trailing = 0;
      while (body.length > 1 && isBlank(body.at(-1)!)) {
        body.pop();
        trailing++;
      }
      if (body.slice(1).some((l, k) => isBlank(l) && !isBlank(body[k]!) && body[k + 2] !== undefined)) tight = false;
      items.push(body);
      const following = i < lines.length && !isRule(lines[i]!) ? listMarker(lines[i]!) : null;
      const continues = !!following && following.ordered === first.ordered && following.sign === first.sign;
      if (trailing > 0 && continues) tight = false;
      if (!continues) break;
    }
    const parsed = items.map((item) => this.nested(item));
    const tasks = parsed.map((blocks, k) => this.taskBox(blocks, items[k]![0]!));
    return { block: { kind: 'list', ordered: first.ordered, start: first.start, tight, items: parsed, tasks }, next: i };
  }

  /** `[ ]` or `[x]` opening an item's first paragraph (and followed by text): the box, taken out of the text. */
  private taskBox(blocks: RawBlock[], firstLine: Line): boolean | null {
    const paragraph = blocks[0];
    if (paragraph?.kind !== 'paragraph' || isBlank(firstLine)) return null;
    const m = /^\[([ \txX])\][ \t\n]+(?=\S)/.exec(paragraph.content.text);
    if (!m) return null;
    blocks[0] = { kind: 'paragraph', content: sliceInlineSource(paragraph.content, m[0].length) };
    return m[1] === 'x' || m[1] === 'X';
  }

  private paragraph(lines: readonly Line[], from: number, blocks: RawBlock[]): number {
    const paragraph = [lines[from]!];
    let level = 0;
    let underline: Line | null = null;
    let i = from + 1;
    while (i < lines.length) {
      const next = lines[i]!;
      if (isBlank(next)) break;
      if (next.lazyHtml) break;
      if (next.lazy) {
        paragraph.push(next);
        i++;
        continue;
      }
      const setext = SETEXT.exec(unindented(next) ?? '');
      if (setext) {
        level = setext[1]![0] === '=' ? 1 : 2;
        underline = next;
        i++;
        break;
      }
      if (interruptsParagraph(next, this.flat) || tableStart(next, lines[i + 1])) break;
      paragraph.push(next);
      i++;
    }
    let content = inlineSource(paragraph);
    const definitionsEnd = readDefinitions(content.text, this.definitions);
    if (definitionsEnd > 0) {
      // To where the rest of the paragraph starts (a container's "> " before it included), or the last definition's end.
      const to = definitionsEnd < content.text.length ? sourceOf(content, definitionsEnd) : sourceOf(content, definitionsEnd - 1) + 1;
      this.definitionRanges.push({ from: content.froms[0]!, to });
      content = sliceInlineSource(content, definitionsEnd);
    }
    if (!content.text.trim()) {
      // Only definitions: a setext underline after them is a paragraph (or a rule) of its own.
      if (level) return i - 1;
      return i;
    }
    if (level && underline) {
      const trimmed = trimStart(underline);
      const marker = { from: trimmed.from, to: trimmed.from + trimmed.text.length - trimmed.virtual, setext: true };
      blocks.push({ kind: 'heading', level, content, marker });
    } else blocks.push({ kind: 'paragraph', content });
    return i;
  }
}
