import { BlockReader, type RawBlock } from './blocks';
import type { Definitions } from './definitions';
import { htmlText } from './html';
import { readInlines } from './inlines';
import { lineSource, sourceOf, splitLines, type InlineSource } from './lines';
import { PositionMap } from './positions';
import type { Block, Inline, TextSpan } from './types';

export type { Alignment, Block, Inline, SourceRun, TextSpan } from './types';

/**
 * Reads Markdown the way GitHub shows it: the one reading every part of Adoption Desk
 * uses (previews, Word documents, the anonymity guard, typography, importers), so what
 * the reviewer sees, what Word prints and what the guard checks never differ.
 *
 * Why a reader of our own and not micromark/mdast: see docs/architecture.md ("One reading
 * of Markdown"). It is tested against micromark + GFM, the reference GitHub follows.
 */
export function readMarkdown(markdown: string): Block[] {
  const definitions: Definitions = new Map();
  const raw = new BlockReader(definitions).parse(splitLines(markdown));
  return resolveAll(raw, definitions);
}

/**
 * Text read as the content of one paragraph (no block structure: "1. Globex" and "# x"
 * stay as written): for a heading's text, a label, a line the importers look at.
 */
export function readInline(markdown: string): Inline[] {
  return readInlines(lineSource(markdown, 0), new Map());
}

const resolveAll = (blocks: readonly RawBlock[], definitions: Definitions): Block[] =>
  blocks.flatMap((block) => (block.kind === 'html' ? htmlBlocks(block.content) : [resolve(block, definitions)]));

function resolve(block: Exclude<RawBlock, { kind: 'html' }>, definitions: Definitions): Block {
  switch (block.kind) {
    case 'paragraph':
      return { kind: 'paragraph', inlines: readInlines(block.content, definitions) };
    case 'heading':
      return { kind: 'heading', level: block.level, inlines: readInlines(block.content, definitions) };
    case 'quote':
      return { kind: 'quote', blocks: resolveAll(block.blocks, definitions) };
    case 'list':
      return { ...block, items: block.items.map((item) => resolveAll(item, definitions)) };
    case 'table':
      return { kind: 'table', align: block.align, rows: block.rows.map((row) => row.map((cell) => readInlines(cell, definitions))) };
    case 'code':
      return { kind: 'code', text: block.text, info: block.info };
    case 'rule':
      return block;
  }
}

const PLAIN = { bold: false, italic: false, strike: false, code: false, link: null } as const;

/**
 * An HTML block as a reader sees it: one block per stretch between block-level elements
 * (`<div>a</div>b` shows two), each a list of spans whose source runs are cut at line ends,
 * where the block's lines join.
 */
function htmlBlocks(content: InlineSource): Block[] {
  const blocks: Inline[][] = [[]];
  for (const piece of htmlText(content.text, 0)) {
    const current = blocks.at(-1)!;
    if (piece.kind === 'block') {
      if (current.length) blocks.push([]);
      continue;
    }
    if (piece.kind === 'break') {
      if (current.length && current.at(-1)!.kind !== 'break') current.push({ kind: 'break' });
      continue;
    }
    // A line end inside HTML reads as a space (same length: the runs stay true).
    const span: TextSpan = { kind: 'text', text: piece.text.replace(/\n/g, ' '), ...PLAIN, source: [] };
    for (const run of piece.runs) {
      let at = run.at;
      for (const part of content.text.slice(run.from, run.from + run.length).split('\n')) {
        if (part) span.source.push({ at, from: sourceOf(content, run.from + (at - run.at)), length: part.length });
        at += part.length + 1;
      }
    }
    if (span.text.trim()) current.push(span);
  }
  return blocks
    .map((inlines) => {
      while (inlines.at(-1)?.kind === 'break') inlines.pop();
      return inlines;
    })
    .filter((inlines) => inlines.length > 0)
    .map((inlines) => ({ kind: 'html', inlines }));
}

/** What a reader sees of some inlines: the text, a line break as "\n". */
export function inlineText(inlines: readonly Inline[]): string {
  let text = '';
  for (const inline of inlines) text += inline.kind === 'break' ? '\n' : inline.text;
  return text;
}

/** The visible text of blocks, one line per paragraph, heading, code line, cell row or item paragraph. */
export function visibleText(blocks: readonly Block[]): string {
  return blockLines(blocks).join('\n');
}

function blockLines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
      case 'html':
        return [inlineText(block.inlines)];
      case 'code':
        return [block.text];
      case 'quote':
        return blockLines(block.blocks);
      case 'list':
        return block.items.flatMap((item) => blockLines(item));
      case 'table':
        return block.rows.map((row) => row.map(inlineText).join(' '));
      case 'rule':
        return [];
    }
  });
}

/**
 * What a reader of the rendered page sees, as one text with, for each UTF-16 unit, where
 * it stands in the source (a character not written as such — a decoded reference, an
 * escaped character, a line end — points at the nearest one before it that is). Blocks are
 * separated by a line end. Code blocks are left out: they show exactly their source.
 */
export function readerText(markdown: string): { text: string; map: Int32Array } {
  const parts: string[] = [];
  const map = new PositionMap(markdown.length);
  let last = 0;
  const spans = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      if (inline.kind === 'break') {
        parts.push('\n');
        map.repeat(last);
        continue;
      }
      // The runs come in the order of the text: a run written as such is copied one for one;
      // between runs (a decoded reference, an escape) the last source index is repeated.
      let k = 0;
      for (const run of inline.source) {
        if (run.at > k) map.repeat(last, Math.min(run.at, inline.text.length) - k);
        k = Math.max(k, run.at);
        const end = Math.min(run.at + run.length, inline.text.length);
        if (end > k) {
          map.copy(run.from + (k - run.at), end - k);
          last = run.from + (end - 1 - run.at);
          k = end;
        }
      }
      if (inline.text.length > k) map.repeat(last, inline.text.length - k);
      parts.push(inline.text);
    }
    parts.push('\n');
    map.repeat(last);
  };
  const walk = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      switch (block.kind) {
        case 'paragraph':
        case 'heading':
        case 'html':
          spans(block.inlines);
          break;
        case 'quote':
          walk(block.blocks);
          break;
        case 'list':
          for (const item of block.items) walk(item);
          break;
        case 'table':
          for (const row of block.rows) for (const cell of row) spans(cell);
          break;
        case 'code':
        case 'rule':
          break;
      }
    }
  };
  walk(readMarkdown(markdown));
  return { text: parts.join(''), map: map.done() };
}
