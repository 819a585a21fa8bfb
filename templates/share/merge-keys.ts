import { recordId, type ShareRecord, type ShareSnapshot, type ShareValue } from './records';
import { conflictId, conflictTexts, isWritten, type PendingConflict } from './merge-conflicts';
import type { Joined, Renumbered } from './merge-report';
import { stamp } from './merge-values';

/**
 * Natural keys two reviewers can both take without seeing each other: an adopter's public
 * number, the answer to one question of an interview, one person's place in an interview.
 * Each side alone is valid; the merged result keeps them unique.
 */

/** Which of several records keeps the key: the one the base had, else mine, else the earliest made. */
function keeperFirst(records: ShareRecord[], base: ShareSnapshot, mine: ShareSnapshot): ShareRecord[] {
  const rank = (r: ShareRecord) => (base.has(recordId(r.kind, r.uid)) ? 0 : mine.has(recordId(r.kind, r.uid)) ? 1 : 2);
  return [...records].sort((a, b) => rank(a) - rank(b) || byCreation(a, b));
}

/** Earliest made first; the uid breaks ties. */
export function byCreation(a: ShareRecord, b: ShareRecord): number {
  const x = stamp(a.fields, 'createdAt');
  const y = stamp(b.fields, 'createdAt');
  if (x !== y) return x < y ? -1 : 1;
  return a.uid === b.uid ? 0 : a.uid < b.uid ? -1 : 1;
}

function groupsOf(merged: Map<string, ShareRecord>, kind: ShareRecord['kind'], key: (r: ShareRecord) => string): ShareRecord[][] {
  const groups = new Map<string, ShareRecord[]>();
  for (const record of merged.values()) {
    if (record.kind !== kind) continue;
    const k = key(record);
    const group = groups.get(k);
    if (group) group.push(record);
    else groups.set(k, [record]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

const text = (value: ShareValue | undefined) => (typeof value === 'string' ? value : String(value));
const later = (a: ShareRecord, b: ShareRecord) => [stamp(a.fields, 'updatedAt'), stamp(b.fields, 'updatedAt')].sort()[1]!;

/**
 * Two answers to one question of one interview become one: the keeper's text stays, the other's
 * (and any conflict still open on it) become competing texts of the keeper's conflict.
 */
export function joinAnswers(
  merged: Map<string, ShareRecord>,
  base: ShareSnapshot,
  mine: ShareSnapshot,
  authorOf: (id: string) => string | null,
): { joined: Joined[]; pending: PendingConflict[] } {
  const joined: Joined[] = [];
  const pending: PendingConflict[] = [];
  for (const group of groupsOf(merged, 'answer', (r) => `${text(r.fields.interviewUid)}\0${text(r.fields.questionKey)}`)) {
    const [keeper, ...others] = keeperFirst(group, base, mine);
    const about = { kind: 'answer' as const, uid: keeper!.uid, field: 'text' };
    for (const other of others) {
      const id = recordId('answer', other.uid);
      merged.delete(id);
      joined.push({ kind: 'answer', kept: keeper!.uid, dropped: other.uid });
      const at = later(keeper!, other);
      const base = keeper!.fields.text;
      if (isWritten(other.fields.text)) pending.push({ about, base, text: other.fields.text, by: authorOf(id), at });
      const openOnOther = conflictId('answer', other.uid, 'text');
      for (const t of conflictTexts(merged.get(openOnOther))) pending.push({ about, base, text: t.text, by: t.by, at });
      merged.delete(openOnOther);
    }
  }
  return { joined, pending };
}

/** Two participant records of one person in one interview become one; anonymous if either is. */
export function joinParticipants(merged: Map<string, ShareRecord>, base: ShareSnapshot, mine: ShareSnapshot): Joined[] {
  const joined: Joined[] = [];
  for (const group of groupsOf(merged, 'participant', (r) => `${text(r.fields.interviewUid)}\0${text(r.fields.personUid)}`)) {
    const [keeper, ...others] = keeperFirst(group, base, mine);
    const fields = { ...keeper!.fields };
    for (const other of others) {
      merged.delete(recordId('participant', other.uid));
      joined.push({ kind: 'participant', kept: keeper!.uid, dropped: other.uid });
      if (other.fields.anonymous === true) fields.anonymous = true;
      if ((fields.role ?? null) === null && other.fields.role !== undefined) fields.role = other.fields.role;
      if (typeof other.fields.position === 'number' && typeof fields.position === 'number') fields.position = Math.min(fields.position, other.fields.position);
      if (stamp(other.fields, 'updatedAt') > stamp(fields, 'updatedAt')) fields.updatedAt = other.fields.updatedAt!;
    }
    merged.set(recordId('participant', keeper!.uid), { ...keeper!, fields });
  }
  return joined;
}

/**
 * Adopter numbers are public ("Adopter 4"), so two adopters never share one: the one that had
 * the number in the base keeps it, else the earliest made; each other one, earliest first, gets
 * the next number after the highest in use. An allowance limited to the old entry follows it.
 */
export function renumberAdopters(merged: Map<string, ShareRecord>, base: ShareSnapshot): Renumbered[] {
  const adopters = [...merged.values()].filter((r) => r.kind === 'adopter' && typeof r.fields.number === 'number');
  const byNumber = new Map<number, ShareRecord[]>();
  for (const a of adopters) byNumber.set(a.fields.number as number, [...(byNumber.get(a.fields.number as number) ?? []), a]);
  const keptBy = (r: ShareRecord) => base.get(recordId('adopter', r.uid))?.fields.number === r.fields.number;
  const movers = [...byNumber.values()]
    .filter((g) => g.length > 1)
    .flatMap((g) => [...g].sort((a, b) => Number(keptBy(b)) - Number(keptBy(a)) || byCreation(a, b)).slice(1))
    .sort(byCreation);
  if (movers.length === 0) return [];
  let next = Math.max(...adopters.map((a) => a.fields.number as number));
  const renumbered: Renumbered[] = [];
  for (const adopter of movers) {
    const from = adopter.fields.number as number;
    const to = ++next;
    merged.set(recordId('adopter', adopter.uid), { ...adopter, fields: { ...adopter.fields, number: to } });
    renumbered.push({ adopterUid: adopter.uid, from, to });
    for (const [id, r] of merged) {
      if (r.kind === 'allowance' && r.fields.adopterUid === adopter.uid && r.fields.entryNumber === from) merged.set(id, { ...r, fields: { ...r.fields, entryNumber: to } });
    }
  }
  return renumbered;
}
