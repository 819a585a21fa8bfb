import { recordId, type ShareRecord, type ShareSnapshot, type ShareValue } from './records';
import { conflictSubject, conflictTexts, type ConflictText } from './merge-conflicts';
import { LINKS } from './merge-rules';

/**
 * What the screens need of open conflicts: Compare's three texts, and which adopter each
 * conflict is about (an adopter with an open conflict is not published until it is resolved).
 */

export interface CompareView {
  /** The conflict record's uid: deleting that record resolves it. */
  conflictUid: string;
  about: { kind: ShareRecord['kind']; uid: string; field: string };
  base: string | null;
  /** The text the record holds now. */
  mine: string | null;
  /** Each competing text, with who wrote it. */
  theirs: ConflictText[];
}

const asText = (value: ShareValue | undefined): string | null => (typeof value === 'string' ? value : null);

/** Base, mine and theirs of one conflict, or null when the record it is about is gone. */
export function compareView(snapshot: ShareSnapshot, conflict: ShareRecord): CompareView | null {
  const subjectId = conflictSubject(conflict);
  const subject = subjectId === null ? undefined : snapshot.get(subjectId);
  const field = conflict.fields.field;
  if (!subject || typeof field !== 'string') return null;
  return {
    conflictUid: conflict.uid,
    about: { kind: subject.kind, uid: subject.uid, field },
    base: asText(conflict.fields.base),
    mine: asText(subject.fields[field]),
    theirs: conflictTexts(conflict),
  };
}

/** The adopter a record belongs to, following its links upward (an answer → its interview → its adopter). */
export function adopterOf(snapshot: ShareSnapshot, record: ShareRecord): string | null {
  let current: ShareRecord | undefined = record;
  for (let step = 0; current && step < 4; step++) {
    if (current.kind === 'adopter') return current.uid;
    if (current.kind === 'conflict') {
      const subject = conflictSubject(current);
      current = subject === null ? undefined : snapshot.get(subject);
      continue;
    }
    const up: { field: string; to: ShareRecord['kind'] } | undefined = (LINKS[current.kind] ?? []).find((l) => l.to === 'adopter' || l.to === 'interview');
    const uid = up ? current.fields[up.field] : undefined;
    current = up && typeof uid === 'string' ? snapshot.get(recordId(up.to, uid)) : undefined;
  }
  return null;
}

/** The open conflicts of a snapshot by adopter uid (conflicts about a project, person or organization are under null). */
export function conflictsByAdopter(snapshot: ShareSnapshot): Map<string | null, ShareRecord[]> {
  const out = new Map<string | null, ShareRecord[]>();
  for (const record of snapshot.values()) {
    if (record.kind !== 'conflict') continue;
    const adopter = adopterOf(snapshot, record);
    out.set(adopter, [...(out.get(adopter) ?? []), record]);
  }
  return out;
}
