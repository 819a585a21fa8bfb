import { EVERYDAY_WORD_GIVEN_NAMES, HONORIFICS, NAME_PARTICLES, NAME_SUFFIXES, nameWordKey } from './name-words';
import { letterCount, type Derived } from './term-forms';

export type PersonTermKind = 'person' | 'surname' | 'given-name';
export type PersonTerm = Derived<PersonTermKind>;

/**
 * Which parts of a person's name are secrets. The rule (also in docs/architecture.md):
 *
 * - The full name as recorded is a secret, and so are the forms people write it in: without
 *   titles and suffixes ("Ada Example" for "Dr. Ada Example, PhD"), given then family name
 *   for a name recorded "Example, Ada", and first given name + family name without the
 *   middle names and initials.
 * - Every distinctive part is a secret alone, since the order is not known (family name
 *   first is common) and a reader identifies someone by either part. Not parts: particles
 *   ("van", "der"), titles ("Dr"), suffixes ("Jr.", "III", "PhD") and initials.
 * - The family name — the words before a comma ("Example, Ada"), else the words written in
 *   capitals ("EXAMPLE Ada"), else the last word — counts from two letters ("Ng", "Li"), as
 *   the surname always did. Each piece of a hyphenated family name counts too ("Berg-Example"
 *   gives "Berg-Example", "Berg", "Example").
 * - Other parts (given and middle names, nicknames in parentheses or quotes) count from
 *   three letters: a two-letter given name ("Bo", "Jo") alone is a common syllable and says
 *   little about who someone is. Given names that are everyday English words ("Will",
 *   "May", "Mark": name-words.ts) count only inside the full name.
 */
export function personNameTerms(recorded: string): PersonTerm[] {
  const full = recorded.trim().replace(/\s+/g, ' ');
  if (!full) return [];
  const terms: PersonTerm[] = [];
  const seen = new Set<string>();
  const add = (term: string, kind: PersonTermKind, from: string) => {
    const key = term.toLowerCase();
    if (!term || seen.has(key)) return;
    seen.add(key);
    terms.push({ term, kind, from });
  };
  add(full, 'person', 'the recorded name');

  // Nicknames: "Robert (Bob) Example", 'Robert "Bob" Example'.
  const nicknames: string[] = [];
  const withoutNicknames = full
    .replace(/\s*(?:\(([^()]+)\)|"([^"]+)"|“([^”]+)”)\s*/g, (_m, a?: string, b?: string, c?: string) => {
      nicknames.push((a ?? b ?? c ?? '').trim());
      return ' ';
    })
    .trim();

  // "Example, Ada" (family name first) — but not "Ada Example, PhD" (a suffix after the comma).
  const segments = withoutNicknames
    .split(',')
    .map((s) => s.trim())
    .filter((s, i) => s && (i === 0 || !s.split(/\s+/).every(isTitleOrSuffix)));
  const commaForm = segments.length === 2;
  const wordsOfSegment = (segment: string) => withoutTitles(segment.split(/\s+/));
  const words = segments.flatMap(wordsOfSegment);
  const isNameWord = (w: string) => !isInitial(w) && !NAME_PARTICLES.has(nameWordKey(w));
  const nameWords = words.filter(isNameWord);
  for (const nickname of nicknames) if (countsAsGivenName(nickname)) add(nickname, 'given-name', 'a nickname');
  // One word with letters ("Ada", "Anon 1"): the full name is the secret; there are no parts.
  if (words.filter((w) => /\p{L}/u.test(w)).length < 2 || nameWords.length === 0) return terms;

  const family = new Set<string>();
  let givenFirst: string[] | null = null;
  if (commaForm) {
    for (const w of wordsOfSegment(segments[0]!)) if (isNameWord(w)) family.add(w);
    givenFirst = [...wordsOfSegment(segments[1]!), ...wordsOfSegment(segments[0]!)];
  } else {
    const capitals = nameWords.filter((w) => letterCount(w) >= 2 && w === w.toUpperCase() && w !== w.toLowerCase());
    if (capitals.length > 0 && capitals.length < nameWords.length) for (const w of capitals) family.add(w);
    else family.add(nameWords[nameWords.length - 1]!);
  }

  // The forms the whole name is written in.
  if (givenFirst) add(givenFirst.join(' '), 'person', 'the name, given name first');
  add(words.join(' '), 'person', 'the name without titles or suffixes');
  if (!commaForm && family.has(words[words.length - 1]!)) {
    // "Ada van der Berg" from "Ada Maria J. van der Berg": the family name keeps its particles.
    let familyStart = words.length - 1;
    while (familyStart > 0 && NAME_PARTICLES.has(nameWordKey(words[familyStart - 1]!))) familyStart--;
    const firstGiven = nameWords.find((w) => !family.has(w));
    if (firstGiven) add([firstGiven, ...words.slice(familyStart)].join(' '), 'person', 'the first given name and the family name');
  }

  for (const w of nameWords) {
    const isFamily = family.has(w);
    const kind: PersonTermKind = isFamily ? 'surname' : 'given-name';
    const from = isFamily ? 'the family name' : 'a given name';
    for (const part of [w, ...(w.includes('-') ? w.split('-') : [])]) {
      if (isFamily ? letterCount(part) >= 2 : countsAsGivenName(part)) add(part, kind, part === w ? from : `a part of “${w}”`);
    }
  }
  return terms;
}

/**
 * The words without titles in front and suffixes behind ("Dr. Ada Example Jr."). By
 * position only: "Ma" ends a name as a degree (MA) but begins one as a family name.
 */
function withoutTitles(words: string[]): string[] {
  let from = 0;
  let to = words.length;
  while (from < to - 1 && HONORIFICS.has(nameWordKey(words[from]!))) from++;
  while (to - 1 > from && NAME_SUFFIXES.has(nameWordKey(words[to - 1]!))) to--;
  return words.slice(from, to);
}

function isTitleOrSuffix(word: string): boolean {
  const key = nameWordKey(word);
  return HONORIFICS.has(key) || NAME_SUFFIXES.has(key);
}

/** "J", "J.", "J.R.": initials are never secrets alone. */
function isInitial(word: string): boolean {
  // A word without letters ("1" in a placeholder "Anon 1") is no part of a name either.
  return letterCount(word) <= 1 || /^(?:\p{L}\.)+$/u.test(word);
}

function countsAsGivenName(part: string): boolean {
  return letterCount(part) >= 3 && !EVERYDAY_WORD_GIVEN_NAMES.has(nameWordKey(part));
}
