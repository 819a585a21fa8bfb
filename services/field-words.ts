import type { z } from 'zod';

/**
 * The fields of the contract's inputs in the reviewer's words, so a refusal reads
 * "The interview date "06/03/2025" is not a date…" and never "date: …". Which record a
 * field belongs to comes from the operation's name ("updateInterview" → the interview).
 */
type Subject = 'project' | 'organization' | 'person' | 'interviewee' | 'adopter' | 'interview' | 'quote' | 'notes' | 'other';

const SUBJECTS: [RegExp, Subject][] = [
  [/Interviewee/, 'interviewee'],
  [/Project/, 'project'],
  [/Organization/, 'organization'],
  [/Person|People/, 'person'],
  [/Quote/, 'quote'],
  [/Answer/, 'notes'],
  [/Interview|Summary|Approval|Participant/, 'interview'],
  [/Adopter|Candidate/, 'adopter'],
];

export function subjectOf(operation: string | undefined): Subject {
  return SUBJECTS.find(([pattern]) => operation && pattern.test(operation))?.[1] ?? 'other';
}

/** Fields whose words depend on the record. */
const BY_SUBJECT: Partial<Record<string, Partial<Record<Subject, string>>>> = {
  name: {
    project: 'The project name',
    organization: 'The organization’s name',
    person: 'The person’s name',
    interviewee: 'The interviewee’s name',
    adopter: 'The organization’s name',
  },
  date: { interview: 'The interview date', adopter: 'The date of the stage' },
  text: { quote: 'The quote', notes: 'The notes' },
  role: { interviewee: 'The interviewee’s role', person: 'The person’s role' },
};

const WORDS: Record<string, string> = {
  name: 'The name',
  date: 'The date',
  text: 'The text',
  role: 'The role',
  slug: 'The short name (slug)',
  level: 'The project level',
  archived: 'Archived',
  industry: 'The industry',
  website: 'The website',
  aliases: 'The other names',
  email: 'The e-mail address',
  number: 'The adopter number',
  anonymous: 'Anonymous',
  publicLabel: 'The public label',
  usageLevel: 'The usage level',
  inUseSince: '“In use since”',
  scale: 'The scale',
  adopterType: 'The adopter type',
  relation: '“Direct or transitive”',
  independent: 'Independent of the vendor',
  independenceReason: 'The reason for independence',
  vendorNote: 'The vendor offering',
  stage: 'The stage',
  month: 'The published month',
  durationMinutes: 'The duration in minutes',
  interviewers: 'The interviewers',
  rawNotes: 'The raw notes',
  summary: 'The summary',
  summarySentAt: 'The day the summary was sent',
  approvedAt: 'The day of approval',
  speakerPersonId: 'The speaker',
  approved: 'Approved for publication',
  tags: 'The tags',
  questionKey: 'The question',
  query: 'The search',
  term: 'The word',
  note: 'The note',
  file: 'The file',
  theme: 'The theme',
  pageSize: 'The page size',
  authorName: 'The author name',
};

/** "The interview date": a field named for the reviewer; an unknown key becomes words ("durationMinutes" → "The duration minutes"). */
export function fieldWords(path: readonly PropertyKey[], operation?: string): string {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (key === undefined) return 'This';
  const specific = BY_SUBJECT[key]?.[subjectOf(operation)];
  if (specific) return specific;
  if (WORDS[key]) return WORDS[key];
  if (/Id$|^id$|^version$/.test(key)) return 'The record it refers to';
  return `The ${key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

/**
 * One issue as a sentence. The domain's own messages either name their field already
 * ("A project name cannot be empty.") or start with the value ("\"06/03/2025\" is not a
 * date; …") and then get the field in front; zod's built-in ones ("Too small: expected
 * number to be >=1") are not sentences for a reviewer and are said again in words.
 */
export function describeIssue(issue: z.core.$ZodIssue, operation?: string): string {
  const words = fieldWords(issue.path, operation);
  const message = issue.message;
  if (message.startsWith('"')) return `${words} ${message}`;
  if (/[.?!]$/.test(message)) return message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `${words} is missing.` : `${words} is not the right kind of value.`;
    case 'too_small':
      return typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint'
        ? `${words} must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters long' : ''}.`
        : `${words} is too short.`;
    case 'too_big':
      return typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint'
        ? `${words} must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters long' : ''}.`
        : `${words} is too long.`;
    case 'invalid_value':
      return `${words} is not one of the choices Adoption Desk offers.`;
    case 'unrecognized_keys':
      return `Adoption Desk does not know ${issue.keys.length === 1 ? 'the field' : 'the fields'} ${issue.keys.map((k) => `“${k}”`).join(', ')} sent with this request; nothing was changed.`;
    default:
      return `${words} is not valid.`;
  }
}
