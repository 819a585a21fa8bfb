import { readMarkdown, type Block, type Inline } from '../../markdown/read';

/**
 * Optional typography for summaries, as a careful editor would do by hand: straight
 * quotes become curly, "..." an ellipsis, "--" an en dash and "---" an em dash (between
 * spaces, digits or letters: see dashContext).
 *
 * It works on the one reading of the Markdown (markdown/read.ts): only characters a reader
 * sees as prose and that stand verbatim in the source are changed. Code (inline, fenced,
 * indented, in list items), link targets, bare links and addresses, raw HTML, escaped
 * characters (`\"`) and character references are never touched. Whether a quote opens or
 * closes is decided on the text a reader sees, so `**"x"**` and `_'x'_` get the right marks
 * although the markers stand between the quote and its word.
 */
export function smartenTypography(markdown: string): string {
  const edits: Edit[] = [];
  for (const block of readMarkdown(markdown)) collect(block, edits);
  if (edits.length === 0) return markdown;
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let last = 0;
  for (const edit of edits) {
    out += markdown.slice(last, edit.from) + edit.text;
    last = edit.from + edit.length;
  }
  return out + markdown.slice(last);
}

interface Edit {
  from: number;
  length: number;
  text: string;
}

function collect(block: Block, edits: Edit[]): void {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      smartenInlines(block.inlines, edits);
      break;
    case 'quote':
      for (const inner of block.blocks) collect(inner, edits);
      break;
    case 'list':
      for (const item of block.items) for (const inner of item) collect(inner, edits);
      break;
    case 'table':
      for (const row of block.rows) for (const cell of row) smartenInlines(cell, edits);
      break;
    // Code is shown as written; raw HTML is left as the reviewer wrote it.
    case 'code':
    case 'html':
    case 'rule':
      break;
  }
}

/** One character a reader sees, and where it stands in the source when it stands there as written. */
interface Seen {
  ch: string;
  /** Source index, or -1: not verbatim, or in code or a link's own address (never changed). */
  from: number;
}

/** A span whose text is its own link target (an autolink, a bare URL or address): its text is the address. */
const isAddress = (span: Extract<Inline, { kind: 'text' }>) => span.link !== null && span.link.endsWith(span.text);

function seenText(inlines: readonly Inline[]): Seen[] {
  const seen: Seen[] = [];
  const afterAddress: number[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      seen.push({ ch: '\n', from: -1 });
      continue;
    }
    const from: number[] = new Array<number>(inline.text.length).fill(-1);
    if (!inline.code && !isAddress(inline)) {
      for (const run of inline.source) for (let k = 0; k < run.length; k++) from[run.at + k] = run.from + k;
    }
    for (let k = 0; k < inline.text.length; k++) seen.push({ ch: inline.text[k]!, from: from[k]! });
    // The punctuation right after a bare link decides where the link ends ("www.x.org'." stops
    // before the quote, "www.x.org’." would not): it stays as written.
    if (isAddress(inline)) afterAddress.push(seen.length);
  }
  for (const start of afterAddress) {
    for (let k = start; k < seen.length && !/[ \t\n]/.test(seen[k]!.ch); k++) seen[k] = { ...seen[k]!, from: -1 };
  }
  return seen;
}

const OPENS_AFTER = /[\s([{\u2014\u2013-]/u;

/**
 * A dash run becomes a dash between spaces or digits ("a -- b", "2019--2020") or between
 * letters ("word--word"); elsewhere it stays: `--profile` is a command-line option written
 * without backticks, and "Globex--" may end a domain or address.
 */
function dashContext(seen: readonly Seen[], at: number, length: number): boolean {
  const before = at > 0 ? seen[at - 1]!.ch : '';
  const after = seen[at + length]?.ch ?? '';
  const spaceOrDigit = (ch: string) => ch === '' || /[\s\p{N}]/u.test(ch);
  const letter = (ch: string) => /\p{L}/u.test(ch);
  return (spaceOrDigit(before) && spaceOrDigit(after)) || (letter(before) && letter(after));
}

function smartenInlines(inlines: readonly Inline[], edits: Edit[]): void {
  const seen = seenText(inlines);
  const verbatim = (from: number, count: number, ch: string) => {
    for (let k = 0; k < count; k++) {
      const s = seen[from + k];
      // A run must stand in the source as one piece (no marker or reference inside it).
      if (!s || s.ch !== ch || s.from < 0 || (k > 0 && s.from !== seen[from]!.from + k)) return false;
    }
    return true;
  };
  for (let i = 0; i < seen.length; i++) {
    const { ch, from } = seen[i]!;
    if (from < 0) continue;
    if (ch === '.' && verbatim(i, 3, '.')) {
      edits.push({ from, length: 3, text: '\u2026' });
      i += 2;
      continue;
    }
    if (ch === '-' && verbatim(i, 2, '-')) {
      const length = verbatim(i, 3, '-') ? 3 : 2;
      if (seen[i + length]?.ch !== '-' && dashContext(seen, i, length)) {
        edits.push({ from, length, text: length === 3 ? '\u2014' : '\u2013' });
      }
      i += length - 1;
      continue;
    }
    if (ch !== '"' && ch !== "'") continue;
    const before = i > 0 ? seen[i - 1]!.ch : '';
    const after = i + 1 < seen.length ? seen[i + 1]!.ch : '';
    // Opening after nothing, a space, a bracket or a dash, and only before something to open;
    // everything else closes (an apostrophe is a closing single quote).
    const opening = (before === '' || OPENS_AFTER.test(before)) && after !== '' && !/\s/u.test(after);
    const text = ch === '"' ? (opening ? '\u201c' : '\u201d') : opening ? '\u2018' : '\u2019';
    edits.push({ from, length: 1, text });
  }
}
