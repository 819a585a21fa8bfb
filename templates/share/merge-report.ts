import type { ShareKind, ShareSnapshot, ShareValue } from './records';
import { sameRecord } from './merge-values';

/**
 * What a merge did, as data the Sync report and the change label are worded from ("Sync with
 * the team: 7 records from Ana, Ben"). "Mine" is the store syncing; "theirs" the remote.
 */

export interface RecordChange {
  /** recordId(kind, uid). */
  id: string;
  kind: ShareKind;
  uid: string;
  change: 'added' | 'changed' | 'deleted';
  /** Who last changed it on the remote, when the caller knows (git's author of the file). */
  author: string | null;
}

export interface ConflictOpened {
  /** The conflict record's uid (kind `conflict`). */
  conflictUid: string;
  about: { kind: ShareKind; uid: string; field: string };
  /** The competing text added to the conflict (mine stays in the record). */
  text: string;
  by: string | null;
}

export interface LastWriterLoss {
  id: string;
  kind: ShareKind;
  uid: string;
  /** The field, or `stageDates.production` for one key of a map. */
  field: string;
  kept: ShareValue | null;
  lost: ShareValue | null;
  /** The side whose value was kept. */
  keptFrom: 'mine' | 'theirs';
}

/**
 * A teammate's change that weakens anonymity: publishing waits until someone acknowledges it
 * (issue 19, "Publishing stays safe").
 */
export interface Acknowledgement {
  reason: 'anonymity-off' | 'allowance';
  /** The adopter, participant or allowance record. */
  id: string;
  kind: ShareKind;
  /** The adopter it concerns (null when its link cannot be followed). */
  adopterUid: string | null;
  adopterNumber: number | null;
  by: string | null;
}

export interface Renumbered {
  adopterUid: string;
  from: number;
  to: number;
}

export interface EditOverDeletion {
  id: string;
  kind: ShareKind;
  uid: string;
  /** The side that deleted it; the other side's edit (or a child's) brought it back. */
  deletedBy: 'mine' | 'theirs';
  /** Why it is back: its own edit, or a record of the merged result that links to it. */
  because: 'edited' | 'linked';
}

export interface Joined {
  kind: 'answer' | 'participant';
  kept: string;
  dropped: string;
}

export interface MergeReport {
  /** What the merge changes in my store, by record, with the remote's authors. */
  incoming: RecordChange[];
  /** The remote's authors behind `incoming`, sorted, unique. */
  incomingAuthors: string[];
  /** What pushing the result changes on the remote. */
  outgoing: RecordChange[];
  conflictsOpened: ConflictOpened[];
  lastWriterLosses: LastWriterLoss[];
  acknowledgements: Acknowledgement[];
  renumbered: Renumbered[];
  editsOverDeletions: EditOverDeletion[];
  /** Two answers to one question, or two participant records of one person, made one. */
  joined: Joined[];
}

/** Every record `after` adds, changes or deletes compared with `before`, in id order. */
export function changesBetween(before: ShareSnapshot, after: ShareSnapshot, authors?: ReadonlyMap<string, string>): RecordChange[] {
  const out: RecordChange[] = [];
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const id of ids) {
    const was = before.get(id);
    const is = after.get(id);
    const record = is ?? was;
    if (!record) continue;
    const change = !was ? 'added' : !is ? 'deleted' : sameRecord(was, is) ? null : 'changed';
    if (change) out.push({ id, kind: record.kind, uid: record.uid, change, author: authors?.get(id) ?? null });
  }
  return out;
}

export const authorsOf = (changes: readonly RecordChange[]): string[] =>
  [...new Set(changes.flatMap((c) => (c.author === null ? [] : [c.author])))].sort();
