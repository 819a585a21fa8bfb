/**
 * Which TOC question (domain/questions.ts, set toc-2024) a question in a notes file
 * asks, by the words that identify it. Rules are tried in order, the more specific
 * first ("measurable value" before "integration", "archived" before "maintainers").
 * Each key also has hints: the more of them a question has, the closer it is to the
 * TOC's own wording, and the closest one gets the key when two questions ask the same.
 */
const RULES: readonly [key: string, pattern: RegExp, hints: RegExp[]][] = [
  ['m3', /\brely on\b.*\blevels?\b/i, [/\binternally\b/i]],
  ['m2', /\bmissing\b.*\b(?:levels?|maturity)\b/i, [/\bmeaning\b/i]],
  ['m1', /\b(?:understanding|meaning)\b.*\bmaturity levels?\b/i, [/\bgood understanding\b/i]],
  ['q10', /\barchived?\b|\bfork\b/i, [/\bremove\b/i, /\bmaintainership\b/i]],
  ['q11', /\bhold(?:s|ing)?\b.*\bback\b|\blimits?\b.*\bpotential\b|\b(?:full|ultimate)\s+potential\b/i, [/\bultimate potential\b/i, /\bsomething you feel\b/i]],
  ['q13', /\bstrengths?\b/i, [/\boverall\b/i]],
  ['q12', /\bimprove(?:ments?)?\b|\bdo better\b|\brecommend\b/i, [/\bin your opinion\b/i, /\bwhat (?:could|can) the project\b/i]],
  ['q14', /\bfuture\b/i, [/\bplans\b/i, /\bfeature requests\b/i, /\binvolvement\b/i]],
  ['q9', /\bmeasurable\b|\bvalue\b(?!\w)/i, [/\bmeasurable value\b/i, /\bmanual activities\b/i, /\bcost savings\b/i]],
  ['q7', /\bdoc(?:s|umentation)?\b|\binformation in the repo\b/i, [/\binformation in the repo\b/i, /\bvaluable\b/i, /\bspecifically\b/i]],
  ['q8', /\bcommunity\b|\bmaintainers?\b|\bengage[ds]?\b/i, [/\bengage\b/i, /\bmaintainers\b/i, /\bcommunication channels\b/i, /\boutcome\b/i]],
  ['q6', /\bchallenges?\b|\bwalk (?:me|us) through\b|\b(?:adoption|integration) (?:experience|process)\b/i, [/\bwalk me through\b/i, /\bintegrating\b/i, /\badopting\b/i]],
  ['q5', /\bversions?\b|\bupdate cadence\b|\bupgrades?\b/i, [/\bupdate cadence\b/i, /\bcurrently in use\b/i]],
  ['q4', /\blevel of usage\b|\bscale\b|\bpre-production\b/i, [/\blevel of usage\b/i, /\bpre-production\b/i]],
  ['q3', /\bcompared\b|\balternatives?\b|\bdrew you\b|\bover other\b/i, [/\bdrew you\b/i, /\bproprietary\b/i]],
  ['q2', /\bmotivat|\bkey features\b|\bfeatures\b|\buse cases\b/i, [/\bmain motivations\b/i, /\bkey features\b/i, /\btoday\b/i]],
  ['q1', /\bhow long\b/i, [/\bused the project\b/i]],
];

/** The TOC question key for a question as written, and how closely it follows the TOC's wording; null when it is none of them. */
export function tocQuestionMatch(question: string): { key: string; strength: number } | null {
  for (const [key, pattern, hints] of RULES) {
    if (pattern.test(question)) return { key, strength: 1 + hints.filter((h) => h.test(question)).length };
  }
  return null;
}

export const tocQuestionKey = (question: string): string | null => tocQuestionMatch(question)?.key ?? null;

/**
 * Keys for a file's questions, in file order: each TOC key goes to the question closest
 * to the TOC's wording (the first one on a tie); the others get null (custom questions).
 */
export function assignQuestionKeys(questions: readonly string[]): (string | null)[] {
  const matches = questions.map(tocQuestionMatch);
  const winner = new Map<string, number>();
  matches.forEach((m, i) => {
    if (!m) return;
    const best = winner.get(m.key);
    if (best === undefined || matches[best]!.strength < m.strength) winner.set(m.key, i);
  });
  return matches.map((m, i) => (m && winner.get(m.key) === i ? m.key : null));
}
