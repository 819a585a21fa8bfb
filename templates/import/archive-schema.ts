import { z } from 'zod';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive-format';
import { adopterFields, adopterNumber } from '../../domain/adopter';
import { allowanceFields } from '../../domain/allowance';
import { dismissalFields } from '../../domain/dismissal';
import { interviewFields, participantFields, questionKey, quoteFields } from '../../domain/interview';
import { organizationFields } from '../../domain/organization';
import { personFields } from '../../domain/person';
import { projectFields, projectSlug } from '../../domain/project';

/**
 * The archive's schema (templates/import/archive-format.ts tells the format), in two forms.
 * Each record that holds a list of records has a *shell*: its own fields checked, its lists
 * only required to be lists. The full schema is the shells with their lists filled in.
 * archive-check.ts checks a file shell by shell and stops at the first problems it reports;
 * one schema pass over a file of thousands of broken records gathered every problem of every
 * record (a 5 MB file took 30 s and 3.7 GB before it was refused, a 20 MB one ran out of memory).
 */

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/, 'A timestamp is ISO 8601 in UTC, like 2024-09-17T10:00:00.000Z.');
const stamps = { createdAt: timestamp, updatedAt: timestamp };
const key = z.string().min(1).max(600);
/** A record's stable id (a UUID when this app wrote it); absent in version 1 archives. */
const uid = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'A uid is letters, digits and dashes, like a UUID.').optional();
/** A list whose items are checked one by one, each with its own schema. */
const list = z.array(z.unknown());

export const archiveRecords = {
  organization: z.object({ key, uid, ...organizationFields.shape, ...stamps }).strict(),
  person: z.object({ key, uid, ...personFields.omit({ organizationId: true }).shape, organization: key.nullable(), ...stamps }).strict(),
  allowance: allowanceFields.omit({ adopterId: true }).extend({ uid, ...stamps }).strict(),
  /** A warning the reviewer dismissed for the adopter (domain/dismissal.ts), by its fingerprint. */
  dismissal: dismissalFields.omit({ adopterId: true }).extend({ uid, ...stamps }).strict(),
  participant: z.object({ uid, person: key, anonymous: z.boolean(), role: participantFields.shape.role, position: z.number().int().min(1) }).strict(),
  answer: z.object({ uid, questionKey, text: z.string(), ...stamps }).strict(),
  quote: z.object({ key, uid, ...quoteFields.shape, speaker: key.nullable(), ...stamps }).omit({ speakerPersonId: true }).strict(),
};

export const archiveShells = {
  interview: z.object({ key, uid, ...interviewFields.shape, participants: list, answers: list, quotes: list, ...stamps }).strict(),
  adopter: z
    .object({
      key,
      uid,
      number: adopterNumber,
      ...adopterFields.omit({ organizationId: true }).shape,
      namedLabel: adopterFields.shape.namedLabel.optional(),
      organization: key,
      allowances: list,
      /** Since version 3; absent in older archives, which carried none. */
      dismissals: list.optional(),
      interviews: list,
      ...stamps,
    })
    .strict(),
  archive: z
    .object({
      format: z.literal(ARCHIVE_FORMAT, { error: () => `This is not an Adoption Desk archive (its "format" is not "${ARCHIVE_FORMAT}").` }),
      version: z.union([z.literal(1), z.literal(2), z.literal(ARCHIVE_VERSION)], {
        error: (issue) =>
          typeof issue.input === 'number' && issue.input > ARCHIVE_VERSION
            ? `This archive was written by a newer version of Adoption Desk (archive version ${issue.input}; this one reads versions 1 to ${ARCHIVE_VERSION}). Update Adoption Desk to import it.`
            : `This archive's version is not one Adoption Desk has written (it reads versions 1 to ${ARCHIVE_VERSION}).`,
      }),
      project: z.object({ key, uid, slug: projectSlug, ...projectFields.shape, ...stamps }).strict(),
      organizations: list,
      people: list,
      adopters: list,
    })
    .strict(),
};

const interview = archiveShells.interview.extend({
  participants: z.array(archiveRecords.participant),
  answers: z.array(archiveRecords.answer),
  quotes: z.array(archiveRecords.quote),
});
const adopter = archiveShells.adopter.extend({
  allowances: z.array(archiveRecords.allowance),
  dismissals: z.array(archiveRecords.dismissal).optional(),
  interviews: z.array(interview),
});
/** The whole archive as one schema: its types, and what the shells together check. */
export const archiveSchema = archiveShells.archive.extend({
  organizations: z.array(archiveRecords.organization),
  people: z.array(archiveRecords.person),
  adopters: z.array(adopter),
});

export type Archive = z.output<typeof archiveSchema>;
export type ArchiveInput = z.input<typeof archiveSchema>;
export type ArchiveAdopter = Archive['adopters'][number];
export type ArchiveInterview = ArchiveAdopter['interviews'][number];
