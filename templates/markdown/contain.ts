import { BlockReader, MAX_NESTING, type RawBlock } from '../../markdown/blocks';
import type { Definitions } from '../../markdown/definitions';
import { inlineMarkup } from '../../markdown/inlines';
import { sourceOf, splitLines, trimEndSpaces, type InlineSource } from '../../markdown/lines';

/**
 * Containment: what a reviewer or an import put in a summary stays inside its entry when
 * the Adoption section is pasted into the DD. A summary is Markdown and may use it, but
 * nothing in it may reach the document around it:
 *
 * - a heading would become a section (`#### …`) or a fake adopter (`##### Adopter 99`) of
 *   the DD: every heading, ATX or setext, at any depth, becomes `######`, below the entry;
 * - a code fence never closed turns the rest of the DD into code: it is closed;
 * - raw HTML (a `<!--` never closed, `<details>`, `<script>`, `<img onerror>`) hides or
 *   reorders what follows in a browser: it is escaped, shown as the text it is;
 * - a link or image to anything but http(s), mailto or a relative address loses the link
 *   and keeps its text;
 * - a link reference definition applies to the whole DD (it could relink the DD's own
 *   `[x]`): definitions are dropped and the summary's reference links written inline;
 * - quotes and lists nested past MAX_NESTING (the reader's limit) are flattened: the
 *   deeper markers are escaped, so GitHub reads what our reader reads.
 *
 * It reads the summary with the project's own reader (markdown/blocks.ts) and changes only
 * the markup it found there, by source position: a well-formed summary comes out byte for
 * byte the same. One reading plus one pass over the edits: linear in the summary's size.
 */

/**
 * Characters a reader cannot see that change what they see or break the file: C0/C1
 * controls (NUL, BEL, ESC…; not tab and line ends), lone surrogates, noncharacters, and the
 * bidirectional controls that reorder the text around them (U+202E shows "txt.exe" as
 * "exe.txt"). Zero-width joiners and soft hyphens stay: emoji and words need them.
 */
export const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

export interface InvisibleCharacter {
  codePoint: number;
  /** 1-based, in the text as stored; the column counts characters (code points). */
  line: number;
  column: number;
}

/** The invisible characters of a text: the first one where it is, and how many there are. */
export function findInvisible(text: string): { first: InvisibleCharacter; count: number } | null {
  INVISIBLE.lastIndex = 0;
  const m = INVISIBLE.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const column = [...before.slice(lineStart)].length + 1;
  const count = text.match(INVISIBLE)!.length;
  return { first: { codePoint: m[0].codePointAt(0)!, line, column }, count };
}

/** The text without its invisible characters (rendering removes them; the checks warn, see warnings.ts). */
export const removeInvisible = (text: string): string => text.replace(INVISIBLE, '');

/** "U+202E" */
export const codePointName = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** Schemes a link in the published section may use; an address without a scheme is relative and stays. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Whether a link target may stay a link. Browsers skip controls and spaces in a scheme
 * ("java\tscript:"), so they are skipped here too before the scheme is read.
 */
export function allowedTarget(href: string): boolean {
  // eslint-disable-next-line no-control-regex -- a browser ignores these inside a scheme
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(href.replace(/[\u0000-\u0020\u007F-\u009F]/g, ''));
  return !scheme || ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase());
}

/** Plain text that reads exactly as written: every ASCII punctuation character escaped, on one line. */
const literal = (text: string): string => text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');

/**
 * Raw HTML shown as the text it is, on one line: what could open Markdown or HTML is
 * escaped ("<", "!", "[", emphasis and code markers), the rest stays — character references
 * still read as in HTML ("Cr&egrave;me"), and "\<b>" still shows the anonymity guard a tag
 * to read through, so "Glo<b>bex</b>" is refused as before rather than published as text.
 * `lineStart`: the text starts a line, so a block marker there ("#", "-", "1.", "|") is escaped too.
 */
function literalHtml(text: string, lineStart: boolean): string {
  const out = text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_~[\]!<@]/g, '\\$&')
    // No bare link either: GitHub's would run on through the escapes after it (see bareLinkEnds).
    .replace(/\b(https?|ftp|mailto|xmpp):/gi, '$1\\:')
    .replace(/\bwww\./gi, 'www\\.');
  if (!lineStart) return out;
  return out.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^[!-/:-@[-`{-~]/, (ch) => (ch === '\\' ? ch : `\\${ch}`));
}

/** A link destination written back in angle brackets (a definition's target, inlined). */
const destination = (href: string): string => `<${href.replace(/[\\<>&]/g, '\\$&').replace(/\s/g, (ch) => encodeURI(ch))}>`;

const CONTAINER_MARKER = /^(?:>|[-+*](?=[ \t]|$)|\d{1,9}(?=[.)](?:[ \t]|$)))/;

interface Edit {
  from: number;
  to: number;
  /** A function when the text costs a walk (a link's text): only edits that are made ask for it. */
  text: string | (() => string);
}

export interface Contained {
  text: string;
  /** Where (1-based line of the input) the first quote or list marker past the nesting limit was flattened, or null. */
  flattenedAt: number | null;
}

/** The summary (normalized Markdown, invisible characters removed) contained in its entry. */
export function containMarkdown(markdown: string): Contained {
  const definitions: Definitions = new Map();
  const reader = new BlockReader(definitions);
  const blocks = reader.parse(splitLines(markdown));
  const edits: Edit[] = [];
  let flattened = -1;

  // Source position of text[index] of an inline source, and the end of the range [from, to).
  const at = (source: InlineSource, index: number) => sourceOf(source, index);
  const end = (source: InlineSource, to: number) => (to > 0 ? sourceOf(source, to - 1) + 1 : source.froms[0]!);

  const inlines = (source: InlineSource) => {
    // A bare link (GFM autolink literal) on GitHub runs on to the next space, through a
    // backslash: "https://x.org\\<div>" links "https://x.org\\" and leaves "<div>" raw HTML.
    // So an escape written after one, with no space between, would not hold: the bare link
    // is then written as a link that ends at its ")" — same text, same target.
    let bare: { from: number; to: number; href: string; text: string } | null = null;
    let bareRunEnd = -1;
    const escapeAfter = (from: number) => {
      if (!bare || bare.to > from) return;
      if (bareRunEnd < 0) {
        const space = /\s/g;
        space.lastIndex = bare.to;
        bareRunEnd = space.exec(source.text)?.index ?? source.text.length;
      }
      if (bareRunEnd < from) return;
      edits.push({ from: at(source, bare.from), to: end(source, bare.to), text: `[${literal(bare.text)}](${destination(bare.href)})` });
      bare = null;
    };
    for (const markup of inlineMarkup(source, definitions)) {
      if (markup.kind === 'autolink' && source.text[markup.from] !== '<') {
        bare = markup;
        bareRunEnd = -1;
      }
      if (markup.kind === 'html') {
        escapeAfter(markup.from);
        edits.push({ from: at(source, markup.from), to: end(source, markup.to), text: literalHtml(source.text.slice(markup.from, markup.to), false) });
      } else if (!allowedTarget(markup.href)) {
        escapeAfter(markup.from);
        const text = markup.text;
        edits.push({ from: at(source, markup.from), to: end(source, markup.to), text: typeof text === 'string' ? literal(text) : () => literal(text()) });
      } else if (markup.kind === 'link' && markup.reference) {
        // The definition goes (below); the link keeps its target, written inline.
        edits.push({ from: end(source, markup.close + 1), to: end(source, markup.to), text: `(${destination(markup.href)})` });
      }
    }
  };

  // Lines of a paragraph read as text past the nesting limit: their container markers escaped.
  const flatten = (source: InlineSource) => {
    source.starts.forEach((start, k) => {
      const next = k + 1 < source.starts.length ? source.starts[k + 1]! - 1 : source.text.length;
      const line = source.text.slice(start, next);
      const indent = /^[ \t]*/.exec(line)![0].length;
      const m = CONTAINER_MARKER.exec(line.slice(indent));
      if (!m) return;
      const marker = at(source, start + indent + (/^\d/.test(m[0]) ? m[0].length : 0));
      if (flattened < 0) flattened = marker;
      edits.push({ from: marker, to: marker, text: '\\' });
    });
  };

  // Recursion is bounded: the reader nests no deeper than MAX_NESTING.
  const walk = (list: readonly RawBlock[], depth: number) => {
    for (const block of list) {
      switch (block.kind) {
        case 'paragraph':
          inlines(block.content);
          if (depth >= MAX_NESTING) flatten(block.content);
          break;
        case 'heading':
          inlines(block.content);
          if (!block.marker.setext) {
            if (block.level < 6) edits.push({ from: block.marker.from, to: block.marker.to, text: '######' });
            break;
          }
          {
            // A setext heading becomes one ATX line: its lines joined (a line end reads as a space), the underline gone.
            const c = block.content;
            edits.push({ from: c.froms[0]!, to: c.froms[0]!, text: '###### ' });
            for (let k = 1; k < c.starts.length; k++) edits.push({ from: end(c, c.starts[k]! - 1), to: c.froms[k]!, text: ' ' });
            edits.push({ from: end(c, c.text.length), to: block.marker.to, text: '' });
          }
          break;
        case 'code':
          // Inside a quote or list the container's end closes the fence; at the top only the fence's own marker does.
          if (depth === 0 && block.fence && !block.fence.closed) edits.push({ from: markdown.length, to: markdown.length, text: `\n${block.fence.marker}` });
          break;
        case 'html': {
          const c = block.content;
          c.starts.forEach((start, k) => {
            const stop = k + 1 < c.starts.length ? c.starts[k + 1]! - 1 : c.text.length;
            if (stop > start) edits.push({ from: c.froms[k]!, to: end(c, stop), text: literalHtml(c.text.slice(start, stop).trimStart(), true) });
          });
          // Escaped, the block reads as a paragraph, which the line under it would go on with
          // (an indented line) or turn into a heading ("==="): a blank line, inside the same
          // quotes, ends it where the HTML block ended.
          const last = c.froms[c.froms.length - 1]!;
          const blockEnd = end(c, c.text.length);
          const lineEnd = markdown.indexOf('\n', blockEnd);
          const next = lineEnd < 0 ? '' : markdown.slice(lineEnd + 1, markdown.indexOf('\n', lineEnd + 1) >>> 0);
          if (/[^ \t>]/.test(next)) {
            const quotes = markdown.slice(markdown.lastIndexOf('\n', last - 1) + 1, last).replace(/[^>]/g, ' ');
            edits.push({ from: blockEnd, to: blockEnd, text: `\n${trimEndSpaces(quotes)}` });
          }
          break;
        }
        case 'table':
          for (const row of block.rows) for (const cell of row) if (cell.froms[0]! >= 0) inlines(cell);
          break;
        case 'quote':
          walk(block.blocks, depth + 1);
          break;
        case 'list':
          for (const item of block.items) walk(item, depth + 1);
          break;
        case 'rule':
          break;
      }
    }
  };
  walk(blocks, 0);
  for (const range of reader.definitionRanges) edits.push({ ...range, text: '' });
  if (edits.length === 0) return { text: markdown, flattenedAt: null };

  // Applied in source order; an edit inside one already made (markup inside a link that lost its target) is dropped.
  edits.sort((a, b) => a.from - b.from || (a.to === a.from ? -1 : 0) - (b.to === b.from ? -1 : 0) || b.to - a.to);
  let out = '';
  let last = 0;
  for (const edit of edits) {
    if (edit.from < last) continue;
    out += markdown.slice(last, edit.from) + (typeof edit.text === 'string' ? edit.text : edit.text());
    last = edit.to;
  }
  out += markdown.slice(last);
  // What an edit left behind (a removed definition's line, a quote's "> ") is tidied as normalize.ts tidies.
  out = out
    .split('\n')
    .map(trimEndSpaces)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
  const flattenedAt = flattened < 0 ? null : (markdown.slice(0, flattened).match(/\n/g)?.length ?? 0) + 1;
  return { text: out, flattenedAt };
}
