/**
 * An open text conflict of a shared project, as the store keeps it (migration 12): the text of
 * one field of one record that two reviewers changed differently. The record keeps one text;
 * `texts` are the competing ones, `base` the text both started from
 * (templates/share/merge-conflicts.ts defines the record that travels).
 */
export interface ShareConflictRow {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  projectId: number;
  recordKind: string;
  recordUid: string;
  field: string;
  base: unknown;
  texts: { text: string; by: string | null }[];
}
