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
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function foldChar(ch: string): string {
  return ch.normalize('NFKC').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function fold(original: string): Folded {
  let text = '';
  const map: number[] = [];
  const emit = (chars: string, at: number) => {
    for (const unit of chars) {
      for (let k = 0; k < unit.length; k++) map.push(at);
      text += unit;
    }
  };
  let i = 0;
  while (i < original.length) {
    const rest = original.slice(i, i + 40);
    // A tag name then attributes; an autolink (<https://…>, <a@b.org>) is not a tag and is kept.
    const tag = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]{0,200})?\/?>/.exec(original.slice(i, i + 240));
    if (tag) {
      // A bare tag vanishes (so Glo<b>bex reads globex); attributes stay readable, since an
      // href or title in raw HTML is published too.
      const attributes = /\s([^<>]*?)\/?>$/.exec(tag[0])?.[1];
      if (attributes) {
        if (!text.endsWith(' ')) emit(' ', i);
        const start = i + tag[0].indexOf(attributes);
        const inner = fold(attributes);
        text += inner.text;
        map.push(...inner.map.map((at) => start + at));
        if (!text.endsWith(' ')) emit(' ', i + tag[0].length - 1);
      }
      i += tag[0].length;
      continue;
    }
    const entity = /^&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/i.exec(rest);
    if (entity) {
      const body = entity[1]!.toLowerCase();
      const decoded = body.startsWith('#x')
        ? String.fromCodePoint(Number.parseInt(body.slice(2), 16))
        : body.startsWith('#')
          ? String.fromCodePoint(Number.parseInt(body.slice(1), 10))
          : NAMED_ENTITIES[body];
      if (decoded !== undefined) {
        emit(foldChar(decoded), i);
        i += entity[0].length;
        continue;
      }
    }
    const codePoint = original.codePointAt(i)!;
    const ch = String.fromCodePoint(codePoint);
    i += ch.length;
    const at = i - ch.length;
    if (DROPPED.has(ch) || /\p{Cf}/u.test(ch)) continue;
    if (/\s/u.test(ch)) {
      if (!text.endsWith(' ')) emit(' ', at);
      continue;
    }
    emit(foldChar(ch), at);
  }
  return { text, map };
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
