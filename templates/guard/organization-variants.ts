import { isGenericOrganizationWord } from './generic-words';
import { withoutLegalSuffixes } from './legal-suffixes';
import { letterCount, separatorForms, type Derived } from './term-forms';

export type OrganizationTermKind = 'organization' | 'alias' | 'variant';
export type OrganizationTerm = Derived<OrganizationTermKind>;

/**
 * Most variants a recorded name can give: a long name with several legal forms, "&" and
 * hyphens stays far below it; the bound only keeps a pathological name from flooding the
 * guard.
 */
const MAX_VARIANTS_PER_NAME = 40;

const quoted = (term: string): string => `“${term}”`;

/** Words that join the words of a name and never stand for it. */
const JOINERS = new Set(['&', '+', 'and', 'of', 'the', 'for', 'de', 'du', 'des', 'la', 'le', 'y', 'und', 'et']);

const wordsOf = (term: string): string[] => term.split(/\s+/).map((w) => w.replace(/^[("'“‘]+|[)"'”’,.:;!?]+$/g, '')).filter(Boolean);

/**
 * A derived variant is kept only when a reader could not meet it in ordinary prose: at
 * least three letters, and not made only of generic words ("Global Data" from "Global Data
 * Inc." is a phrase, not a name). The recorded name and aliases are kept whatever they are.
 */
function distinctive(term: string): boolean {
  if (letterCount(term) < 3) return false;
  return wordsOf(term).some((w) => !JOINERS.has(w.toLowerCase()) && !isGenericOrganizationWord(w));
}

/** The words of a name that have letters ("#3" in "Anon #3" is no word of the name). */
const lettered = (term: string): string[] => wordsOf(term).filter((w) => /\p{L}/u.test(w));

interface Step {
  term: string;
  /** Says where it came from, given the term it was derived from. */
  from: (parent: string) => string;
  /** A spelling of the whole name (spaces, hyphens, one word): not derived from further. */
  final?: true;
}

/** The variants one step away from `term`: each transformation the reviewer might apply when writing it. */
function oneStep(term: string): Step[] {
  const out: Step[] = [];
  const suffixes = withoutLegalSuffixes(term);
  for (const step of suffixes) out.push({ term: step.term, from: (p) => `${quoted(p)} without ${quoted(step.removed)}` });
  const withoutThe = /^(the)\s+(.+)$/i.exec(term);
  if (withoutThe) out.push({ term: withoutThe[2]!, from: (p) => `${quoted(p)} without ${quoted(withoutThe[1]!)}` });
  if (/\s&\s/.test(term)) out.push({ term: term.replace(/\s&\s/g, ' and '), from: (p) => `${quoted(p)} with “and” for “&”` });
  if (/\sand\s/i.test(term)) out.push({ term: term.replace(/\sand\s/gi, ' & '), from: (p) => `${quoted(p)} with “&” for “and”` });
  const words = lettered(term);
  // "Globex Pay" → "GlobexPay", "Globe-Tex" → "Globe Tex": not for phrases ("Bank of Globex") or
  // names still carrying a legal form ("GlobexInc" is written by nobody).
  if (suffixes.length === 0 && !words.some((w) => JOINERS.has(w.toLowerCase()))) {
    for (const form of separatorForms(term)) out.push({ term: form.term, from: (p) => `${quoted(p)} ${form.how}`, final: true });
  }
  if (words.length > 1) {
    const leading = words[0]!;
    if (!JOINERS.has(leading.toLowerCase())) out.push({ term: leading, from: (p) => `the leading word of ${quoted(p)}` });
    // "Bank of Globex": the one word that is not generic is what people say.
    const own = words.filter((w) => !JOINERS.has(w.toLowerCase()) && !isGenericOrganizationWord(w));
    if (own.length === 1 && own[0] !== leading) out.push({ term: own[0]!, from: (p) => `the one distinctive word of ${quoted(p)}` });
  }
  return out;
}

/**
 * Everything the guard looks for to protect an organization: the recorded name and
 * aliases, and the variants a reviewer will type — without a legal form ("Globex" from
 * "Globex Inc."), without "The", "&" and "and" for each other, hyphens, spaces and
 * nothing for each other ("Globe-Tex", "Globe Tex", "GlobeTex"), and the distinctive
 * leading word of a multi-word name ("Globex" from "Globex Payments"; not "Global" from
 * "Global Initech": generic-words.ts). Each comes with where it came from, so the adopter
 * screen can say what the guard looks for and why. Duplicates (ignoring case) are listed once.
 */
export function organizationVariants(name: string, aliases: readonly string[] = []): OrganizationTerm[] {
  const seen = new Set<string>();
  const terms: OrganizationTerm[] = [];
  const add = (term: OrganizationTerm): boolean => {
    const key = term.term.toLowerCase();
    if (!term.term.trim() || seen.has(key)) return false;
    seen.add(key);
    terms.push(term);
    return true;
  };
  const recorded: { term: string; kind: 'organization' | 'alias' }[] = [
    { term: name.trim().replace(/\s+/g, ' '), kind: 'organization' },
    ...aliases.map((a) => ({ term: a.trim().replace(/\s+/g, ' '), kind: 'alias' as const })),
  ];
  for (const r of recorded) add({ term: r.term, kind: r.kind, from: r.kind === 'organization' ? 'the recorded name' : 'a recorded alias' });
  for (const r of recorded) {
    // Breadth first, so the closest derivation of a variant is the one shown.
    const queue = [r.term];
    let derived = 0;
    while (queue.length > 0 && derived < MAX_VARIANTS_PER_NAME) {
      const parent = queue.shift()!;
      for (const step of oneStep(parent)) {
        if (derived >= MAX_VARIANTS_PER_NAME || !distinctive(step.term)) continue;
        if (add({ term: step.term, kind: 'variant', from: step.from(parent) })) {
          derived++;
          if (!step.final) queue.push(step.term);
        }
      }
    }
  }
  return terms;
}
