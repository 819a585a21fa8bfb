import { recordId, type ShareKind, type ShareRecord, type ShareSnapshot, type ShareValue } from './records';
import { conflictTexts, isWritten, mergeDeletedConflict, openConflicts, type PendingConflict } from './merge-conflicts';
import { joinAnswers, joinParticipants, renumberAdopters } from './merge-keys';
import { restoreParents } from './merge-links';
import { authorsOf, changesBetween, type Acknowledgement, type EditOverDeletion, type LastWriterLoss, type MergeReport } from './merge-report';
import { fieldRule } from './merge-rules';
import { compareValues, lastWriter, mergeMap, mergeSet, sameRecord, sameValue, stamp } from './merge-values';

export type { MergeReport } from './merge-report';

/**
 * The merge of team mode (issue 19, "Merge rules"): the last snapshot both sides shared (the
 * base), this store's (mine) and the remote's (theirs) → one snapshot and what happened.
 * Pure and deterministic: the same three snapshots give the same result on every machine.
 *
 * A record changed on one side only passes through whole, so merging with a side that changed
 * nothing gives the other side exactly (a second Sync is a no-op, and syncs converge). A record
 * both sides changed merges field by field by templates/share/merge-rules.ts. Then the result
 * is made whole: deleted parents of kept children come back, natural keys are made unique
 * again, and the texts that lost become open conflicts. Linear in the number of records.
 */

export interface MergeInput {
  base: ShareSnapshot;
  mine: ShareSnapshot;
  theirs: ShareSnapshot;
  /** Who last changed each record on the remote (record id → name), from git's history. */
  theirAuthors?: ReadonlyMap<string, string>;
}

type Fields = { [field: string]: ShareValue };

interface Work {
  authorOf: (id: string) => string | null;
  pending: PendingConflict[];
  losses: LastWriterLoss[];
  overDeletions: EditOverDeletion[];
}

export function mergeSnapshots(input: MergeInput): { merged: ShareSnapshot; report: MergeReport } {
  const { base, mine, theirs, theirAuthors } = input;
  const work: Work = { authorOf: (id) => theirAuthors?.get(id) ?? null, pending: [], losses: [], overDeletions: [] };
  const merged = new Map<string, ShareRecord>();
  for (const id of [...new Set([...base.keys(), ...mine.keys(), ...theirs.keys()])].sort()) {
    const record = mergeRecord(id, base.get(id), mine.get(id), theirs.get(id), work);
    if (record) merged.set(id, record);
  }
  work.overDeletions.push(...restoreParents(merged, { base, mine, theirs }));
  const answers = joinAnswers(merged, base, mine, work.authorOf);
  const participants = joinParticipants(merged, base, mine);
  const renumbered = renumberAdopters(merged, base);
  // A text that lost on an answer joined into another now competes on the one kept.
  const keptFor = new Map(answers.joined.map((j) => [j.dropped, j.kept]));
  const pending = [...work.pending, ...answers.pending].map((p) =>
    p.about.kind === 'answer' && keptFor.has(p.about.uid) ? { ...p, about: { ...p.about, uid: keptFor.get(p.about.uid)! } } : p,
  );
  const conflictsOpened = openConflicts(merged, pending);
  const result = new Map([...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const incoming = changesBetween(mine, result, theirAuthors);
  return {
    merged: result,
    report: {
      incoming,
      incomingAuthors: authorsOf(incoming),
      outgoing: changesBetween(theirs, result),
      conflictsOpened,
      lastWriterLosses: work.losses,
      acknowledgements: acknowledgements(result, base, mine, work.authorOf),
      renumbered,
      editsOverDeletions: work.overDeletions,
      joined: [...answers.joined, ...participants],
    },
  };
}

function mergeRecord(id: string, b: ShareRecord | undefined, m: ShareRecord | undefined, t: ShareRecord | undefined, work: Work): ShareRecord | undefined {
  if (!m || !t) {
    const kept = m ?? t;
    if (!kept || !b) return kept; // added on one side (or gone on both)
    if (sameRecord(kept, b)) return undefined; // deleted on the other side, untouched here
    if (kept.kind === 'conflict') return mergeDeletedConflict(b, kept);
    work.overDeletions.push({ id, kind: kept.kind, uid: kept.uid, deletedBy: m ? 'theirs' : 'mine', because: 'edited' });
    return kept;
  }
  if (b && sameRecord(m, b)) return t;
  if (b && sameRecord(t, b)) return m;
  const record: ShareRecord = { kind: m.kind, uid: m.uid, fields: mergeFields(id, m.kind, m.uid, b?.fields, m.fields, t.fields, work) };
  // Both sides resolved different texts of one conflict: nothing is left open.
  return record.kind === 'conflict' && conflictTexts(record).length === 0 ? undefined : record;
}

function mergeFields(id: string, kind: ShareKind, uid: string, b: ShareRecord['fields'] | undefined, m: ShareRecord['fields'], t: ShareRecord['fields'], work: Work): Fields {
  const at = { mine: stamp(m, 'updatedAt'), theirs: stamp(t, 'updatedAt') };
  const out: Fields = {};
  for (const field of new Set([...Object.keys(m), ...Object.keys(t)])) {
    const [bv, mv, tv] = [b?.[field], m[field], t[field]];
    let value: ShareValue | undefined;
    if (sameValue(mv, bv)) value = tv;
    else if (sameValue(tv, bv) || sameValue(mv, tv)) value = mv;
    else value = settle({ id, kind, uid, field, bv, mv, tv, at }, work);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

interface Clash {
  id: string;
  kind: ShareKind;
  uid: string;
  field: string;
  bv: ShareValue | undefined;
  mv: ShareValue | undefined;
  tv: ShareValue | undefined;
  at: { mine: string; theirs: string };
}

/** A field both sides changed, to different values. */
function settle(c: Clash, work: Work): ShareValue | undefined {
  const { id, kind, uid, field, bv, mv, tv, at } = c;
  switch (fieldRule(kind, field)) {
    case 'text':
      if (isWritten(tv)) work.pending.push({ about: { kind, uid, field }, base: bv, text: tv, by: work.authorOf(id), at: at.mine > at.theirs ? at.mine : at.theirs });
      return mv;
    case 'set':
      return mergeSet(bv, mv, tv);
    case 'map': {
      const { value, losses } = mergeMap(bv, mv, tv, at);
      for (const loss of losses) work.losses.push(lossOf(id, kind, uid, `${field}.${loss.key}`, loss.kept, loss.lost, sameValue(loss.kept, (mv as Fields | undefined)?.[loss.key])));
      return value;
    }
    case 'anonymity':
      if (mv === true || tv === true) return true;
      return lastWriterValue(c, work);
    case 'created':
      return compareValues(mv, tv) <= 0 ? (mv ?? tv) : (tv ?? mv);
    case 'updated':
      return compareValues(mv, tv) >= 0 ? mv : tv;
    case 'value':
      return lastWriterValue(c, work);
  }
}

function lastWriterValue(c: Clash, work: Work): ShareValue | undefined {
  const winner = lastWriter({ value: c.mv, at: c.at.mine }, { value: c.tv, at: c.at.theirs });
  const [kept, lost] = winner === 'mine' ? [c.mv, c.tv] : [c.tv, c.mv];
  work.losses.push(lossOf(c.id, c.kind, c.uid, c.field, kept, lost, winner === 'mine'));
  return kept;
}

const lossOf = (id: string, kind: ShareKind, uid: string, field: string, kept: ShareValue | undefined, lost: ShareValue | undefined, mineKept: boolean): LastWriterLoss => ({
  id,
  kind,
  uid,
  field,
  kept: kept ?? null,
  lost: lost ?? null,
  keptFrom: mineKept ? 'mine' : 'theirs',
});

/**
 * What publishing must wait for: anonymity this store had that the merge turned off (an adopter's
 * or a participant's), and every allowance the merge adds or changes here.
 */
function acknowledgements(merged: ShareSnapshot, base: ShareSnapshot, mine: ShareSnapshot, authorOf: (id: string) => string | null): Acknowledgement[] {
  const out: Acknowledgement[] = [];
  const adopterOf = (record: ShareRecord): string | null => {
    const link = record.kind === 'adopter' ? record.uid : record.kind === 'participant' ? merged.get(recordId('interview', String(record.fields.interviewUid)))?.fields.adopterUid : record.fields.adopterUid;
    return typeof link === 'string' ? link : null;
  };
  const add = (reason: Acknowledgement['reason'], id: string, record: ShareRecord) => {
    const adopterUid = adopterOf(record);
    const number = adopterUid === null ? undefined : merged.get(recordId('adopter', adopterUid))?.fields.number;
    out.push({ reason, id, kind: record.kind, adopterUid, adopterNumber: typeof number === 'number' ? number : null, by: authorOf(id) });
  };
  for (const [id, record] of merged) {
    if ((record.kind === 'adopter' || record.kind === 'participant') && record.fields.anonymous === false) {
      if ((mine.get(id) ?? base.get(id))?.fields.anonymous === true) add('anonymity-off', id, record);
    }
    if (record.kind === 'allowance') {
      const before = mine.get(id);
      if (!before || !sameRecord(before, record)) add('allowance', id, record);
    }
  }
  return out;
}
