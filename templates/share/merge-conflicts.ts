import { createHash } from 'node:crypto';
import { SHARE_KINDS, recordId, type ShareKind, type ShareRecord, type ShareValue } from './records';
import type { ConflictOpened } from './merge-report';
import { mergeSet } from './merge-values';

/**
 * Open text conflicts, as records of kind `conflict` that travel to every reviewer
 * (`conflicts/<uid>.json`). One conflict per field of a record: its uid is derived from the
 * record and the field alone, so two reviewers who merge the same edits create the same record,
 * and a conflict opened again on the same field adds to the one still open. Its fields:
 *
 * - `recordKind`, `recordUid`, `field`: the text it is about (a summary, a quote's text…);
 * - `base`: the text both sides started from (null when there was none);
 * - `texts`: the competing texts `{ text, by }` (by: who wrote it, null when unknown). The
 *   record itself holds the text kept, so Compare shows base, mine (the record) and each of these.
 *
 * A reviewer resolves it by an ordinary edit: the text chosen goes in the record, and the
 * conflict record is deleted (or one of its texts removed). Conflict records merge as sets of
 * texts: a deletion removes every text it held, so a resolution on one side wins over an
 * unchanged conflict on the other, while a text the other side added since stays open.
 */

// A type, not an interface, so a list of them is a ShareValue.
export type ConflictText = { text: string; by: string | null };

export function conflictUid(kind: ShareKind, uid: string, field: string): string {
  return createHash('sha256').update(`${kind}\0${uid}\0${field}`, 'utf8').digest('hex').slice(0, 32);
}

export const conflictId = (kind: ShareKind, uid: string, field: string): string => recordId('conflict', conflictUid(kind, uid, field));

/** A competing text; a text nobody wrote (null or empty) is not one. */
export const isWritten = (value: ShareValue | undefined): value is string => typeof value === 'string' && value !== '';

export function conflictTexts(record: ShareRecord | undefined): ConflictText[] {
  const texts = record?.fields.texts;
  if (!Array.isArray(texts)) return [];
  return (texts as readonly ShareValue[]).flatMap((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
    const entry = item as { readonly [key: string]: ShareValue };
    return typeof entry.text === 'string' ? [{ text: entry.text, by: typeof entry.by === 'string' ? entry.by : null }] : [];
  });
}

/** The record a conflict is about, as a record id, or null when its fields do not name one. */
export function conflictSubject(record: ShareRecord): string | null {
  const { recordKind, recordUid } = record.fields;
  if (typeof recordUid !== 'string' || !(SHARE_KINDS as readonly unknown[]).includes(recordKind) || recordKind === 'conflict') return null;
  return recordId(recordKind as ShareKind, recordUid);
}

/**
 * A conflict deleted on one side and changed on the other: what remains open is the texts the
 * other side added since the base (the deletion resolved the others); nothing remains → deleted.
 */
export function mergeDeletedConflict(base: ShareRecord, kept: ShareRecord): ShareRecord | undefined {
  const texts = mergeSet(base.fields.texts, [], kept.fields.texts);
  return texts.length === 0 ? undefined : { ...kept, fields: { ...kept.fields, texts } };
}

/** A text that lost to mine, waiting to be added to its field's conflict. */
export interface PendingConflict {
  about: { kind: ShareKind; uid: string; field: string };
  base: ShareValue | undefined;
  text: string;
  by: string | null;
  /** The later `updatedAt` of the two sides: the conflict's own stamp, so it is the same for everyone. */
  at: string;
}

/**
 * Adds each pending text to its field's conflict record (creating it), unless the record
 * already holds that text or the conflict already lists it. Returns what was opened.
 */
export function openConflicts(merged: Map<string, ShareRecord>, pending: readonly PendingConflict[]): ConflictOpened[] {
  const opened: ConflictOpened[] = [];
  for (const item of pending) {
    const { kind, uid, field } = item.about;
    const subject = merged.get(recordId(kind, uid));
    if (!subject || subject.fields[field] === item.text) continue;
    const id = conflictId(kind, uid, field);
    const existing = merged.get(id);
    const texts = conflictTexts(existing);
    if (texts.some((t) => t.text === item.text)) continue;
    const entry = { text: item.text, by: item.by };
    const fields: ShareRecord['fields'] = existing
      ? { ...existing.fields, texts: [...texts, entry], updatedAt: maxStamp(existing.fields.updatedAt, item.at) }
      : { recordKind: kind, recordUid: uid, field, base: item.base ?? null, texts: [entry], createdAt: item.at, updatedAt: item.at };
    const conflict: ShareRecord = { kind: 'conflict', uid: conflictUid(kind, uid, field), fields };
    merged.set(id, conflict);
    opened.push({ conflictUid: conflict.uid, about: { kind, uid, field }, text: item.text, by: item.by });
  }
  return opened;
}

const maxStamp = (a: ShareValue | undefined, b: string): string => (typeof a === 'string' && a > b ? a : b);
