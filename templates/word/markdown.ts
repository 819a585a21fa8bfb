/**
 * A small Markdown reader for summaries and notes, enough to print them in Word the way
 * GitHub shows them: CommonMark blocks (paragraphs, ATX and setext headings, bullet and
 * numbered lists with nesting, block quotes, fenced and indented code, thematic breaks)
 * and inlines (emphasis and strong emphasis with the delimiter rules, ~~strikethrough~~,
 * `code`, [links](url "title"), ![images](src) as their alt text linked, <autolinks>,
 * GFM bare links and e-mail addresses, hard breaks, backslash escapes, character
 * references; raw HTML tags are dropped, their text kept, <br> breaks the line).
 * Not read: tables, reference-style links, HTML blocks as such (their text is kept).
 * Pure: text in, a tree out.
 */

export interface TextSpan {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
  strike: boolean;
  code: boolean;
  /** The link target (http(s), mailto…) exactly as written, or null. */
  link: string | null;
}

export type Inline = TextSpan | { kind: 'break' };

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; level: number; inlines: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][] }
  | { kind: 'rule' };

// ---------------------------------------------------------------- blocks

const isBlank = (line: string) => /^[ \t]*$/.test(line);
const leadingSpaces = (line: string) => /^ */.exec(line)![0].length;

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const QUOTE = /^ {0,3}> ?/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

interface ListMarker {
  ordered: boolean;
  /** The bullet character, or the delimiter after the number. */
  sign: string;
  start: number;
  /** Where the item's content starts (its indentation for the lines that follow). */
  contentAt: number;
  empty: boolean;
}

function listMarker(line: string): ListMarker | null {
  const m = /^( {0,3})(?:([-+*])|(\d{1,9})([.)]))(?=[ \t]|$)/.exec(line);
  if (!m) return null;
  const after = line.slice(m[0].length);
  const spaces = leadingSpaces(after);
  const empty = isBlank(after);
  const contentAt = empty || spaces >= 5 ? m[0].length + 1 : m[0].length + spaces;
  return { ordered: !m[2], sign: m[2] ?? m[4]!, start: m[3] ? Number(m[3]) : 1, contentAt, empty };
}

function openingFence(line: string): { indent: number; marker: string } | null {
  const m = FENCE.exec(line);
  if (!m || (m[2]![0] === '`' && m[3]!.includes('`'))) return null;
  return { indent: m[1]!.length, marker: m[2]! };
}

/** A line that ends a paragraph without a blank line before it. */
function interruptsParagraph(line: string): boolean {
  if (openingFence(line) || ATX.test(line) || RULE.test(line) || QUOTE.test(line)) return true;
  const item = listMarker(line);
  return !!item && !item.empty && (!item.ordered || item.start === 1);
}

function stripIndent(line: string, indent: number): string {
  return line.slice(Math.min(indent, leadingSpaces(line)));
}

function headingText(raw: string | undefined): string {
  // A closing run of #s is not part of the heading ("## Title ##").
  return (raw ?? '').replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
}

function parseList(lines: readonly string[], from: number): { block: Block; next: number } {
  const first = listMarker(lines[from]!)!;
  const items: string[][] = [];
  let tight = true;
  let i = from;
  while (i < lines.length) {
    const line = lines[i]!;
    const marker = RULE.test(line) ? null : listMarker(line);
    if (!marker || marker.ordered !== first.ordered || marker.sign !== first.sign) break;
    const body = [marker.empty ? '' : line.slice(marker.contentAt)];
    i++;
    while (i < lines.length) {
      const next = lines[i]!;
      if (isBlank(next)) {
        body.push('');
        i++;
        continue;
      }
      if (leadingSpaces(next) >= marker.contentAt) {
        body.push(next.slice(marker.contentAt));
        i++;
        continue;
      }
      const previous = body.at(-1)!;
      // Lazy continuation: an unindented line that goes on with the item's paragraph.
      if (previous !== '' && !interruptsParagraph(next) && !listMarker(next) && !openingFence(previous)) {
        body.push(next.trimStart());
        i++;
        continue;
      }
      break;
    }
    let trailing = 0;
    while (body.length > 1 && body.at(-1) === '') {
      body.pop();
      trailing++;
    }
    if (body.slice(1).some((l, k) => l === '' && body[k] !== '' && body[k + 2] !== undefined)) tight = false;
    items.push(body);
    const following = i < lines.length && !RULE.test(lines[i]!) ? listMarker(lines[i]!) : null;
    const continues = !!following && following.ordered === first.ordered && following.sign === first.sign;
    if (trailing > 0 && continues) tight = false;
    if (!continues) break;
  }
  return { block: { kind: 'list', ordered: first.ordered, start: first.start, tight, items: items.map(parseBlocks) }, next: i };
}

function parseBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = openingFence(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[i]!);
        if (close && close[1]![0] === fence.marker[0] && close[1]!.length >= fence.marker.length) {
          i++;
          break;
        }
        body.push(stripIndent(lines[i]!, fence.indent));
        i++;
      }
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    if (leadingSpaces(line) >= 4) {
      const body: string[] = [];
      while (i < lines.length && (leadingSpaces(lines[i]!) >= 4 || isBlank(lines[i]!))) {
        body.push(isBlank(lines[i]!) ? '' : lines[i]!.slice(4));
        i++;
      }
      while (body.at(-1) === '') body.pop();
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      blocks.push({ kind: 'heading', level: atx[1]!.length, inlines: parseInline(headingText(atx[2])) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length) {
        const next = lines[i]!;
        if (QUOTE.test(next)) inner.push(next.replace(QUOTE, ''));
        else if (!isBlank(next) && inner.length > 0 && !isBlank(inner.at(-1)!) && !interruptsParagraph(next)) inner.push(next);
        else break;
        i++;
      }
      blocks.push({ kind: 'quote', blocks: parseBlocks(inner) });
      continue;
    }
    if (listMarker(line)) {
      const { block, next } = parseList(lines, i);
      blocks.push(block);
      i = next;
      continue;
    }
    const paragraph = [line];
    let level = 0;
    i++;
    while (i < lines.length) {
      const next = lines[i]!;
      if (isBlank(next)) break;
      const setext = SETEXT.exec(next);
      if (setext) {
        level = setext[1]![0] === '=' ? 1 : 2;
        i++;
        break;
      }
      if (interruptsParagraph(next)) break;
      paragraph.push(next);
      i++;
    }
    const text = paragraph
      .map((l) => l.replace(/^[ \t]+/, ''))
      .join('\n')
      .replace(/[ \t]+$/, '');
    const inlines = parseInline(text);
    blocks.push(level ? { kind: 'heading', level, inlines } : { kind: 'paragraph', inlines });
  }
  return blocks;
}

/** The blocks of a Markdown text. */
export function parseMarkdown(source: string): Block[] {
  const lines = source
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((l) => l.replace(/\t/g, '    '));
  return parseBlocks(lines);
}

// ---------------------------------------------------------------- inlines

type Node =
  | { t: 'text'; s: string }
  | { t: 'code'; s: string }
  | { t: 'break' }
  | { t: 'soft' }
  | { t: 'em' | 'strong' | 'del'; c: Node[] }
  | { t: 'link'; href: string; c: Node[] };

type TextNode = Extract<Node, { t: 'text' }>;

interface Delimiter {
  node: TextNode;
  char: '*' | '_' | '~';
  count: number;
  original: number;
  canOpen: boolean;
  canClose: boolean;
}

interface Bracket {
  node: TextNode;
  image: boolean;
  active: boolean;
  /** Delimiters before the bracket (those after it belong to the link text). */
  delimitersBefore: number;
}

const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
/** Marks a backslash-escaped character while parsing (a noncharacter: never in real text). */
const ESCAPED = '\uFDD0';
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  deg: '°',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  times: '×',
  divide: '÷',
  sect: '§',
  para: '¶',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
};

function entityAt(src: string, at: number): { text: string; length: number } | null {
  const m = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(src.slice(at, at + 40));
  if (!m) return null;
  if (m[3]) {
    const named = NAMED[m[3]];
    return named === undefined ? null : { text: named, length: m[0].length };
  }
  const code = m[1] ? Number.parseInt(m[1], 16) : Number(m[2]);
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return { text: valid ? String.fromCodePoint(code) : '\ufffd', length: m[0].length };
}

/** Backslash escapes and character references resolved (link targets and titles). */
function unescapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1]!)) {
      out += text[++i];
    } else if (ch === '&') {
      const entity = entityAt(text, i);
      if (entity) {
        out += entity.text;
        i += entity.length - 1;
      } else out += ch;
    } else out += ch;
  }
  return out;
}

/** `(dest "title")` right after a link's `]`: where it ends and the target, or null. */
function linkTail(src: string, at: number): { end: number; href: string } | null {
  if (src[at] !== '(') return null;
  let i = at + 1;
  const skipSpace = () => {
    while (i < src.length && /[ \t\n]/.test(src[i]!)) i++;
  };
  skipSpace();
  let href: string;
  if (src[i] === '<') {
    const close = /^<((?:[^<>\n\\]|\\.)*)>/.exec(src.slice(i));
    if (!close) return null;
    href = close[1]!;
    i += close[0].length;
  } else {
    let depth = 0;
    const start = i;
    while (i < src.length) {
      const ch = src[i]!;
      if (ch === '\\' && i + 1 < src.length && ESCAPABLE.test(src[i + 1]!)) {
        i += 2;
        continue;
      }
      if (/\s/.test(ch) || ch.charCodeAt(0) < 0x20) break; // no spaces or control characters in a bare target
      if (ch === '(') depth++;
      if (ch === ')') {
        if (depth === 0) break;
        depth--;
      }
      i++;
    }
    if (depth !== 0) return null;
    href = src.slice(start, i);
  }
  const beforeTitle = i;
  skipSpace();
  if (i > beforeTitle && /["'(]/.test(src[i] ?? '')) {
    const open = src[i]!;
    const closing = open === '(' ? ')' : open;
    i++;
    while (i < src.length && src[i] !== closing) i += src[i] === '\\' ? 2 : 1;
    if (i >= src.length) return null;
    i++;
    skipSpace();
  }
  if (src[i] !== ')') return null;
  return { end: i + 1, href: unescapeText(href) };
}

const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/;
const EMAIL_AUTOLINK = /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;
const HTML_TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/;
const HTML_COMMENT = /^<!--[\s\S]*?-->/;

function flanking(src: string, start: number, end: number) {
  const before = start > 0 ? src[start - 1]! : ' ';
  const after = end < src.length ? src[end]! : ' ';
  const beforeSpace = WHITESPACE.test(before);
  const afterSpace = WHITESPACE.test(after);
  const beforePunct = PUNCTUATION.test(before);
  const afterPunct = PUNCTUATION.test(after);
  const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
  const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
  return { left, right, beforePunct, afterPunct };
}

/** Matches emphasis delimiters among `nodes` (CommonMark's "process emphasis"), in place. */
function processEmphasis(nodes: Node[], delimiters: Delimiter[]): void {
  let c = 0;
  while (c < delimiters.length) {
    const closer = delimiters[c]!;
    if (!closer.canClose || closer.count === 0) {
      c++;
      continue;
    }
    let o = c - 1;
    for (; o >= 0; o--) {
      const opener = delimiters[o]!;
      if (opener.char !== closer.char || !opener.canOpen || opener.count === 0) continue;
      if (closer.char === '~') {
        if (opener.count === closer.count) break;
        continue;
      }
      const oddMatch =
        (opener.canClose || closer.canOpen) && (opener.original + closer.original) % 3 === 0 && !(opener.original % 3 === 0 && closer.original % 3 === 0);
      if (!oddMatch) break;
    }
    if (o < 0) {
      c++;
      continue;
    }
    const opener = delimiters[o]!;
    const use = closer.char === '~' ? closer.count : opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    opener.count -= use;
    closer.count -= use;
    opener.node.s = opener.node.s.slice(0, opener.count);
    closer.node.s = closer.node.s.slice(0, closer.count);
    const from = nodes.indexOf(opener.node);
    const to = nodes.indexOf(closer.node);
    const inner = nodes.splice(from + 1, to - from - 1);
    nodes.splice(from + 1, 0, { t: closer.char === '~' ? 'del' : use === 2 ? 'strong' : 'em', c: inner });
    delimiters.splice(o + 1, c - o - 1);
    c = o + 1;
    if (opener.count === 0) {
      nodes.splice(nodes.indexOf(opener.node), 1);
      delimiters.splice(o, 1);
      c--;
    }
    if (closer.count === 0) {
      nodes.splice(nodes.indexOf(closer.node), 1);
      delimiters.splice(c, 1);
    }
  }
}

/** Characters the inline scanner must look at; everything else is plain text. */
const SPECIAL = /[\\\n&`<*_~[\]!]/g;

function parseNodes(src: string): Node[] {
  const nodes: Node[] = [];
  const delimiters: Delimiter[] = [];
  const brackets: Bracket[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ t: 'text', s: text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    // Ordinary characters are copied in one piece up to the next one that may mean something.
    SPECIAL.lastIndex = i;
    const special = SPECIAL.exec(src);
    const stop = special ? special.index : src.length;
    if (stop > i) {
      text += src.slice(i, stop);
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
        while (src[i] === ' ') i++;
        continue;
      }
      if (next !== undefined && ESCAPABLE.test(next)) {
        // Marked, so a bare link cannot run through it ("https\\://x" stays text, as on GitHub).
        text += ESCAPED + next;
        i += 2;
        continue;
      }
      text += ch;
      i++;
      continue;
    }
    if (ch === '\n') {
      const hard = text.endsWith('  ');
      let end = text.length;
      while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
      text = text.slice(0, end);
      flush();
      nodes.push({ t: hard ? 'break' : 'soft' });
      i++;
      while (src[i] === ' ') i++;
      continue;
    }
    if (ch === '&') {
      const entity = entityAt(src, i);
      if (entity) {
        text += entity.text;
        i += entity.length;
        continue;
      }
    }
    if (ch === '`') {
      const run = /^`+/.exec(src.slice(i))![0];
      let search = i + run.length;
      let close = -1;
      while (search < src.length) {
        const at = src.indexOf('`', search);
        if (at < 0) break;
        const other = /^`+/.exec(src.slice(at))![0];
        if (other.length === run.length) {
          close = at;
          break;
        }
        search = at + other.length;
      }
      if (close < 0) {
        text += run;
        i += run.length;
        continue;
      }
      let code = src.slice(i + run.length, close).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
      flush();
      nodes.push({ t: 'code', s: code });
      i = close + run.length;
      continue;
    }
    if (ch === '<') {
      const rest = src.slice(i, i + 2100);
      const auto = AUTOLINK.exec(rest);
      const email = auto ? null : EMAIL_AUTOLINK.exec(rest);
      if (auto || email) {
        const target = (auto ?? email)![1]!;
        flush();
        nodes.push({ t: 'link', href: auto ? target : `mailto:${target}`, c: [{ t: 'text', s: target }] });
        i += (auto ?? email)![0].length;
        continue;
      }
      const comment = HTML_COMMENT.exec(rest);
      if (comment) {
        i += comment[0].length;
        continue;
      }
      const tag = HTML_TAG.exec(rest);
      if (tag) {
        if (tag[2]!.toLowerCase() === 'br' && !tag[1]) {
          flush();
          nodes.push({ t: 'break' });
        }
        i += tag[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '_' || ch === '~') {
      const run = new RegExp(`^\\${ch}+`).exec(src.slice(i))![0];
      if (ch === '~' && run.length > 2) {
        text += run;
        i += run.length;
        continue;
      }
      const { left, right, beforePunct, afterPunct } = flanking(src, i, i + run.length);
      const canOpen = ch === '_' ? left && (!right || beforePunct) : left;
      const canClose = ch === '_' ? right && (!left || afterPunct) : right;
      flush();
      const node: TextNode = { t: 'text', s: run };
      nodes.push(node);
      if (canOpen || canClose) delimiters.push({ node, char: ch, count: run.length, original: run.length, canOpen, canClose });
      i += run.length;
      continue;
    }
    if (ch === '[' || (ch === '!' && src[i + 1] === '[')) {
      const image = ch === '!';
      flush();
      const node: TextNode = { t: 'text', s: image ? '![' : '[' };
      nodes.push(node);
      brackets.push({ node, image, active: true, delimitersBefore: delimiters.length });
      i += image ? 2 : 1;
      continue;
    }
    if (ch === ']') {
      flush();
      const opener = brackets.pop();
      const tail = opener?.active ? linkTail(src, i + 1) : null;
      if (!opener || !tail) {
        text += ']';
        i++;
        continue;
      }
      const at = nodes.indexOf(opener.node);
      const inner = nodes.splice(at + 1);
      processEmphasis(inner, delimiters.splice(opener.delimitersBefore));
      nodes[at] = { t: 'link', href: tail.href, c: inner };
      // A link may not contain another link: earlier openers become plain brackets.
      if (!opener.image) for (const b of brackets) if (!b.image) b.active = false;
      i = tail.end;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  processEmphasis(nodes, delimiters);
  return nodes;
}

// GFM "autolink literals": www.…, http(s)://… and e-mail addresses in plain text. They
// stop at a backslash-escaped character (marked ESCAPED while parsing).
const BARE_LINK = /(^|[\s*_~(\uFDD0])((?:https?:\/\/|www\.)[^\s<\uFDD0]*|[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)/g;

function trimLinkEnd(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last && /[?!.,:*_~'"]/.test(last)) {
      end--;
      continue;
    }
    if (last === ')') {
      const body = url.slice(0, end);
      const open = (body.match(/\(/g) ?? []).length;
      const close = (body.match(/\)/g) ?? []).length;
      if (close > open) {
        end--;
        continue;
      }
    }
    if (last === ';') {
      const entity = /&[A-Za-z0-9]+;$/.exec(url.slice(0, end));
      if (entity) {
        end -= entity[0].length;
        continue;
      }
    }
    return url.slice(0, end);
  }
}

function validDomain(url: string): boolean {
  const host = url.replace(/^https?:\/\//, '').split(/[/?#]/)[0]!;
  const parts = host.split('.');
  return parts.length >= 2 && parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p)) && !/_/.test(parts.slice(-2).join(''));
}

function bareLinks(span: TextSpan): TextSpan[] {
  if (span.link || span.code || !/:\/\/|www\.|@/.test(span.text)) return [span];
  const out: TextSpan[] = [];
  let last = 0;
  for (const m of span.text.matchAll(BARE_LINK)) {
    const start = m.index + m[1]!.length;
    let url = trimLinkEnd(m[2]!);
    const email = !/^(?:https?:\/\/|www\.)/.test(url);
    if (email) {
      url = url.replace(/[-_.]+$/, '');
      if (!/@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+$/.test(url) || /[-_]$/.test(url)) continue;
    } else if (!validDomain(url) || url === 'www.') continue;
    if (start < last) continue;
    if (start > last) out.push({ ...span, text: span.text.slice(last, start) });
    const href = email ? `mailto:${url}` : url.startsWith('www.') ? `http://${url}` : url;
    out.push({ ...span, text: url, link: href });
    last = start + url.length;
  }
  if (last === 0) return [span];
  if (last < span.text.length) out.push({ ...span, text: span.text.slice(last) });
  return out;
}

function flatten(nodes: readonly Node[], style: Omit<TextSpan, 'kind' | 'text'>, out: Inline[]): void {
  for (const node of nodes) {
    switch (node.t) {
      case 'text':
      case 'code': {
        const span: TextSpan = { kind: 'text', text: node.s, ...style, code: style.code || node.t === 'code' };
        if (!span.text) break;
        const previous = out.at(-1);
        if (
          previous?.kind === 'text' &&
          previous.bold === span.bold &&
          previous.italic === span.italic &&
          previous.strike === span.strike &&
          previous.code === span.code &&
          previous.link === span.link
        ) {
          previous.text += span.text;
        } else out.push(span);
        break;
      }
      case 'soft':
        flatten([{ t: 'text', s: ' ' }], style, out);
        break;
      case 'break':
        out.push({ kind: 'break' });
        break;
      case 'em':
        flatten(node.c, { ...style, italic: true }, out);
        break;
      case 'strong':
        flatten(node.c, { ...style, bold: true }, out);
        break;
      case 'del':
        flatten(node.c, { ...style, strike: true }, out);
        break;
      case 'link':
        flatten(node.c, { ...style, link: node.href }, out);
        break;
    }
  }
}

/** The inline content of one paragraph or heading, as styled spans and line breaks. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  flatten(parseNodes(text), { bold: false, italic: false, strike: false, code: false, link: null }, out);
  while (out.at(-1)?.kind === 'break') out.pop();
  return out
    .flatMap((inline): Inline[] => (inline.kind === 'text' ? bareLinks(inline) : [inline]))
    .map((inline) => (inline.kind === 'text' && inline.text.includes(ESCAPED) ? { ...inline, text: inline.text.replaceAll(ESCAPED, '') } : inline))
    .filter((inline) => inline.kind === 'break' || inline.text !== '');
}

/** What a reader sees of some inlines: the text, a line break as "\n". */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === 'break' ? '\n' : i.text)).join('');
}
