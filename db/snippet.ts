/**
 * Snippets for search hits, made here instead of by FTS5's snippet(): the matches are
 * found with one regular expression and only the text around the best of them is cut
 * out, where snippet() tokenizes every hit's whole text (twice) and needs the index read
 * again to know where the matches are — together half of a common word's search time.
 *
 * It applies only when every word searched is plain ASCII letters and digits (the
 * common case): then "matches the word" can be said exactly as FTS5's tokenizer
 * (unicode61, remove_diacritics 2) says it — a run of letters and digits, with the
 * diacritics it folds away, that equals the word once case and diacritics are folded (or
 * begins with it, for the last word typed). Any other search keeps snippet() (db/search.ts
 * decides). Tests compare the two against SQLite: every Latin letter, every combining
 * mark, generated texts. The fragment chosen is snippet()'s for a text with one match;
 * with several, the choice is made among the matches around the richest place only (the
 * words of the whole text are never read), so about one text in ten with many matches of
 * two words shows another fragment than snippet() would: one holding as many of the
 * words searched.
 */

/** One searched word: lower-case ASCII letters and digits; `prefix` for the word still being typed. */
export interface SnippetWord {
  word: string;
  prefix: boolean;
}

export const OPEN = '\u0002';
export const CLOSE = '\u0003';

/** What starts a word for unicode61: a letter, a number or a private-use character. */
const TOKEN_CHAR = '[\\p{L}\\p{N}\\p{Co}]';
/**
 * The combining marks the tokenizer folds away inside a word (remove_diacritics): a word
 * goes on through them ("Zoe\u0308" is one word, "zoe"). Other marks separate words, and
 * none starts one. The list is SQLite's (checked against it by a test).
 */
const DIACRITIC = '[\\u0300-\\u0304\\u0306-\\u030c\\u030f\\u0311\\u031b\\u0323-\\u0328\\u032d\\u032e\\u0330\\u0331]';
const WORD_REST = `(?:${TOKEN_CHAR}|${DIACRITIC})*`;
const TOKEN = new RegExp(`${TOKEN_CHAR}${WORD_REST}`, 'gu');
/** Not inside a word: no word character (with any diacritics after it) just before. */
const NO_WORD_BEFORE = `(?<!${TOKEN_CHAR}${DIACRITIC}*)`;
const NO_WORD_AFTER = `(?!${DIACRITIC}*${TOKEN_CHAR})`;

/**
 * Letters the tokenizer folds to an ASCII letter, by that letter: every Latin letter whose
 * canonical decomposition is the ASCII letter plus diacritics, except a few SQLite's
 * folding table leaves alone, plus the long s it folds to "s" and the Kelvin and Angstrom
 * signs it folds to "k" and "a".
 */
const NOT_FOLDED = new Set([0x1e0, 0x1e1, 0x1e2, 0x1e3, 0x1ee, 0x1ef, 0x1fc, 0x1fd, 0x1fe, 0x1ff]);
const ALSO_FOLDED: Record<string, number[]> = { s: [0x17f, 0x1e9b], k: [0x212a], a: [0x212b] };
const LATIN_RANGES: [number, number][] = [
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
];

let foldClasses: Map<string, string> | undefined;
function classFor(letter: string): string {
  if (!foldClasses) {
    const members = new Map<string, string[]>();
    for (const [from, to] of LATIN_RANGES) {
      for (let code = from; code <= to; code++) {
        if (NOT_FOLDED.has(code)) continue;
        const char = String.fromCodePoint(code);
        const base = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        if (base !== char.toLowerCase() && /^[a-z]$/.test(base)) members.set(base, [...(members.get(base) ?? []), char]);
      }
    }
    for (const [base, codes] of Object.entries(ALSO_FOLDED)) members.set(base, [...(members.get(base) ?? []), ...codes.map((c) => String.fromCodePoint(c))]);
    foldClasses = new Map([...members].map(([base, chars]) => [base, `[${base}${base.toUpperCase()}${chars.join('')}]`]));
  }
  // Digits, and letters nothing folds to, stand for themselves in either case.
  return foldClasses.get(letter) ?? (letter === letter.toUpperCase() ? letter : `[${letter}${letter.toUpperCase()}]`);
}

/** A searched word as a pattern: each letter or a letter folding to it, diacritics allowed after each (decomposed text). */
function wordPattern({ word, prefix }: SnippetWord): string {
  const letters = [...word].map((c) => `${classFor(c)}${DIACRITIC}*`).join('');
  return `${NO_WORD_BEFORE}${letters}${prefix ? WORD_REST : NO_WORD_AFTER}`;
}

interface Match {
  start: number;
  end: number;
  word: number;
}

/** A searched word as a pattern over lower-cased ASCII text, where no letter folds and no mark follows. */
function asciiPattern({ word, prefix }: SnippetWord): string {
  return `(?<![a-z0-9])${word}${prefix ? '[a-z0-9]*' : '(?![a-z0-9])'}`;
}

// Every character below U+0080 (control characters included: they are separators to the tokenizer too).
const ASCII_ONLY = /^[^\u0080-\uffff]*$/; // UTF-16 units: an emoji (a surrogate pair) is not ASCII either
const ASCII_TOKEN = /[A-Za-z0-9]+/g;

/**
 * Finds the searched words in texts; build once per search. Most notes are plain ASCII:
 * for those a simpler pattern over the lower-cased text finds the same words several
 * times faster than the Unicode one.
 */
export class WordFinder {
  private readonly pattern: RegExp;
  private readonly ascii: RegExp;

  constructor(readonly words: readonly SnippetWord[]) {
    // No "i" flag: it would case-fold the word boundaries too (U+0345, a combining mark,
    // folds to a Greek letter); the letter classes hold both cases instead.
    this.pattern = new RegExp(words.map((w) => `(${wordPattern(w)})`).join('|'), 'gu');
    this.ascii = new RegExp(words.map((w) => `(${asciiPattern(w)})`).join('|'), 'g');
  }

  /** Every match, in order (at most `limit`). */
  matches(text: string, limit = 1000): Match[] {
    const ascii = ASCII_ONLY.test(text);
    const pattern = ascii ? this.ascii : this.pattern;
    const subject = ascii ? text.toLowerCase() : text;
    const found: Match[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(subject); m && found.length < limit; m = pattern.exec(subject)) {
      found.push({ start: m.index, end: m.index + m[0].length, word: m.slice(1).findIndex((g) => g !== undefined) });
    }
    return found;
  }

  /** The whole text with every match wrapped in OPEN … CLOSE (what FTS5's highlight() gives). */
  highlight(text: string): string {
    return wrap(text, 0, text.length, this.matches(text));
  }
}

/** The tokenizer's words of `text` (a region of a longer one), as offsets into the longer one. */
function tokensOf(text: string, offset: number): { start: number; end: number }[] {
  const pattern = ASCII_ONLY.test(text) ? ASCII_TOKEN : TOKEN;
  pattern.lastIndex = 0;
  const tokens: { start: number; end: number }[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) tokens.push({ start: offset + m.index, end: offset + m.index + m[0].length });
  return tokens;
}

function wrap(text: string, from: number, to: number, matches: readonly Match[]): string {
  let out = '';
  let at = from;
  for (const m of matches) {
    if (m.start < from || m.end > to) continue;
    out += `${text.slice(at, m.start)}${OPEN}${text.slice(m.start, m.end)}${CLOSE}`;
    at = m.end;
  }
  return out + text.slice(at, to);
}

/** Characters looked at on each side of the best match to cut the snippet; doubled while it holds too few words. */
const REACH = 160;
/** How far after a match other matches count as "close" when choosing the best one (about 16 words). */
const NEAR = 130;
const HAS_TOKEN = new RegExp(TOKEN_CHAR, 'u');
/** A character that can be part of a word (a word character or a diacritic inside one). */
const WORD_CHAR = new RegExp(`${TOKEN_CHAR}|${DIACRITIC}`, 'u');

/** The match with the most different searched words close after it (the first such), or -1. */
function bestMatch(matches: readonly Match[]): number {
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < matches.length; i++) {
    const near = new Set<number>();
    let count = 0;
    for (let j = i; j < matches.length && matches[j]!.start < matches[i]!.start + NEAR; j++) {
      near.add(matches[j]!.word);
      count++;
    }
    const score = near.size * 1000 + count;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

interface Token {
  start: number;
  end: number;
}

/**
 * Where the fragment of `size` tokens starts, chosen as FTS5's snippet() chooses (see
 * fts5SnippetFunction in SQLite): for each match, one centred on the matches that follow
 * it and, in a text longer than the fragment, one starting at the sentence that holds it
 * (scored +100, +120 at the text's start); the best score wins, the first on a tie. A
 * score is 1000 per different word in the fragment and 1 per repeat. Indices are into
 * `tokens`, a region of the text; `total` is the text's token count when the region
 * reaches its end (else Infinity). With one match this is snippet()'s choice exactly
 * (tested); with several, the region is the one bestMatch chose by characters.
 */
function fragmentStart(text: string, tokens: readonly Token[], hits: readonly { token: number; word: number }[], size: number, atStart: boolean, total: number): number {
  const score = (from: number) => {
    const seen = new Set<number>();
    let points = 0;
    let first = -1;
    let last = 0;
    for (const hit of hits) {
      if (hit.token < from || hit.token >= from + size) continue;
      points += seen.has(hit.word) ? 1 : 1000;
      seen.add(hit.word);
      if (first < 0) first = hit.token;
      last = hit.token + 1;
    }
    return { points, first, last };
  };
  // A sentence starts at the text's first word, and at a word after "." or ":" and white space.
  const starts = tokens.map((token, k) => {
    if (k === 0) return atStart;
    let i = token.start - 1;
    while (i >= tokens[k - 1]!.end && ' \t\n\r'.includes(text[i]!)) i--;
    return i < token.start - 1 && i >= tokens[k - 1]!.end && (text[i] === '.' || text[i] === ':');
  });
  const startsSentence = (k: number) => starts[k]!;
  let best = 0;
  let bestStart = 0;
  for (const { token } of hits) {
    const centred = score(token);
    let adjusted = centred.first - Math.trunc((size - (centred.last - centred.first)) / 2);
    if (adjusted + size > total) adjusted = total - size;
    adjusted = Math.max(0, adjusted);
    if (centred.points > best) [best, bestStart] = [centred.points, adjusted];
    if (total > size) {
      // The last sentence start at or before the match (one the region does not reach is left out).
      let sentence = token;
      while (sentence > 0 && !startsSentence(sentence)) sentence--;
      if (sentence < token && startsSentence(sentence)) {
        const points = score(sentence).points + (sentence === 0 && atStart ? 120 : 100);
        if (points > best) [best, bestStart] = [points, sentence];
      }
    }
  }
  return bestStart;
}

/**
 * About `size` words of `text` around its best match, matches wrapped in OPEN … CLOSE,
 * with "…" where the text goes on before or after: what FTS5's
 * snippet(…, OPEN, CLOSE, '…', size) gives.
 */
export function snippetOf(text: string, finder: WordFinder, size = 16): string {
  const matches = finder.matches(text);
  const best = bestMatch(matches);
  const anchor = best < 0 ? 0 : matches[best]!.start;
  // Words are read only in a region around the best match, widened until the chosen
  // fragment lies inside it whole (or reaches the text's ends).
  for (let reach = REACH; ; reach *= 2) {
    const regionStart = onCharacter(text, Math.max(0, anchor - reach));
    const regionEnd = onCharacter(text, Math.min(text.length, anchor + reach));
    const tokens = wholeTokens(text, regionStart, regionEnd);
    if (tokens.length === 0) {
      if (regionStart === 0 && regionEnd === text.length) return '';
      continue;
    }
    // Matches and tokens are both in text order: one walk places every match on its token.
    const hits: { token: number; word: number }[] = [];
    let k = 0;
    for (const m of matches) {
      if (m.start < tokens[0]!.start || m.end > tokens.at(-1)!.end) continue;
      while (k < tokens.length && tokens[k]!.end <= m.start) k++;
      if (k < tokens.length) hits.push({ token: k, word: m.word });
    }
    const atStart = regionStart === 0;
    const atEnd = regionEnd === text.length;
    // A full fragment's worth of words on each side of the match, so the sentence start a
    // fragment may begin at is in view, and the chosen fragment inside the region whole.
    const at = tokens.findIndex((t) => t.end > anchor);
    const first = at < 0 ? tokens.length : at;
    const around = (atStart || first >= size) && (atEnd || tokens.length - first >= size);
    const from = fragmentStart(text, tokens, hits, size, atStart, atEnd ? tokens.length : Infinity);
    const fits = (atStart || from > 0) && (atEnd || from + size <= tokens.length);
    if (around && fits) return cut(text, tokens, from, Math.min(tokens.length, from + size), matches);
  }
}

/** The words between `from` and `to`, leaving out any the region's edges cut through. */
function wholeTokens(text: string, from: number, to: number): Token[] {
  const tokens = tokensOf(text.slice(from, to), from);
  const inWord = (at: number) => at > 0 && at < text.length && WORD_CHAR.test(charBefore(text, at)) && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at)!));
  if (tokens.length && tokens[0]!.start === from && inWord(from)) tokens.shift();
  if (tokens.length && tokens.at(-1)!.end === to && inWord(to)) tokens.pop();
  return tokens;
}

/** The character (code point) that ends just before `at`. */
function charBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && at >= 2;
  return pair ? text.slice(at - 2, at) : text.slice(at - 1, at);
}

/** `at`, moved back off the second half of a surrogate pair, so a region never splits a character. */
function onCharacter(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  return at > 0 && at < text.length && unit >= 0xdc00 && unit <= 0xdfff ? at - 1 : at;
}

/** The fragment of `tokens[from..to)` with its matches wrapped and "…" where the text goes on. */
function cut(text: string, tokens: readonly Token[], from: number, to: number, matches: readonly Match[]): string {
  // Where no word comes before (after) the fragment, it runs to the start (end) of the text,
  // punctuation included; elsewhere "…" says the text goes on.
  const moreBefore = HAS_TOKEN.test(text.slice(0, tokens[from]!.start));
  const moreAfter = HAS_TOKEN.test(text.slice(tokens[to - 1]!.end));
  const start = moreBefore ? tokens[from]!.start : 0;
  const end = moreAfter ? tokens[to - 1]!.end : text.length;
  return `${moreBefore ? '…' : ''}${wrap(text, start, end, matches)}${moreAfter ? '…' : ''}`;
}
