import { recordId, type ShareRecord, type ShareSnapshot } from './records';
import { conflictSubject } from './merge-conflicts';
import { LINKS } from './merge-rules';
import type { EditOverDeletion } from './merge-report';

/** The record ids a record links to: its parents, the person it names, what a conflict is about. */
export function linksOf(record: ShareRecord): string[] {
  if (record.kind === 'conflict') {
    const subject = conflictSubject(record);
    return subject ? [subject] : [];
  }
  return (LINKS[record.kind] ?? []).flatMap(({ field, to }) => {
    const uid = record.fields[field];
    return typeof uid === 'string' ? [recordId(to, uid)] : [];
  });
}

/**
 * No link of the result names a missing record. A record one side deleted comes back when the
 * other side edited or added something that links to it (an interview under a deleted adopter,
 * a quote of a deleted person): the work is kept, and the deletion reported as undone. Each side
 * alone is whole, so the side that holds the child holds its parent too.
 */
export function restoreParents(merged: Map<string, ShareRecord>, sides: { base: ShareSnapshot; mine: ShareSnapshot; theirs: ShareSnapshot }): EditOverDeletion[] {
  const restored: EditOverDeletion[] = [];
  const queue = [...merged.values()];
  while (queue.length > 0) {
    const record = queue.pop()!;
    for (const id of linksOf(record)) {
      if (merged.has(id)) continue;
      const parent = sides.mine.get(id) ?? sides.theirs.get(id) ?? sides.base.get(id);
      if (!parent) {
        // A conflict about a record no one holds any more has nothing left to resolve.
        if (record.kind === 'conflict') merged.delete(recordId('conflict', record.uid));
        continue;
      }
      merged.set(id, parent);
      queue.push(parent);
      restored.push({ id, kind: parent.kind, uid: parent.uid, deletedBy: sides.mine.has(id) ? 'theirs' : 'mine', because: 'linked' });
    }
  }
  return restored;
}

/** Links of a snapshot that name a record it lacks, as "child → missing" pairs. */
export function danglingLinks(snapshot: ShareSnapshot): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const [from, record] of snapshot) for (const to of linksOf(record)) if (!snapshot.has(to)) out.push({ from, to });
  return out;
}
