import transliterate from '@sindresorhus/transliterate';
import unhomoglyph from 'unhomoglyph';
import { htmlReferenceAt } from '../../markdown/entities';
import { PositionMap } from '../../markdown/positions';

/**
 * Text folded the way a reader's eye folds it, with a map back to the original, so the
 * guard matches a secret however it is written and still points at the spot:
 *
 * - letters: compatibility forms (NFKC: "Ｇｌｏｂｅｘ"), diacritics dropped ("Glöbéx"),
 *   look-alikes from other scripts read as the Latin letter they imitate (Cyrillic "о" in
 *   "Glоbex", Unicode's confusables, through `unhomoglyph`), Latin letters Unicode does not
 *   decompose spelled out ("ß" → "ss", "ø" → "o", "æ" → "ae", "ı" → "i", through
 *   `@sindresorhus/transliterate`), case folded;
 * - apostrophes (’ ‘ ʼ ′) read as "'", every dash as "-", zero-width and other format
 *   characters (soft hyphens too) dropped, every run of whitespace one space;
 * - in "source" mode (Markdown as written), emphasis and code markers and backslashes are
 *   dropped, HTML tags vanish (their attributes stay readable: an href is published too) and
 *   character references are decoded (through markdown/'s one decoder); in "plain" mode
 *   (what a reader sees: the rendered text, Word's paragraphs) the text is taken as it is.
 *
 * Where a word may start or end is kept alongside (`boundary`): between a letter or digit
 * and anything else, between letters and digits ("globex2"), at a change from lower to
 * upper case ("GlobexCloud"), and where markup was dropped. A secret matches only from one
 * boundary to another.
 */
export type FoldMode = 'source' | 'plain';

export interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`, the index in the original it came from. */
  map: Int32Array;
  /** For each position 0…text.length: 1 when a word may start or end there. */
  boundary: Uint8Array;
}

const DROPPED = new Set(['*', '_', '`', '~', '\\']);
const FORMAT = /\p{Cf}/u;
const SPACE = /\s/u;
const WORD = /[\p{L}\p{N}]/u;
const APOSTROPHES = /['\u2018\u2019\u201b\u02bc\u02b9\u2032\u0060\u00b4\uff07]/u;
const DASHES = /[\p{Pd}\u2212]/u;
const ASCII = /^[\x20-\x7e]*$/;

const folds = new Map<string, string>();

/** One character as the eye reads it (a memo keeps long texts linear: the same letters recur). */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Plain ASCII needs only lower-casing (most of any text).
  if (ch.length === 1 && code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  let folded = folds.get(ch);
  if (folded === undefined) {
    folded = foldWide(ch);
    folds.set(ch, folded);
  }
  return folded;
}

function foldWide(ch: string): string {
  if (APOSTROPHES.test(ch)) return "'";
  if (DASHES.test(ch)) return '-';
  const compatible = ch.normalize('NFKC');
  const bare = compatible.normalize('NFKD').replace(/\p{M}+/gu, '');
  if (ASCII.test(bare)) return bare.toLowerCase();
  // Latin letters without a decomposition ("ß", "ø", "ł") are spelled out; another script's
  // letter is read as the Latin one it looks like, if it looks like one.
  if (/\p{Script=Latin}/u.test(bare)) {
    const spelled = transliterate(bare);
    if (ASCII.test(spelled)) return spelled.toLowerCase();
  }
  const lookalike = unhomoglyph(bare).normalize('NFKD').replace(/\p{M}+/gu, '');
  if (ASCII.test(lookalike)) return lookalike.toLowerCase();
  return bare.toLowerCase();
}

/** Printable ASCII and single spaces, and in source mode but markup ("<", "&", markers, "\\"). */
const PLAIN_RUN = /(?:[!-~]| (?! ))+/y;
const SOURCE_PLAIN_RUN = /(?:[!-%'-)+-;=-[\]^a-}]| (?! ))+/y;

/** A tag name then attributes; an autolink (<https://…>, <a@b.org>) is not a tag and is kept. */
const TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]{0,200})?\/?>/;

export function fold(original: string, mode: FoldMode = 'source'): Folded {
  // Pieces joined once at the end: asking a growing string for its last character
  // flattens it every time, which made this quadratic on a long section.
  const parts: string[] = [];
  const map = new PositionMap(original.length);
  /** Positions (in the folded text) where markup was dropped: words may meet there. */
  const joins: number[] = [];
  let length = 0;
  let endsWithSpace = false;
  const emit = (chars: string, at: number) => {
    if (chars === '') return;
    map.repeat(at, chars.length);
    parts.push(chars);
    length += chars.length;
    endsWithSpace = chars.endsWith(' ');
  };
  const space = (at: number) => {
    if (!endsWithSpace) emit(' ', at);
  };
  const source = mode === 'source';
  // Most of any text is plain ASCII with nothing to read through: copied a run at a time.
  const plainRun = source ? SOURCE_PLAIN_RUN : PLAIN_RUN;
  let i = 0;
  while (i < original.length) {
    plainRun.lastIndex = i;
    const run = plainRun.exec(original);
    if (run) {
      // A run may take single spaces along; one right after a space is not repeated.
      const skip: number = endsWithSpace && run[0].startsWith(' ') ? 1 : 0;
      const chars: string = run[0].slice(skip).toLowerCase();
      map.copy(i + skip, chars.length);
      parts.push(chars);
      length += chars.length;
      endsWithSpace = chars.endsWith(' ') || (skip === 1 && chars === '');
      i += run[0].length;
      continue;
    }
    const ch0 = original.charCodeAt(i);
    // (The patterns only run at "<" and "&": this loop sees every character of the section.)
    const tag = source && ch0 === 60 ? TAG.exec(original.slice(i, i + 240)) : null;
    if (tag) {
      // A bare tag vanishes (so Glo<b>bex reads globex); attributes stay readable, since an
      // href or title in raw HTML is published too.
      joins.push(length);
      const attributes = /\s([^<>]*?)\/?>$/.exec(tag[0])?.[1];
      if (attributes) {
        space(i);
        const start = i + tag[0].indexOf(attributes);
        const inner = fold(attributes, 'source');
        for (let k = 0; k < inner.text.length; k++) map.repeat(start + inner.map[k]!, 1);
        if (inner.text) {
          parts.push(inner.text);
          length += inner.text.length;
          endsWithSpace = inner.text.endsWith(' ');
        }
        space(i + tag[0].length - 1);
      }
      i += tag[0].length;
      continue;
    }
    // Every character reference a reader would see decoded: the one decoder of markdown/.
    const reference = source && ch0 === 38 ? htmlReferenceAt(original, i) : null;
    if (reference) {
      // Decoded like the character itself: a space joins the run of spaces, a soft hyphen or
      // zero-width character (`&shy;`, `&#x200B;`) is dropped.
      const value = reference.value.replace(/\p{Cf}/gu, '');
      if (/^\s+$/u.test(value)) space(i);
      else for (const ch of value) emit(foldChar(ch), i);
      i += reference.length;
      continue;
    }
    const codePoint = original.codePointAt(i)!;
    const ch = String.fromCodePoint(codePoint);
    const at = i;
    i += ch.length;
    if (source && DROPPED.has(ch)) {
      joins.push(length);
      continue;
    }
    if (codePoint > 127 && FORMAT.test(ch)) continue;
    if (codePoint === 32 || codePoint === 10 || codePoint === 9 || codePoint === 13 || (codePoint > 127 && SPACE.test(ch))) {
      space(at);
      continue;
    }
    emit(foldChar(ch), at);
  }
  const text = parts.join('');
  const positions = map.done();
  return { text, map: positions, boundary: boundaries(text, positions, original, joins) };
}

const LETTER = 1;
const DIGIT = 2;
const OTHER = 0;

/** Letter, digit or other: ASCII by its code (most of any text), the rest by Unicode's classes. */
function kindAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? LETTER : code >= 48 && code <= 57 ? DIGIT : OTHER;
  const ch = text[i]!;
  return /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? DIGIT : OTHER;
}

/** Whether `ch` changes from lower to upper case (ASCII by its code). */
function caseOf(ch: string | undefined): 'lower' | 'upper' | null {
  if (ch === undefined) return null;
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122 ? 'lower' : code >= 65 && code <= 90 ? 'upper' : null;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return lower === upper ? null : ch === lower ? 'lower' : ch === upper ? 'upper' : null;
}

function boundaries(text: string, map: Int32Array, original: string, joins: readonly number[]): Uint8Array {
  const boundary = new Uint8Array(text.length + 1);
  boundary[0] = 1;
  boundary[text.length] = 1;
  for (const at of joins) boundary[at] = 1;
  let before = text.length > 0 ? kindAt(text, 0) : OTHER;
  for (let i = 1; i < text.length; i++) {
    const after = kindAt(text, i);
    if (before === OTHER || after === OTHER || before !== after) {
      boundary[i] = 1;
    } else if (after === LETTER) {
      // A change from lower to upper case in what was written ("GlobexCloud"); not inside one
      // character that folded to several ("ß" → "ss").
      const from = map[i - 1]!;
      const to = map[i]!;
      if (from !== to && caseOf(original[from]) === 'lower' && caseOf(original[to]) === 'upper') boundary[i] = 1;
    }
    before = after;
  }
  return boundary;
}

/** A secret folded the same way, trimmed. */
export function foldTerm(term: string): string {
  return fold(term, 'plain').text.trim();
}

/** Where words start in a folded text, by their first two and three characters: every secret is then a lookup. */
export interface WordIndex {
  two: Map<string, number[]>;
  three: Map<string, number[]>;
}

export function indexWords(folded: Folded): WordIndex {
  const two = new Map<string, number[]>();
  const three = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, key: string, at: number) => {
    const positions = index.get(key);
    if (positions) positions.push(at);
    else index.set(key, [at]);
  };
  const { text, boundary } = folded;
  for (let i = 0; i < text.length; i++) {
    if (!boundary[i] || !WORD.test(text[i]!)) continue;
    add(two, text.slice(i, i + 2), i);
    if (i + 3 <= text.length) add(three, text.slice(i, i + 3), i);
  }
  return { two, three };
}

/** Start indexes (in folded text) where `needle` stands from one word boundary to another. */
export function findSecret(folded: Folded, index: WordIndex, needle: string): number[] {
  if (!needle) return [];
  const { text, boundary } = folded;
  const ends = (at: number) => text.startsWith(needle, at) && boundary[at + needle.length] === 1;
  if (WORD.test(needle[0]!) && needle.length >= 2) {
    const candidates = needle.length >= 3 ? index.three.get(needle.slice(0, 3)) : index.two.get(needle);
    return (candidates ?? []).filter(ends);
  }
  // A secret that starts with something other than a letter or digit: searched plainly.
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (boundary[at] === 1 && ends(at)) found.push(at);
  }
  return found;
}
