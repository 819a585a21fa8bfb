import type { z } from 'zod';

/**
 * What is wrong with a value of an archive file, in a sentence after its place
 * (archive-places.ts: "Adopter 3, interview of 2024-06-10, the date: It is missing."). Used as
 * the error map of the archive's checks, so it words only the issues the schema has no message
 * of its own for: zod's defaults ("Invalid input: expected string, received undefined") are
 * not sentences a reviewer can act on.
 */
const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a record in braces',
  null: 'null',
};

const plural = (n: number | bigint, one: string, many: string) => `${String(n)} ${Number(n) === 1 ? one : many}`;

function sizeWords(origin: string, bound: number | bigint): string {
  if (origin === 'string') return plural(bound, 'character', 'characters');
  if (origin === 'array' || origin === 'set') return plural(bound, 'item', 'items');
  return String(bound);
}

function listed(values: readonly unknown[], max = 6): string {
  const shown = values.slice(0, max).map((v) => JSON.stringify(v));
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
}

export const archiveWords: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'It is missing.' : `It should be ${KINDS[issue.expected] ?? issue.expected}.`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'It cannot be empty.';
      return `It must be at least ${sizeWords(issue.origin, issue.minimum)}${issue.origin === 'string' ? ' long' : ''}.`;
    case 'too_big':
      return `It must be at most ${sizeWords(issue.origin, issue.maximum)}${issue.origin === 'string' ? ' long' : ''}.`;
    case 'invalid_value':
      return `It is not one of the values Adoption Desk writes (${listed(issue.values)}).`;
    case 'unrecognized_keys':
      return `Adoption Desk does not know ${issue.keys.length === 1 ? 'the field' : 'the fields'} ${listed(issue.keys)}; an archive holds only what the app writes.`;
    case 'invalid_format':
      return 'It is not written in the form Adoption Desk writes.';
    default:
      return 'It is not a value Adoption Desk writes.';
  }
};
