import type { LeakHit } from './scan';

/** A word as one shell argument: single quotes, with a quote inside written '\''. */
export const shellQuoted = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * The last sentence of a refusal: what the reviewer can do about it. It names the two
 * real ways to release a false positive (the app's action on the warning, and the
 * command line), filled in with the project and the first hit so it can be copied.
 */
export function refusalAdvice(first: Pick<LeakHit, 'term' | 'adopterNumber'> | undefined, projectSlug = 'SLUG'): string {
  const adopter = first ? String(first.adopterNumber) : 'N';
  const text = shellQuoted(first?.term ?? 'word');
  return (
    'Edit the text, or if it is a false positive, add an allowance for that adopter ' +
    `(in the app, from the warning; or \`adoption-desk allow --project ${projectSlug} --adopter ${adopter} --text ${text}\`).`
  );
}
