/**
 * Small pieces shared by the guard's derivations (organization variants, domain labels,
 * path owners, parts of people's names).
 */

/** A term the guard looks for, with how it came from what was recorded (the adopter screen shows it). */
export interface Derived<K extends string> {
  term: string;
  kind: K;
  /** "“Globex Inc.” without “Inc.”", "the website https://globex.example": why the guard looks for it. */
  from: string;
}

/** How many letters a term has (digits, spaces and punctuation do not count). */
export function letterCount(term: string): number {
  return [...term.replace(/[^\p{L}]/gu, '')].length;
}

/** Words separated by single spaces or hyphens, nothing else: what the separator forms apply to. */
const SEPARATED = /^[\p{L}\p{N}]+(?:[ \-_][\p{L}\p{N}]+){1,3}$/u;

/**
 * The ways people write a name of two to four words or pieces: with spaces, with hyphens,
 * as one word ("Globe-Tex" → "Globe Tex", "GlobeTex"; "globex_oss" → "globex oss",
 * "globex-oss", "globexoss"). The term itself is not among them. More than four pieces
 * are left alone: such a phrase is not written as one word.
 */
export function separatorForms(term: string): { term: string; how: string }[] {
  if (!SEPARATED.test(term)) return [];
  const pieces = term.split(/[ \-_]/);
  const forms = [
    { term: pieces.join(' '), how: 'with spaces' },
    { term: pieces.join('-'), how: 'with hyphens' },
    { term: pieces.join(''), how: 'written as one word' },
  ];
  return forms.filter((f) => f.term !== term);
}
