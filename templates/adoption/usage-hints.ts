import { usageRank, type UsageLevel } from '../../domain/vocabulary';

/**
 * A usage level a summary's own words suggest ("runs it in production since 2023"), for the
 * reviewer to confirm or dismiss. Never applied by itself: after a DD import every usage
 * level is unknown, and the adoption criterion counts only what the reviewer recorded.
 */
export interface UsageHint {
  level: UsageLevel;
  /** The words that suggest it, as the summary writes them: "in production". */
  words: string;
  /** The sentence they stand in, so the reviewer can judge them in context. */
  sentence: string;
}

/** Each level's phrases. A phrase names usage that is happening, read only when nothing around it denies or postpones it. */
const PHRASES: Record<UsageLevel, RegExp[]> = {
  production: [
    /\b(?:in|into)\s+(?:full\s+|live\s+)?(?:production|prod)\b/gi,
    /\b(?:to|and|&)\s+production\b/gi,
    /\bproduction\s+(?:workloads?|traffic|clusters?|environments?|systems?|services?|deployments?|use|usage|infrastructure|fleet|sites?|networks?|applications?|apps|platforms?|data\s?cent(?:er|re)s?)\b/gi,
    /\b(?:went|gone|is|are|has\s+been|have\s+been)\s+live\b/gi,
  ],
  'pre-production': [/\bpre-?\s?production\b/gi, /\bproduction[- ]like\b/gi, /\bstaging\b/gi, /\bpilot(?:s|ed|ing)?\b/gi],
  'dev-test': [
    /\bnon-?\s?production\b/gi,
    /\bdev\s*\/\s*test\b/gi,
    /\bdev(?:elopment)?\s*(?:and|&|\/)\s*test(?:ing)?\b/gi,
    /\b(?:test(?:ing)?|development|dev)\s+(?:environments?|clusters?|labs?|systems?|setups?)\b/gi,
    /\bin\s+(?:dev|development|testing)\b/gi,
  ],
  evaluating: [
    /\bevaluat(?:e|es|ed|ing|ion)\b/gi,
    /\bproofs?[- ]of[- ]concept\b/gi,
    /\bPoCs?\b/g,
    /\btrial(?:s|l?ed|l?ing)?\b/gi,
    /\btry(?:ing)?\s+(?:it\s+)?out\b/gi,
    /\bexperiment(?:s|ed|ing)?\b/gi,
    /\bprototyp(?:e|es|ed|ing)\b/gi,
  ],
};

/** Looked for from the most advanced level down; a lower level's words are blanked first, so "pre-production" never reads as production. */
const BY_RANK: UsageLevel[] = ['production', 'pre-production', 'dev-test', 'evaluating'];
const MASK_ORDER: UsageLevel[] = ['pre-production', 'dev-test', 'evaluating', 'production'];

/** Words before a phrase (in its clause) that deny it or put it in the future: "not yet in production", "plans to move to production". */
const DENIED_BEFORE =
  /\b(?:not|no|never|nor|without|cannot|yet\s+to|no\s+longer|plans?|planned|planning|intends?|intended|intending|aims?|aiming|hopes?|hoping|expects?|expected|expecting|wants?|wanting|would\s+like|wish(?:es)?|will|would|shall|going\s+to|about\s+to|consider(?:s|ed|ing)?|might|could|should|eventually|someday|future|roadmap|next|soon|before|until|unless|if|prepar(?:e|es|ed|ing)|preparation|ready|readiness|path|way|road|journey|ahead\s+of|prior\s+to|towards?|target(?:s|ed|ing)?|goal|aspir\w*)\b|n['’]t\b/i;

/** Words right after a phrase that put it in the future or end it: "production use is planned for next year", "in production until 2024". */
const DENIED_AFTER = /^[^,;:]{0,40}?\b(?:planned|expected|scheduled|pending|soon|later|until|next\s+(?:year|quarter|month|week)|in\s+the\s+future|eventually|someday|is\s+the\s+(?:goal|plan|next\s+step))\b/i;

/** "Evaluating it for production workloads": an earlier step aimed at production, not production itself. */
const LOWER_STEP = /\b(?:evaluat\w*|test\w*|trial\w*|pilot\w*|poc|proofs?[- ]of[- ]concept|prototyp\w*|experiment\w*|staging)\b/i;

/** How far back a denial reaches, in words: a clause's own, not the sentence's start. */
const WINDOW_WORDS = 12;

/** Markdown a summary may carry that is not words: emphasis, code marks, link targets. */
function plainWords(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`~]/g, '')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-+*]|\d+[.)])\s+/gm, '');
}

/** Sentences (and list items), each a unit the reviewer reads. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[^a-z])|\n\s*\n|\n(?=\s*[-+*]\s)/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Clauses: where "but", "however", a semicolon… start a new statement a denial does not carry over. */
function clauses(sentence: string): string[] {
  return sentence.split(/[;:]|\s[–—]\s|,?\s+(?:but|however|whereas|although|though|while)\b,?/i).filter((c) => c.trim());
}

function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

function denied(clause: string, start: number, end: number, level: UsageLevel): boolean {
  const before = clause.slice(0, start).split(/\s+/).filter(Boolean).slice(-WINDOW_WORDS).join(' ');
  if (DENIED_BEFORE.test(before)) return true;
  if (DENIED_AFTER.test(clause.slice(end))) return true;
  return level === 'production' && /\bfor\s+$/i.test(clause.slice(0, start)) && LOWER_STEP.test(before);
}

/** The levels a clause affirms, each with the first words that affirm it. */
function affirmed(clause: string): Map<UsageLevel, string> {
  // Each level's phrases are found in the text with the other levels' words blanked out,
  // lower levels first, so "non-production" and "pre-production" are never production.
  const found = new Map<UsageLevel, string>();
  let rest = clause;
  for (const level of MASK_ORDER) {
    for (const pattern of PHRASES[level]) {
      for (const match of rest.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (!found.has(level) && !denied(clause, start, end, level)) found.set(level, clause.slice(start, end).trim());
        rest = blank(rest, start, end);
      }
    }
  }
  return found;
}

/**
 * The most advanced usage level the summary affirms, with its words and sentence; null
 * when it says nothing about usage, or only denies or postpones it.
 */
export function suggestUsageLevel(summary: string): UsageHint | null {
  let best: UsageHint | null = null;
  for (const sentence of sentences(plainWords(summary))) {
    for (const clause of clauses(sentence)) {
      const levels = affirmed(clause);
      for (const level of BY_RANK) {
        const words = levels.get(level);
        if (words === undefined) continue;
        if (!best || usageRank(level) > usageRank(best.level)) best = { level, words, sentence };
        break;
      }
    }
  }
  return best;
}
