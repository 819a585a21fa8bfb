import { isGenericOrganizationWord } from '../guard/generic-words';
import { isLegalSuffix } from '../guard/legal-suffixes';
import { letterCount } from '../guard/term-forms';
import { nonSectorWords } from './labels';

/**
 * How reviewers wrote that an adopter is anonymous. The sentences stay in the summary
 * (they are part of what was published); the importer only reads the flag from them.
 */
export const ANONYMITY_MARKERS: readonly { pattern: RegExp; says: string }[] = [
  { pattern: /\badopter and organi[sz]ation are anonymous\b/i, says: 'Adopter and organization are anonymous' },
  { pattern: /\bpreferred to (?:remain|stay|be kept) anonymous\b/i, says: 'preferred to remain anonymous' },
  { pattern: /\b(?:elected|chose|asked|wished|requested) to (?:provide|give|do|keep) (?:this|the|their) (?:adopter )?interview anonymously\b/i, says: 'elected to provide this adopter interview anonymously' },
  { pattern: /\bheld privately for (?:the )?TOC review\b/i, says: 'held privately for TOC review' },
  { pattern: /\bhas not approved the release\b/i, says: 'has not approved the release' },
  { pattern: /\brequested (?:that )?the (?:adopter )?interview be kept private\b/i, says: 'requested the interview be kept private' },
  { pattern: /\bwishes to remain anonymous\b|\bprefers to remain anonymous\b|\basked to remain anonymous\b/i, says: 'asked to remain anonymous' },
];

/** The generator's own lines for anonymous people (templates/adoption/entry.ts). */
export const ANONYMOUS_ORGANIZATION_LINE = /^adopter and organi[sz]ation are anonymous$/i;
export const ANONYMOUS_INTERVIEWEES_LINE = /^the interviewees? (?:is|are) anonymous$/i;

/** The first anonymity marker in the text, as the report shows it; null when there is none. */
export function anonymityMarker(text: string): string | null {
  for (const { pattern, says } of ANONYMITY_MARKERS) if (pattern.test(text)) return says;
  return null;
}

/**
 * The words of an anonymous entry's label that may name its organization ("Globex" in
 * "Globex Corp / Finance"): not sector words ("Finance"), legal forms ("Corp"), generic
 * organization words ("Global") or single letters. The importer records them as aliases of
 * the adopter's organization, so they are secrets the anonymity guard enforces — a warning
 * alone protected nothing.
 */
export function labelWordsNamingOrganization(label: string): string[] {
  const seen = new Set<string>();
  return nonSectorWords(label).filter((word) => {
    const key = word.toLowerCase();
    if (seen.has(key) || letterCount(word) < 2 || isLegalSuffix(word) || isGenericOrganizationWord(word)) return false;
    seen.add(key);
    return true;
  });
}
