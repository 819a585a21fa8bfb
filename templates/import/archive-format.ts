import type { ArchiveInput } from './archive-schema';

export type { Archive, ArchiveAdopter, ArchiveInput, ArchiveInterview } from './archive-schema';

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
 *
 * Its schema is archive-schema.ts; reading and checking a file is archive-check.ts.
 */

export const ARCHIVE_FORMAT = 'adoption-desk-archive';
export const ARCHIVE_VERSION = 3;
/** Versions this app reads: 1 (no stable ids), 2 (no dismissed warnings) and the current one. */
export const ARCHIVE_VERSIONS = [1, 2, ARCHIVE_VERSION] as const;

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
