import { characterReferenceAt } from './entities';

/**
 * Link reference definitions (`[label]: https://… "title"`): read from the start of a
 * paragraph, collected for the whole document (the first definition of a label wins), and
 * looked up by `[text][label]`, `[label][]` and `[label]`.
 */
export type Definitions = Map<string, string>;

/** Labels match case-insensitively (Unicode case folding) with whitespace collapsed, as micromark does. */
export function normalizeLabel(label: string): string {
  return label.replace(/[ \t\r\n]+/g, ' ').trim().toLowerCase().toUpperCase();
}

export const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

/** Backslash escapes and character references resolved (link targets and titles). */
export function unescapeText(text: string): string {
  if (!text.includes('\\') && !text.includes('&')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1]!)) {
      out += text[++i];
    } else if (ch === '&') {
      const reference = characterReferenceAt(text, i);
      if (reference) {
        out += reference.value;
        i += reference.length - 1;
      } else out += ch;
    } else out += ch;
  }
  return out;
}

/** A link label `[…]` at `at`: its text and where it ends, or null (at most 999 characters, not blank). */
export function linkLabelAt(src: string, at: number): { label: string; end: number } | null {
  if (src[at] !== '[') return null;
  let i = at + 1;
  while (i < src.length && i - at <= 1000) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < src.length && ESCAPABLE.test(src[i + 1]!)) {
      i += 2;
      continue;
    }
    if (ch === '[') return null;
    if (ch === ']') {
      const label = src.slice(at + 1, i);
      return label.trim() && label.length <= 999 ? { label, end: i + 1 } : null;
    }
    i++;
  }
  return null;
}

/** A link destination at `at` (`<…>` or a bare one with balanced parentheses): its raw text and end. */
export function destinationAt(src: string, at: number): { raw: string; end: number } | null {
  if (src[at] === '<') {
    const m = /^<((?:[^<>\n\\]|\\.)*)>/.exec(src.slice(at));
    return m ? { raw: m[1]!, end: at + m[0].length } : null;
  }
  let depth = 0;
  let i = at;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < src.length && ESCAPABLE.test(src[i + 1]!)) {
      i += 2;
      continue;
    }
    if (ch.charCodeAt(0) <= 0x20) break; // no spaces or control characters in a bare destination
    if (ch === '(') {
      if (++depth > 32) return null;
    }
    if (ch === ')') {
      if (depth === 0) break;
      depth--;
    }
    i++;
  }
  if (depth !== 0 || i === at) return null;
  return { raw: src.slice(at, i), end: i };
}

/** A link title ("…", '…' or (…)) at `at`: where it ends, or null. It may not hold a blank line. */
export function titleAt(src: string, at: number): number | null {
  const open = src[at];
  if (open !== '"' && open !== "'" && open !== '(') return null;
  const close = open === '(' ? ')' : open;
  let i = at + 1;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < src.length) {
      i += 2;
      continue;
    }
    if (ch === close) return i + 1;
    if (open === '(' && ch === '(') return null;
    if (ch === '\n' && /^\n[ \t]*(?:\n|$)/.test(src.slice(i))) return null;
    i++;
  }
  return null;
}

const skipSpace = (src: string, at: number) => {
  let i = at;
  let newlines = 0;
  while (i < src.length && (src[i] === ' ' || src[i] === '\t' || src[i] === '\n')) {
    if (src[i] === '\n' && ++newlines > 1) break;
    i++;
  }
  return i;
};

/**
 * Reads the definitions at the start of a paragraph's text into `definitions`; returns
 * where the rest of the paragraph starts (0 when it starts with none).
 */
export function readDefinitions(text: string, definitions: Definitions): number {
  let at = 0;
  for (;;) {
    const label = linkLabelAt(text, at);
    if (!label || text[label.end] !== ':') return at;
    const destinationStart = skipSpace(text, label.end + 1);
    const destination = destinationAt(text, destinationStart);
    if (!destination || (destination.raw === '' && text[destinationStart] !== '<')) return at;
    // A title after whitespace; failing that, the definition may still end with its destination's line.
    const beforeTitle = skipSpace(text, destination.end);
    const titleEnd = beforeTitle > destination.end ? titleAt(text, beforeTitle) : null;
    const lineEnd = (from: number) => {
      const m = /^[ \t]*(?:\n|$)/.exec(text.slice(from));
      return m ? from + m[0].length : null;
    };
    const end = (titleEnd !== null ? lineEnd(titleEnd) : null) ?? lineEnd(destination.end);
    if (end === null) return at;
    const key = normalizeLabel(label.label);
    if (!definitions.has(key)) definitions.set(key, unescapeText(destination.raw));
    at = end;
    if (at >= text.length) return at;
  }
}
