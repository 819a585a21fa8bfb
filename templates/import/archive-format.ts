import { z } from 'zod';
import { describeArchivePlace } from './archive-places';
import { adopterFields, adopterNumber } from '../../domain/adopter';
import { allowanceFields } from '../../domain/allowance';
import { dismissalFields } from '../../domain/dismissal';
import { interviewFields, participantFields, questionKey, quoteFields } from '../../domain/interview';
import { organizationFields } from '../../domain/organization';
import { personFields } from '../../domain/person';
import { projectFields, projectSlug } from '../../domain/project';

/**
 * The project archive: everything in one project as versioned JSON, for moving a
 * project to another machine or merging a colleague's work.
 *
 * Store ids are local to a database. Since version 2 every record carries its stable id
 * (`uid`, the same in every store it travels to), and an import matches records by it,
 * so two stores that renamed the same organization or re-dated the same interview still
 * merge into one record. Records without a uid (a version 1 archive) are matched by keys
 * made from what identifies them anywhere: the project's slug, an organization's name, a
 * person's name within their organization, an adopter's number, an interview's day (or
 * month) and rank on that day, a quote's rank in its interview, an answer's question key.
 * The keys also link records inside the archive (a person's organization, a quote's
 * speaker). The archive carries each record's createdAt/updatedAt so a merge can tell
 * which side is newer. Since version 3 an adopter carries the consistency warnings the reviewer
 * dismissed for it (`dismissals`: each warning's fingerprint, so it stays hidden in the store it
 * travels to until the text it was about changes); older archives have none. It is written
 * deterministically (fixed key order, no export time), so the
 * same data always gives the same bytes.
 */

export const ARCHIVE_FORMAT = 'adoption-desk-archive';
export const ARCHIVE_VERSION = 3;
/** Versions this app reads: 1 (no stable ids), 2 (no dismissed warnings) and the current one. */
export const ARCHIVE_VERSIONS = [1, 2, ARCHIVE_VERSION] as const;

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/, 'A timestamp is ISO 8601 in UTC, like 2024-09-17T10:00:00.000Z.');
const stamps = { createdAt: timestamp, updatedAt: timestamp };
const key = z.string().min(1).max(600);
/** A record's stable id (a UUID when this app wrote it); absent in version 1 archives. */
const uid = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'A uid is letters, digits and dashes, like a UUID.').optional();

const archiveQuote = z
  .object({ key, uid, ...quoteFields.shape, speaker: key.nullable(), ...stamps })
  .omit({ speakerPersonId: true })
  .strict();

const archiveInterview = z
  .object({
    key,
    uid,
    ...interviewFields.shape,
    participants: z.array(z.object({ uid, person: key, anonymous: z.boolean(), role: participantFields.shape.role, position: z.number().int().min(1) }).strict()),
    answers: z.array(z.object({ uid, questionKey, text: z.string(), ...stamps }).strict()),
    quotes: z.array(archiveQuote),
    ...stamps,
  })
  .strict();

/** A warning the reviewer dismissed for the adopter (domain/dismissal.ts), by its fingerprint. */
const archiveDismissal = dismissalFields.omit({ adopterId: true }).extend({ uid, ...stamps }).strict();

const archiveAdopter = z
  .object({
    key,
    uid,
    number: adopterNumber,
    ...adopterFields.omit({ organizationId: true }).shape,
    namedLabel: adopterFields.shape.namedLabel.optional(),
    organization: key,
    allowances: z.array(allowanceFields.omit({ adopterId: true }).extend({ uid, ...stamps }).strict()),
    /** Since version 3; absent in older archives, which carried none. */
    dismissals: z.array(archiveDismissal).optional(),
    interviews: z.array(archiveInterview),
    ...stamps,
  })
  .strict();

export const archiveSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT, { error: () => `This is not an Adoption Desk archive (its "format" is not "${ARCHIVE_FORMAT}").` }),
    version: z.union([z.literal(1), z.literal(2), z.literal(ARCHIVE_VERSION)], {
      error: (issue) =>
        typeof issue.input === 'number' && issue.input > ARCHIVE_VERSION
          ? `This archive was written by a newer version of Adoption Desk (archive version ${issue.input}; this one reads versions 1 to ${ARCHIVE_VERSION}). Update Adoption Desk to import it.`
          : `This archive's version is not one Adoption Desk has written (it reads versions 1 to ${ARCHIVE_VERSION}).`,
    }),
    project: z.object({ key, uid, slug: projectSlug, ...projectFields.shape, ...stamps }).strict(),
    organizations: z.array(z.object({ key, uid, ...organizationFields.shape, ...stamps }).strict()),
    people: z.array(z.object({ key, uid, ...personFields.omit({ organizationId: true }).shape, organization: key.nullable(), ...stamps }).strict()),
    adopters: z.array(archiveAdopter),
  })
  .strict();

export type Archive = z.output<typeof archiveSchema>;
export type ArchiveInput = z.input<typeof archiveSchema>;
export type ArchiveAdopter = Archive['adopters'][number];
export type ArchiveInterview = ArchiveAdopter['interviews'][number];

const lower = (s: string) => s.trim().toLocaleLowerCase('en');

/** Keys: what identifies a record in any store. */
export const archiveKeys = {
  organization: (name: string) => `organization:${lower(name)}`,
  person: (organizationName: string | null, name: string, rank = 1) =>
    `person:${organizationName === null ? '-' : lower(organizationName)}:${lower(name)}${rank > 1 ? `#${rank}` : ''}`,
  adopter: (number: number) => `adopter:${number}`,
  interview: (adopterKey: string, day: string | null, rank: number) => `${adopterKey}/interview:${day ?? 'undated'}#${rank}`,
  quote: (interviewKey: string, rank: number) => `${interviewKey}/quote:${rank}`,
};

/** The archive as bytes: two-space JSON with one newline at the end; deterministic. */
export function serializeArchive(archive: ArchiveInput): string {
  return `${JSON.stringify(archive, null, 2)}\n`;
}

export interface ArchiveProblem {
  /** Where, in words: "Adopter 3, interview of 2024-06-10, the date" (templates/import/archive-places.ts). */
  path: string;
  message: string;
}

/** Parses and checks an archive; every problem with its place, or the archive. */
export function parseArchive(text: string): { archive: Archive } | { problems: ArchiveProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: 'The file', message: `It is not JSON: ${(error as Error).message}.` }] };
  }
  return checkArchive(data);
}

/**
 * Checks archive data as the archive door does: the schema (every limit of domain/limits.ts
 * included), then keys and links. Also run on the archive a project would have after an
 * import, so that what the app writes always imports again.
 */
export function checkArchive(data: unknown): { archive: Archive } | { problems: ArchiveProblem[] } {
  const result = archiveSchema.safeParse(data);
  if (!result.success) {
    return {
      problems: result.error.issues.slice(0, 20).map((issue) => ({
        path: describeArchivePlace(data, issue.path),
        message: issue.message,
      })),
    };
  }
  const archive = result.data;
  const place = (path: PropertyKey[]) => describeArchivePlace(archive, path);
  const problems: ArchiveProblem[] = [];
  const organizations = new Set(archive.organizations.map((o) => o.key));
  const people = new Set(archive.people.map((p) => p.key));
  const seen = new Set<string>();
  // Places are put in words only for a problem found.
  const unique = (k: string, path: () => string) => {
    if (seen.has(k)) problems.push({ path: path(), message: `The key "${k}" appears twice.` });
    seen.add(k);
  };
  // A uid names one record: twice in one table would merge two records into one.
  const uids = new Map<string, Set<string>>();
  const uniqueUid = (table: string, u: string | undefined, path: () => string) => {
    if (u === undefined) return;
    const seenHere = uids.get(table) ?? new Set<string>();
    if (seenHere.has(u)) problems.push({ path: path(), message: `The uid "${u}" appears twice.` });
    seenHere.add(u);
    uids.set(table, seenHere);
  };
  archive.organizations.forEach((o, i) => {
    unique(o.key, () => place(['organizations', i, 'key']));
    uniqueUid('organization', o.uid, () => place(['organizations', i, 'uid']));
  });
  archive.people.forEach((p, i) => {
    unique(p.key, () => place(['people', i, 'key']));
    uniqueUid('person', p.uid, () => place(['people', i, 'uid']));
    if (p.organization !== null && !organizations.has(p.organization)) problems.push({ path: place(['people', i, 'organization']), message: `No organization has the key "${p.organization}".` });
  });
  archive.adopters.forEach((a, i) => {
    unique(a.key, () => place(['adopters', i, 'key']));
    uniqueUid('adopter', a.uid, () => place(['adopters', i, 'uid']));
    a.allowances.forEach((al, j) => uniqueUid('allowance', al.uid, () => place(['adopters', i, 'allowances', j, 'uid'])));
    a.dismissals?.forEach((d, j) => uniqueUid('dismissal', d.uid, () => place(['adopters', i, 'dismissals', j, 'uid'])));
    if (!organizations.has(a.organization)) problems.push({ path: place(['adopters', i, 'organization']), message: `No organization has the key "${a.organization}".` });
    a.interviews.forEach((iv, j) => {
      unique(iv.key, () => place(['adopters', i, 'interviews', j, 'key']));
      uniqueUid('interview', iv.uid, () => place(['adopters', i, 'interviews', j, 'uid']));
      iv.answers.forEach((an, k) => uniqueUid('answer', an.uid, () => place(['adopters', i, 'interviews', j, 'answers', k, 'uid'])));
      iv.participants.forEach((p, k) => {
        uniqueUid('participant', p.uid, () => place(['adopters', i, 'interviews', j, 'participants', k, 'uid']));
        if (!people.has(p.person)) problems.push({ path: place(['adopters', i, 'interviews', j, 'participants', k, 'person']), message: `No person has the key "${p.person}".` });
      });
      iv.quotes.forEach((q, k) => {
        unique(q.key, () => place(['adopters', i, 'interviews', j, 'quotes', k, 'key']));
        uniqueUid('quote', q.uid, () => place(['adopters', i, 'interviews', j, 'quotes', k, 'uid']));
        if (q.speaker !== null && !people.has(q.speaker)) problems.push({ path: place(['adopters', i, 'interviews', j, 'quotes', k, 'speaker']), message: `No person has the key "${q.speaker}".` });
      });
    });
  });
  return problems.length ? { problems } : { archive };
}
