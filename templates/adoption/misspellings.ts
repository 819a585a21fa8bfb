import { foldTerm } from '../guard/fold';
import { withoutLegalSuffixes } from '../guard/legal-suffixes';
import { editDistance } from './edit-distance';

/** A name the summary should spell as recorded, and how the warning introduces it. */
export interface NameToSpell {
  /** As recorded: "Umbrella Logistics", "Initrode". */
  name: string;
  /** "" for the organization's own name; ", another name of Initech"; ", “Globex Ltd” without “Ltd”". */
  said: string;
}

/** A phrase of the summary that is nearly, but not exactly, one of the names. */
export interface Misspelling {
  /** As the summary writes it. */
  written: string;
  /** The name it was compared with, and how to introduce it. */
  name: NameToSpell;
  distance: number;
}

/** Names shorter than this (letters, without spaces) are left alone: too many words are one letter from "Acme". */
const MIN_LETTERS = 5;

/**
 * Hyphens and runs of spaces are one separator: "Umbrella-Logistics" is a way of writing
 * the name, not a slip. Plain ASCII (most words of most summaries) only needs lower case;
 * the guard's folding (accents, look-alikes, ß…) is for the rest — it is the costly part
 * when every word of every summary passes here.
 */
const PLAIN = /^[\x20-\x7e]*$/;
const comparable = (text: string): string => (PLAIN.test(text) ? text.toLowerCase() : foldTerm(text)).replace(/[\s-]+/g, ' ');

/**
 * The names to compare with: the organization's name and each alias, whole — a multi-word
 * name is never split into its words, because an ordinary word a letter away from one of
 * them ("logistic" and "Umbrella Logistics") is not a misspelling of the organization. A
 * name without its legal form counts too while it keeps two words ("Umbrela Logistics" for
 * "Umbrella Logistics Ltd"); reduced to one word it is often an ordinary one.
 */
export function namesToSpell(organization: { name: string; aliases: readonly string[] }): NameToSpell[] {
  const out: NameToSpell[] = [];
  const seen = new Set<string>();
  const add = (name: string, said: string) => {
    const key = comparable(name);
    if (seen.has(key) || key.replace(/ /g, '').length < MIN_LETTERS) return;
    seen.add(key);
    out.push({ name, said });
  };
  const recorded = [
    { name: organization.name, said: '' },
    ...organization.aliases.map((alias) => ({ name: alias, said: `, another name of ${organization.name}` })),
  ];
  for (const { name, said } of recorded) {
    add(name, said);
    for (const shorter of withoutLegalSuffixes(name)) {
      if (shorter.term.split(/\s+/).length >= 2) add(shorter.term, `, “${name}” without “${shorter.removed}”`);
    }
  }
  return out;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

interface Token {
  start: number;
  end: number;
  folded: string;
}

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    // "Initech's" is Initech: the possessive is not part of the name.
    const bare = match[0].replace(/['’]s$/u, '');
    tokens.push({ start: match.index, end: match.index + bare.length, folded: comparable(bare) });
  }
  return tokens;
}

/**
 * Phrases of `text` within a small edit distance of a name — one slip in a name of up
 * to six letters, two beyond — compared as whole phrases: as many words as the name
 * has, one fewer (two words run together: "UmbrellaLogistics") or one more (a word
 * split: "Init ech"). A longer phrase counts only when no shorter one inside it is as
 * close or spelled right, so a correctly written name followed by a short word is not
 * reported. Each phrase is reported once, against the closest name.
 */
export function misspellingsOf(text: string, names: readonly NameToSpell[]): Misspelling[] {
  const tokens = tokensOf(text);
  // lengths[i]: the folded letters of the first i tokens, so a phrase's length is a subtraction.
  const lengths = [0];
  for (const t of tokens) lengths.push(lengths.at(-1)! + t.folded.length);
  const found = new Map<string, Misspelling>();
  for (const name of names) {
    const target = comparable(name.name);
    const words = target.split(' ').length;
    const max = target.replace(/ /g, '').length <= 6 ? 1 : 2;
    const distanceAt = (from: number, count: number): number => {
      if (count < 1 || from + count > tokens.length) return Number.POSITIVE_INFINITY;
      // Most phrases differ in length by more than the tolerance: no string is built for them.
      const length = lengths[from + count]! - lengths[from]! + count - 1;
      if (Math.abs(length - target.length) > max) return max + 1;
      const phrase = tokens
        .slice(from, from + count)
        .map((t) => t.folded)
        .join(' ');
      return editDistance(phrase, target, max);
    };
    for (let i = 0; i < tokens.length; i++) {
      for (const count of [words - 1, words, words + 1]) {
        const distance = distanceAt(i, count);
        if (distance === 0 || distance > max) continue;
        if (count === words + 1 && Math.min(distanceAt(i, words), distanceAt(i + 1, words)) <= distance) continue;
        const written = text.slice(tokens[i]!.start, tokens[i + count - 1]!.end);
        const before = found.get(written);
        if (!before || distance < before.distance) found.set(written, { written, name, distance });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.written.localeCompare(b.written));
}
