import type { Inline, SourceRun, TextSpan } from './types';
import { characterReferenceAt } from './entities';
import { destinationAt, ESCAPABLE, linkLabelAt, normalizeLabel, titleAt, unescapeText, type Definitions } from './definitions';
import { htmlPiece, INLINE_HTML } from './html';
import { LITERAL_START, literalAt } from './autolink-literal';
import { sourceOf, trimEndSpaces, type InlineSource } from './lines';

/**
 * The inline reader (CommonMark 6 + GFM strikethrough and autolink literals): emphasis
 * with the delimiter rules, code spans, inline and reference links, images (their alt
 * text, linked), autolinks, raw HTML (hidden, its text shown), hard and soft breaks,
 * backslash escapes and character references. The result is flat: styled spans of what
 * a reader sees, each knowing which of its characters stand verbatim in the source.
 */

type Node =
  /** `at`: where `s` starts in the inline text when it stands there verbatim, else -1. */
  | { t: 'text'; s: string; at: number }
  | { t: 'code'; s: string; at: number }
  | { t: 'break' }
  | { t: 'soft' }
  | { t: 'em' | 'strong' | 'del'; c: Node[] }
  /** An image reads as its alt text, linked to the image unless it is inside a link. */
  | { t: 'link'; href: string; c: Node[]; image?: boolean };

type TextNode = Extract<Node, { t: 'text' }>;

interface Delimiter {
  node: TextNode;
  char: '*' | '_' | '~';
  count: number;
  canOpen: boolean;
  canClose: boolean;
}

interface Bracket {
  node: TextNode;
  /** Where the bracket's "[" is in the text. */
  at: number;
  image: boolean;
  active: boolean;
  /** Delimiters before the bracket (those after it belong to the link text). */
  delimitersBefore: number;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;
/** Characters the scanner must look at; everything else is plain text copied in one piece. */
const SPECIAL = /[\\\n&`<*_~[\]!]/g;
// eslint-disable-next-line no-control-regex -- an autolink may not hold control characters
const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\u0000-\u001f]*)>/;
const EMAIL_AUTOLINK = /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;

/** `(destination "title")` right after a link's `]`: where it ends and the target, or null. */
function resourceAt(src: string, at: number): { end: number; href: string } | null {
  if (src[at] !== '(') return null;
  const space = (from: number) => from + /^[ \t\n]*/.exec(src.slice(from, from + 200))![0].length;
  let i = space(at + 1);
  let href = '';
  if (src[i] !== ')') {
    const destination = destinationAt(src, i);
    if (!destination) return null;
    href = destination.raw;
    const afterDestination = destination.end;
    i = space(afterDestination);
    if (i > afterDestination && src[i] !== ')') {
      const titleEnd = titleAt(src, i);
      if (titleEnd === null) return null;
      i = space(titleEnd);
    }
  }
  return src[i] === ')' ? { end: i + 1, href: unescapeText(href) } : null;
}

type CharacterClass = 'space' | 'punctuation' | 'other';

/** The character before `at` or at `at` (a whole code point), as micromark classes it; the text's edges are space. */
function classAt(src: string, at: number, before: boolean): CharacterClass {
  if (before ? at <= 0 : at >= src.length) return 'space';
  const code = before ? src.codePointAt(at - 1 - (/[\uDC00-\uDFFF]/.test(src[at - 1]!) && at > 1 ? 1 : 0))! : src.codePointAt(at)!;
  const ch = String.fromCodePoint(code);
  return WHITESPACE.test(ch) ? 'space' : PUNCTUATION.test(ch) ? 'punctuation' : 'other';
}

const MARKERS = new Set(['*', '_', '~']);

/**
 * Whether the run of `char` from `start` to `end` can open and close emphasis: the
 * flanking rules as micromark applies them, where a run right next to another marker
 * (`*_`) may also open or close; strikethrough takes the plain rules.
 */
function openClose(src: string, start: number, end: number, char: string): { canOpen: boolean; canClose: boolean } {
  const before = classAt(src, start, true);
  const after = classAt(src, end, false);
  const markers = char !== '~';
  const open = after === 'other' || (after === 'punctuation' && before !== 'other') || (markers && MARKERS.has(src[end] ?? ''));
  const close = before === 'other' || (before === 'punctuation' && after !== 'other') || (markers && MARKERS.has(src[start - 1] ?? ''));
  if (char !== '_') return { canOpen: open, canClose: close };
  return { canOpen: open && (before !== 'other' || !close), canClose: close && (after !== 'other' || !open) };
}

/** A node of the paragraph while emphasis is matched: linked, so matching never scans or shifts the whole paragraph. */
interface Linked {
  node: Node;
  prev: Linked | null;
  next: Linked | null;
}

/** A delimiter run in the doubly linked stack CommonMark describes. */
interface Stacked {
  d: Delimiter;
  item: Linked;
  prev: Stacked | null;
  next: Stacked | null;
}

/**
 * Matches emphasis delimiters among `nodes` (CommonMark's "process emphasis"), in place.
 * Nodes and delimiters are linked lists, as in CommonMark's reference implementation: an
 * array's indexOf and splice for every match made "*a*a*a…" quadratic (20,000 runs took 5 s).
 * A closer that found no opener and cannot open leaves the stack, as the spec says: no later
 * closer can use it, and the walk back stays short.
 */
function processEmphasis(nodes: Node[], delimiters: Delimiter[]): void {
  if (delimiters.length === 0) return;
  let head: Linked | null = null;
  let tail: Linked | null = null;
  const itemOf = new Map<Node, Linked>();
  for (const node of nodes) {
    const item: Linked = { node, prev: tail, next: null };
    if (tail) tail.next = item;
    else head = item;
    tail = item;
    itemOf.set(node, item);
  }
  let first: Stacked | null = null;
  let last: Stacked | null = null;
  for (const d of delimiters) {
    const entry: Stacked = { d, item: itemOf.get(d.node)!, prev: last, next: null };
    if (last) last.next = entry;
    else first = entry;
    last = entry;
  }
  const unlinkNode = (item: Linked) => {
    if (item.prev) item.prev.next = item.next;
    else head = item.next;
    if (item.next) item.next.prev = item.prev;
    else tail = item.prev;
  };
  const unstack = (entry: Stacked) => {
    if (entry.prev) entry.prev.next = entry.next;
    else first = entry.next;
    if (entry.next) entry.next.prev = entry.prev;
  };

  let current: Stacked | null = first;
  while (current) {
    const closerEntry: Stacked = current;
    const closer = closerEntry.d;
    if (!closer.canClose || closer.count === 0) {
      current = closerEntry.next;
      continue;
    }
    let openerEntry: Stacked | null = closerEntry.prev;
    for (; openerEntry; openerEntry = openerEntry.prev) {
      const opener = openerEntry.d;
      if (opener.char !== closer.char || !opener.canOpen || opener.count === 0) continue;
      if (closer.char === '~') {
        if (opener.count === closer.count) break;
        continue;
      }
      // The "rule of 3", on the runs' current lengths as micromark applies it.
      const ruleOfThree = (opener.canClose || closer.canOpen) && closer.count % 3 !== 0 && (opener.count + closer.count) % 3 === 0;
      if (!ruleOfThree) break;
    }
    if (!openerEntry) {
      current = closerEntry.next;
      if (!closer.canOpen) unstack(closerEntry);
      continue;
    }
    const opener = openerEntry.d;
    const use = closer.char === '~' ? closer.count : opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    opener.count -= use;
    closer.count -= use;
    // The opener's inner (last) characters and the closer's inner (first) ones are used.
    opener.node.s = opener.node.s.slice(0, opener.count);
    closer.node.s = closer.node.s.slice(0, closer.count);
    if (closer.node.at >= 0) closer.node.at += use;
    // The nodes between opener and closer move into the new element, which takes their place.
    const inner: Node[] = [];
    for (let item = openerEntry.item.next; item && item !== closerEntry.item; item = item.next) inner.push(item.node);
    const wrapped: Linked = { node: { t: closer.char === '~' ? 'del' : use === 2 ? 'strong' : 'em', c: inner }, prev: openerEntry.item, next: closerEntry.item };
    openerEntry.item.next = wrapped;
    closerEntry.item.prev = wrapped;
    // Delimiters between them are inside the element now: no longer on the stack.
    openerEntry.next = closerEntry;
    closerEntry.prev = openerEntry;
    current = closerEntry;
    if (opener.count === 0) {
      unlinkNode(openerEntry.item);
      unstack(openerEntry);
    }
    if (closer.count === 0) {
      unlinkNode(closerEntry.item);
      current = closerEntry.next;
      unstack(closerEntry);
    }
  }
  nodes.length = 0;
  for (let item = head as Linked | null; item; item = item.next) nodes.push(item.node);
}

/**
 * Markup of a paragraph that a rewriter of the source may need to change, with where it
 * stands in the inline text (`from` inclusive, `to` exclusive):
 * - `html`: raw HTML (a tag, a comment, a declaration);
 * - `link`: a link or image, `close` the index of its "]", `reference` when its target came
 *   from a definition, `text` what a reader sees of it (asked for only when needed: links
 *   nest, and reading every level's text would be quadratic);
 * - `autolink`: `<scheme:…>`, `<address@…>` or a bare link (GFM), `text` as shown.
 */
export type Markup =
  | { kind: 'html'; from: number; to: number }
  | { kind: 'link'; from: number; to: number; close: number; href: string; image: boolean; reference: boolean; text: () => string }
  | { kind: 'autolink'; from: number; to: number; href: string; text: string };

/** What a reader sees of some nodes, as plain text (a line break as a space). Iterative: nesting may be deep. */
function plainOf(nodes: readonly Node[]): string {
  let out = '';
  const stack: (readonly Node[] | Node)[] = [];
  for (let k = nodes.length - 1; k >= 0; k--) stack.push(nodes[k]!);
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.t === 'text' || node.t === 'code') out += node.s;
    else if (node.t === 'soft' || node.t === 'break') out += ' ';
    else for (let k = node.c.length - 1; k >= 0; k--) stack.push(node.c[k]!);
  }
  return out;
}

function parseNodes(src: string, definitions: Definitions, markup?: Markup[]): Node[] {
  const nodes: Node[] = [];
  const delimiters: Delimiter[] = [];
  const brackets: Bracket[] = [];
  // Verbatim text collected so far: src.slice(textFrom, textTo).
  let textFrom = -1;
  let textTo = -1;
  const flush = () => {
    if (textTo > textFrom) nodes.push({ t: 'text', s: src.slice(textFrom, textTo), at: textFrom });
    textFrom = textTo = -1;
  };
  const verbatim = (from: number, to: number) => {
    if (textTo !== from) {
      flush();
      textFrom = from;
    }
    textTo = to;
  };
  const decoded = (s: string) => {
    flush();
    nodes.push({ t: 'text', s, at: -1 });
  };
  // Bare links are looked for only where one could be (most paragraphs have none).
  const mayLink = /:\/\/|www\.|@/i.test(src);
  // Where the next possible start of a bare link is, searched again only once passed.
  let searchedFrom = -1;
  let candidate = -1;
  const candidateFrom = (i: number): number => {
    if (searchedFrom < 0 || i < searchedFrom || i > candidate) {
      LITERAL_START.lastIndex = i;
      const m = LITERAL_START.exec(src);
      searchedFrom = i;
      candidate = m ? m.index : src.length;
    }
    return candidate;
  };
  /** A bare link starting in [i, stop): copies the text before it and the link; where to go on, or -1. */
  const literal = (i: number, stop: number): number => {
    // None inside a "[" not yet closed: it may still become a link's text.
    if (!mayLink || brackets.length > 0) return -1;
    for (let start = candidateFrom(i); start < stop; start = candidateFrom(start + 1)) {
      const found = literalAt(src, start, start > 0 ? src[start - 1] : undefined);
      if (!found) continue;
      if (start > i) verbatim(i, start);
      flush();
      nodes.push({ t: 'link', href: found.href, c: [{ t: 'text', s: src.slice(start, found.end), at: start }] });
      markup?.push({ kind: 'autolink', from: start, to: found.end, href: found.href, text: src.slice(start, found.end) });
      return found.end;
    }
    return -1;
  };
  let i = 0;
  while (i < src.length) {
    SPECIAL.lastIndex = i;
    const special = SPECIAL.exec(src);
    const stop = special ? special.index : src.length;
    const afterLink = literal(i, src[i] === '_' ? i + 1 : stop);
    if (afterLink >= 0) {
      i = afterLink;
      continue;
    }
    if (stop > i) {
      verbatim(i, stop);
      i = stop;
      continue;
    }
    const ch = src[i]!;
    if (ch === '\\') {
      const next = src[i + 1];
      if (next === '\n') {
        flush();
        nodes.push({ t: 'break' });
        i += 2;
        while (src[i] === ' ' || src[i] === '\t') i++;
        continue;
      }
      if (next !== undefined && ESCAPABLE.test(next)) {
        decoded(next);
        i += 2;
        continue;
      }
      verbatim(i, i + 1);
      i++;
      continue;
    }
    if (ch === '\n') {
      // Spaces at the end of a line are not shown; two or more make a hard break.
      let spaces = 0;
      if (textTo === i) while (textTo - spaces - 1 >= textFrom && src[textTo - spaces - 1] === ' ') spaces++;
      const hard = spaces >= 2;
      if (textTo === i) while (textTo > textFrom && (src[textTo - 1] === ' ' || src[textTo - 1] === '\t')) textTo--;
      flush();
      nodes.push({ t: hard ? 'break' : 'soft' });
      i++;
      while (src[i] === ' ' || src[i] === '\t') i++;
      continue;
    }
    if (ch === '&') {
      const reference = characterReferenceAt(src, i);
      if (reference) {
        decoded(reference.value);
        i += reference.length;
        continue;
      }
    }
    if (ch === '`') {
      const run = /^`+/.exec(src.slice(i, i + 1000))![0];
      let search = i + run.length;
      let close = -1;
      while (search < src.length) {
        const at = src.indexOf('`', search);
        if (at < 0) break;
        const other = /^`+/.exec(src.slice(at, at + 1000))![0];
        if (other.length === run.length) {
          close = at;
          break;
        }
        search = at + other.length;
      }
      if (close < 0) {
        verbatim(i, i + run.length);
        i += run.length;
        continue;
      }
      // Line endings read as spaces; one space each side is dropped when both are there.
      let start = i + run.length;
      let end = close;
      const content = src.slice(start, end).replace(/\n/g, ' ');
      if (content.length >= 2 && content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content)) {
        start++;
        end--;
      }
      flush();
      nodes.push({ t: 'code', s: src.slice(start, end).replace(/\n/g, ' '), at: start });
      i = close + run.length;
      continue;
    }
    if (ch === '<') {
      const rest = src.slice(i, i + 4000);
      const auto = AUTOLINK.exec(rest);
      const email = auto ? null : EMAIL_AUTOLINK.exec(rest);
      if (auto || email) {
        const target = (auto ?? email)![1]!;
        flush();
        nodes.push({ t: 'link', href: auto ? target : `mailto:${target}`, c: [{ t: 'text', s: target, at: i + 1 }] });
        markup?.push({ kind: 'autolink', from: i, to: i + (auto ?? email)![0].length, href: auto ? target : `mailto:${target}`, text: target });
        i += (auto ?? email)![0].length;
        continue;
      }
      const html = INLINE_HTML.exec(rest);
      if (html) {
        markup?.push({ kind: 'html', from: i, to: i + html[0].length });
        const piece = htmlPiece(html[0]);
        if (piece.kind === 'literal') verbatim(i, i + html[0].length);
        else if (piece.kind === 'tail') verbatim(i + piece.at, i + html[0].length);
        else if (piece.kind === 'alt') decoded(piece.text);
        else if (piece.kind === 'break') {
          flush();
          nodes.push({ t: 'break' });
        } else flush();
        i += html[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '_' || ch === '~') {
      let end = i;
      while (src[end] === ch) end++;
      const length = end - i;
      if (ch === '~' && length > 2) {
        verbatim(i, end);
        i = end;
        continue;
      }
      const { canOpen, canClose } = openClose(src, i, end, ch);
      flush();
      const node: TextNode = { t: 'text', s: src.slice(i, end), at: i };
      nodes.push(node);
      if (canOpen || canClose) delimiters.push({ node, char: ch, count: length, canOpen, canClose });
      i = end;
      continue;
    }
    if (ch === '[' || (ch === '!' && src[i + 1] === '[')) {
      const image = ch === '!';
      flush();
      const node: TextNode = { t: 'text', s: image ? '![' : '[', at: i };
      nodes.push(node);
      brackets.push({ node, at: image ? i + 1 : i, image, active: true, delimitersBefore: delimiters.length });
      i += image ? 2 : 1;
      continue;
    }
    if (ch === ']') {
      flush();
      const opener = brackets.pop();
      const target = opener?.active ? linkTarget(src, opener.at, i, definitions) : null;
      if (!opener || !target) {
        verbatim(i, i + 1);
        i++;
        continue;
      }
      // From the end: the opener is usually close to it, and nested images ("![![![…") stay linear.
      const at = nodes.lastIndexOf(opener.node);
      const inner = nodes.splice(at + 1);
      processEmphasis(inner, delimiters.splice(opener.delimitersBefore));
      nodes[at] = { t: 'link', href: target.href, c: inner, ...(opener.image ? { image: true } : {}) };
      markup?.push({
        kind: 'link',
        from: opener.image ? opener.at - 1 : opener.at,
        to: target.end,
        close: i,
        href: target.href,
        image: opener.image,
        reference: target.reference,
        text: () => plainOf(inner),
      });
      // A link may not contain another link: earlier openers become plain brackets.
      if (!opener.image) for (const b of brackets) if (!b.image) b.active = false;
      i = target.end;
      continue;
    }
    verbatim(i, i + 1);
    i++;
  }
  flush();
  processEmphasis(nodes, delimiters);
  return nodes;
}

/** What follows a `]` at `close`: an inline resource, a full, collapsed or shortcut reference. */
function linkTarget(src: string, open: number, close: number, definitions: Definitions): { href: string; end: number; reference: boolean } | null {
  const resource = resourceAt(src, close + 1);
  if (resource) return { ...resource, reference: false };
  const text = src.slice(open + 1, close);
  const label = linkLabelAt(src, close + 1);
  if (label) {
    const href = definitions.get(normalizeLabel(label.label));
    return href === undefined ? null : { href, end: label.end, reference: true };
  }
  if (text.length > 999 || !text.trim()) return null;
  const href = definitions.get(normalizeLabel(text));
  if (href === undefined) return null;
  return { href, end: src.startsWith('[]', close + 1) ? close + 3 : close + 1, reference: true };
}

type Style = Omit<TextSpan, 'kind' | 'text' | 'source'> & { image?: boolean };

/**
 * The nodes as flat spans. Iterative, with a stack of its own: emphasis and images nest as
 * deep as a text's markers go (200,000 "*" a side is 100,000 levels), beyond the call stack.
 */
function flatten(nodes: readonly Node[], base: Style, text: InlineSource, out: Inline[]): void {
  const push = (style: Style, s: string, at: number, extra: Partial<Style> = {}) => {
    if (!s) return;
    const { image: _image, ...styled } = { ...style, ...extra };
    const span: TextSpan = { kind: 'text', text: s, ...styled, source: [] };
    if (at >= 0) span.source.push({ at: 0, from: sourceOf(text, at), length: s.length });
    const previous = out.at(-1);
    if (
      previous?.kind === 'text' &&
      previous.bold === span.bold &&
      previous.italic === span.italic &&
      previous.strike === span.strike &&
      previous.code === span.code &&
      previous.link === span.link
    ) {
      for (const run of span.source) previous.source.push({ ...run, at: run.at + previous.text.length });
      previous.text += span.text;
    } else out.push(span);
  };
  const stack: { node: Node; style: Style }[] = [];
  const pushAll = (children: readonly Node[], style: Style) => {
    for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k]!, style });
  };
  pushAll(nodes, base);
  while (stack.length) {
    const { node, style } = stack.pop()!;
    switch (node.t) {
      case 'text':
        push(style, node.s, node.at);
        break;
      case 'code': {
        // A line ending inside code reads as a space: the pieces between stay verbatim.
        let at = node.at;
        node.s.split(' ').forEach((piece, k) => {
          if (k > 0) push(style, ' ', text.text[at] === ' ' ? at : -1, { code: true });
          if (k > 0) at++;
          push(style, piece, at, { code: true });
          at += piece.length;
        });
        break;
      }
      case 'soft':
        push(style, ' ', -1);
        break;
      case 'break':
        out.push({ kind: 'break' });
        break;
      case 'em':
        pushAll(node.c, { ...style, italic: true });
        break;
      case 'strong':
        pushAll(node.c, { ...style, bold: true });
        break;
      case 'del':
        pushAll(node.c, { ...style, strike: true });
        break;
      case 'link':
        // An image's alt text is plain text: links inside it are not links.
        if (style.image) pushAll(node.c, style);
        else pushAll(node.c, { ...style, link: node.image && style.link ? style.link : node.href, image: !!node.image });
        break;
    }
  }
}

const PLAIN: Style = { bold: false, italic: false, strike: false, code: false, link: null };

/** The markup of one paragraph, heading or cell (see Markup), in the order it closes. Positions are in `text.text`. */
export function inlineMarkup(text: InlineSource, definitions: Definitions): Markup[] {
  const markup: Markup[] = [];
  parseNodes(trimEndSpaces(text.text), definitions, markup);
  return markup;
}

/** The inline content of one paragraph, heading or cell, as styled spans and line breaks. */
export function readInlines(text: InlineSource, definitions: Definitions): Inline[] {
  const src = trimEndSpaces(text.text);
  const out: Inline[] = [];
  flatten(parseNodes(src, definitions), PLAIN, text, out);
  while (out.at(-1)?.kind === 'break') out.pop();
  return out;
}

export type { SourceRun };
