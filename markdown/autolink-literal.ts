/**
 * GFM autolink literals — `www.…`, `http(s)://…` and e-mail addresses in plain text
 * become links, as on GitHub — with micromark's rules: what may stand before one, how a
 * domain and a path end, which trailing punctuation stays outside the link, and no
 * literal inside a "[" not yet closed (the reader checks that one).
 */

const ASCII_ALPHA = /[A-Za-z]/;
const ASCII_ALNUM = /[A-Za-z0-9]/;
const ATEXT = /[A-Za-z0-9+\-._]/;
const SPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
// eslint-disable-next-line no-control-regex -- control characters end a link
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Where a literal may start: the candidates are checked one by one with `literalAt`. */
export const LITERAL_START = /[hH][tT][tT][pP][sS]?:\/\/|[wW]{3}\.|[A-Za-z0-9+._-]+@/g;

const at = (src: string, i: number): string | undefined => (i < src.length ? src[i] : undefined);
const isSpace = (ch: string | undefined) => ch !== undefined && SPACE.test(ch);

/** Whether the link may end at `i`: what follows is only trailing punctuation, then the end of the text. */
function isTrail(src: string, i: number): boolean {
  for (;;) {
    const ch = at(src, i);
    if (ch === undefined || ch === '<' || isSpace(ch)) return true;
    if (/[!"')*,.:;?_~]/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '&') {
      const reference = /^&[A-Za-z]+;/.exec(src.slice(i, i + 40));
      if (!reference) return false;
      i += reference[0].length;
      continue;
    }
    if (ch === ']') {
      const next = at(src, i + 1);
      if (next === undefined || next === '(' || next === '[' || isSpace(next)) return true;
      i++;
      continue;
    }
    return false;
  }
}

/** The end of a domain starting at `i`, or -1 (an underscore in either of its last two parts refuses it). */
function domainEnd(src: string, i: number): number {
  let underscoreLast = false;
  let underscoreBeforeLast = false;
  let seen = false;
  for (;;) {
    const ch = at(src, i);
    if (ch === '.' || ch === '_') {
      if (isTrail(src, i)) break;
      if (ch === '_') underscoreLast = true;
      else {
        underscoreBeforeLast = underscoreLast;
        underscoreLast = false;
      }
      i++;
      continue;
    }
    if (ch === undefined || isSpace(ch) || (ch !== '-' && PUNCTUATION.test(ch))) break;
    seen = true;
    i++;
  }
  return underscoreLast || underscoreBeforeLast || !seen ? -1 : i;
}

/** The end of a path starting at `i` (balanced parentheses; trailing punctuation left out). */
function pathEnd(src: string, i: number): number {
  let open = 0;
  let close = 0;
  for (;;) {
    const ch = at(src, i);
    if (ch === undefined || isSpace(ch)) return i;
    if (ch === '(') {
      open++;
      i++;
      continue;
    }
    if (ch === ')' && close < open) {
      close++;
      i++;
      continue;
    }
    if (/[!"&')*,.:;<?\]_~]/.test(ch)) {
      if (isTrail(src, i)) return i;
      if (ch === ')') close++;
      i++;
      continue;
    }
    i++;
  }
}

function emailEnd(src: string, i: number): number {
  while (i < src.length && ATEXT.test(src[i]!)) i++;
  if (src[i] !== '@') return -1;
  i++;
  let data = false;
  let dot = false;
  for (;;) {
    const ch = at(src, i);
    if (ch === '.') {
      // A dot followed by a letter or digit goes on with the domain.
      if (!ASCII_ALNUM.test(at(src, i + 1) ?? '')) break;
      dot = true;
      i++;
      continue;
    }
    if (ch !== undefined && (ch === '-' || ch === '_' || ASCII_ALNUM.test(ch))) {
      data = true;
      i++;
      continue;
    }
    break;
  }
  return data && dot && ASCII_ALPHA.test(src[i - 1]!) ? i : -1;
}

/**
 * A literal link starting at `start` (`previous` is the character read before it, or
 * undefined at the start of the text): its end and target, or null.
 */
export function literalAt(src: string, start: number, previous: string | undefined): { end: number; href: string } | null {
  const head = src.slice(start, start + 8).toLowerCase();
  if (head.startsWith('http://') || head.startsWith('https://')) {
    if (previous !== undefined && ASCII_ALPHA.test(previous)) return null;
    const afterProtocol = start + (head.startsWith('https') ? 8 : 7);
    const first = at(src, afterProtocol);
    if (first === undefined || CONTROL.test(first) || isSpace(first) || PUNCTUATION.test(first)) return null;
    const domain = domainEnd(src, afterProtocol);
    if (domain < 0) return null;
    const end = pathEnd(src, domain);
    return { end, href: src.slice(start, end) };
  }
  if (head.startsWith('www.')) {
    if (!(previous === undefined || /[(*_[\]~]/.test(previous) || isSpace(previous))) return null;
    if (start + 4 >= src.length) return null;
    const domain = domainEnd(src, start);
    if (domain < 0) return null;
    const end = pathEnd(src, domain);
    return { end, href: `http://${src.slice(start, end)}` };
  }
  if (!ATEXT.test(src[start] ?? '') || (previous !== undefined && (previous === '/' || ATEXT.test(previous)))) return null;
  const end = emailEnd(src, start);
  return end < 0 ? null : { end, href: `mailto:${src.slice(start, end)}` };
}
