import { htmlReferenceAt } from '../../markdown/entities';

/**
 * Text folded for matching, with a map back to the original: Unicode-normalized
 * (NFKC), diacritics removed, lower-case, Markdown emphasis/code markers, backslash
 * escapes, HTML tag names and zero-width characters dropped (so `G**lobex**`,
 * `G\_lobex`, `Glo<b>bex</b>` and "Glöbex" all read "globex"), character references
 * decoded, and every run of whitespace (line breaks included) one space.
 */
export interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`, the index in the original it came from. */
  map: number[];
}

const DROPPED = new Set(['*', '_', '`', '~', '\\']);
const FORMAT = /\p{Cf}/u;
const SPACE = /\s/u;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Plain ASCII needs no normalization: only lower-casing (most of any text).
  if (ch.length === 1 && code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  return ch.normalize('NFKC').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function fold(original: string): Folded {
  // Pieces joined once at the end: asking a growing string for its last character
  // flattens it every time, which made this quadratic on a long section.
  const parts: string[] = [];
  const map: number[] = [];
  let endsWithSpace = false;
  const emit = (chars: string, at: number) => {
    if (chars === '') return;
    for (let k = 0; k < chars.length; k++) map.push(at);
    parts.push(chars);
    endsWithSpace = chars.endsWith(' ');
  };
  let i = 0;
  while (i < original.length) {
    const ch0 = original.charCodeAt(i);
    // A tag name then attributes; an autolink (<https://…>, <a@b.org>) is not a tag and is kept.
    // (The patterns only run at "<" and "&": this loop sees every character of the section.)
    const tag = ch0 === 60 ? /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]{0,200})?\/?>/.exec(original.slice(i, i + 240)) : null;
    if (tag) {
      // A bare tag vanishes (so Glo<b>bex reads globex); attributes stay readable, since an
      // href or title in raw HTML is published too.
      const attributes = /\s([^<>]*?)\/?>$/.exec(tag[0])?.[1];
      if (attributes) {
        if (!endsWithSpace) emit(' ', i);
        const start = i + tag[0].indexOf(attributes);
        const inner = fold(attributes);
        if (inner.text) {
          parts.push(inner.text);
          for (const at of inner.map) map.push(start + at);
          endsWithSpace = inner.text.endsWith(' ');
        }
        if (!endsWithSpace) emit(' ', i + tag[0].length - 1);
      }
      i += tag[0].length;
      continue;
    }
    // Every character reference a reader would see decoded (all of HTML5's names, numeric ones,
    // and the legacy names a browser reads without ";" in raw HTML): the one decoder of markdown/.
    const reference = ch0 === 38 ? htmlReferenceAt(original, i) : null;
    if (reference) {
      // Decoded like the character itself: a space joins the run of spaces, a soft hyphen or
      // zero-width character (`&shy;`, `&#x200B;`) is dropped.
      const value = reference.value.replace(/\p{Cf}/gu, '');
      if (/^\s+$/u.test(value)) {
        if (!endsWithSpace) emit(' ', i);
      } else emit(foldChar(value), i);
      i += reference.length;
      continue;
    }
    const codePoint = original.codePointAt(i)!;
    const ch = String.fromCodePoint(codePoint);
    i += ch.length;
    const at = i - ch.length;
    if (DROPPED.has(ch) || (codePoint > 127 && FORMAT.test(ch))) continue;
    if (codePoint === 32 || codePoint === 10 || codePoint === 9 || codePoint === 13 || (codePoint > 127 && SPACE.test(ch))) {
      if (!endsWithSpace) emit(' ', at);
      continue;
    }
    emit(foldChar(ch), at);
  }
  return { text: parts.join(''), map };
}

/** A secret folded the same way, trimmed. */
export function foldTerm(term: string): string {
  return fold(term).text.trim();
}

const WORD = /[\p{L}\p{N}]/u;

/** Start indexes (in folded text) where `needle` occurs as whole words. */
export function findWholeWords(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return found;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    const startsWord = WORD.test(needle[0]!);
    const endsWord = WORD.test(needle[needle.length - 1]!);
    if ((!startsWord || before === undefined || !WORD.test(before)) && (!endsWord || after === undefined || !WORD.test(after))) {
      found.push(at);
    }
    from = at + 1;
  }
}

/** Where each whole word of a folded text starts: one pass, then every secret is a lookup. */
export type WordIndex = Map<string, number[]>;

export function indexWords(haystack: string): WordIndex {
  const index: WordIndex = new Map();
  for (const match of haystack.matchAll(/[\p{L}\p{N}]+/gu)) {
    const positions = index.get(match[0]);
    if (positions) positions.push(match.index);
    else index.set(match[0], [match.index]);
  }
  return index;
}

/**
 * findWholeWords through the index: a needle that starts with a word can only match where
 * that word stands whole, so only those places are checked (a section with a thousand
 * secrets would otherwise be searched a thousand times).
 */
export function findWholeWordsIndexed(haystack: string, index: WordIndex, needle: string): number[] {
  const first = /^[\p{L}\p{N}]+/u.exec(needle)?.[0];
  if (!first) return findWholeWords(haystack, needle);
  const endsWord = WORD.test(needle[needle.length - 1]!);
  return (index.get(first) ?? []).filter((at) => {
    if (!haystack.startsWith(needle, at)) return false;
    const after = haystack[at + needle.length];
    return !endsWord || after === undefined || !WORD.test(after);
  });
}
