import type { ShareKind } from './records';

/**
 * How the merge (templates/share/merge.ts) settles a field both sides changed, per kind of
 * record (issue 19, "Merge rules"). A field not listed is a single value.
 *
 * - `text`: what a reviewer wrote. Mine is kept and theirs becomes an open conflict, so a
 *   summary is never silently interleaved or overwritten.
 * - `value`: a single value (stage, usage level, a date, a flag, a number, a link). The last
 *   writer by the record's `updatedAt` wins; a tie goes to the greater value, so every
 *   reviewer computes the same result. The losing value is reported.
 * - `set`: a list of distinct items (interviewers, aliases, tags): both sides' additions and
 *   removals apply.
 * - `map`: an object of keys (stage dates): each key merges as a single value of its own.
 * - `anonymity`: a flag whose safe side is `true`: two different answers resolve to anonymous.
 * - `created` / `updated`: the record's stamps: the earlier creation, the later update.
 */
export type FieldRule = 'text' | 'value' | 'set' | 'map' | 'anonymity' | 'created' | 'updated';

type Rules = Partial<Record<string, FieldRule>>;

const RULES: Record<ShareKind, Rules> = {
  project: { name: 'text', notes: 'text' },
  organization: { name: 'text', aliases: 'set' },
  person: { name: 'text' },
  adopter: {
    anonymous: 'anonymity',
    publicLabel: 'text',
    namedLabel: 'text',
    independenceReason: 'text',
    vendorNote: 'text',
    notes: 'text',
    stageDates: 'map',
  },
  // A term released from the anonymity guard is words a reviewer chose: never picked by the clock.
  allowance: { term: 'text', note: 'text' },
  dismissal: {},
  interview: { summary: 'text', rawNotes: 'text', interviewers: 'set' },
  participant: { anonymous: 'anonymity' },
  answer: { text: 'text' },
  quote: { text: 'text', tags: 'set' },
  // An open conflict's competing texts: a reviewer resolving one removes it, a new one adds it.
  conflict: { texts: 'set' },
};

export function fieldRule(kind: ShareKind, field: string): FieldRule {
  if (field === 'createdAt') return 'created';
  if (field === 'updatedAt') return 'updated';
  return RULES[kind][field] ?? 'value';
}

/** The text fields of a kind, in a fixed order (the merge's "nothing lost" promise is about these). */
export function textFields(kind: ShareKind): string[] {
  return Object.entries(RULES[kind])
    .filter(([, rule]) => rule === 'text')
    .map(([field]) => field)
    .sort();
}

/**
 * The links a record holds: a field naming another record's uid. A merged snapshot has no link
 * to a record it lacks (a conflict's link to the record it is about is `recordKind` + `recordUid`,
 * see templates/share/merge-conflicts.ts).
 */
export const LINKS: Readonly<Partial<Record<ShareKind, readonly { field: string; to: ShareKind }[]>>> = {
  person: [{ field: 'organizationUid', to: 'organization' }],
  adopter: [{ field: 'organizationUid', to: 'organization' }],
  allowance: [{ field: 'adopterUid', to: 'adopter' }],
  dismissal: [{ field: 'adopterUid', to: 'adopter' }],
  interview: [{ field: 'adopterUid', to: 'adopter' }],
  participant: [
    { field: 'interviewUid', to: 'interview' },
    { field: 'personUid', to: 'person' },
  ],
  answer: [{ field: 'interviewUid', to: 'interview' }],
  quote: [
    { field: 'interviewUid', to: 'interview' },
    { field: 'speakerUid', to: 'person' },
  ],
};
