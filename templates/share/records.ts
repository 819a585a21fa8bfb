/**
 * Team mode (docs/team.md): a project shared by two to four reviewers through a private Git
 * repository. What travels is the project's records, each on its own, named by its stable id
 * (`uid`, the same in every store). This file is the vocabulary the share format
 * (templates/share/format.ts: records ↔ the repository's files) and the merge
 * (templates/share/merge.ts: base, mine and theirs → one result) both speak.
 *
 * A record's fields are what the archive (templates/import/archive-format.ts) carries for it,
 * minus its nested lists: those are records of their own, and a link names the other record
 * by uid (an adopter's `organizationUid`, an interview's `adopterUid`, a quote's `speakerUid`).
 * Local ids, versions, the change log, settings, the search index and backups never travel.
 */

/**
 * Every kind of record a shared project holds; the order is the order records are written and
 * read. A `conflict` is an open text conflict (templates/share/merge.ts; its fields and uid in
 * templates/share/merge-conflicts.ts): it travels like any record, so every reviewer sees it
 * until someone resolves it (deletes it).
 */
export const SHARE_KINDS = ['project', 'organization', 'person', 'adopter', 'allowance', 'dismissal', 'interview', 'participant', 'answer', 'quote', 'conflict'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** A field's value: JSON, as the archive writes it. */
export type ShareValue = null | boolean | number | string | readonly ShareValue[] | { readonly [key: string]: ShareValue };

export interface ShareRecord {
  readonly kind: ShareKind;
  readonly uid: string;
  /** The record's own fields, links by uid, its createdAt/updatedAt included. */
  readonly fields: { readonly [field: string]: ShareValue };
}

/** One project's records, each under `recordId(kind, uid)`. A record absent is deleted (or trashed). */
export type ShareSnapshot = ReadonlyMap<string, ShareRecord>;

export const recordId = (kind: ShareKind, uid: string): string => `${kind}:${uid}`;
