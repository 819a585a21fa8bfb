import fc from 'fast-check';
import { STAGES } from '../../../domain/vocabulary';
import { mergeSnapshots } from '../../../templates/share/merge';
import { conflictSubject, conflictTexts, isWritten } from '../../../templates/share/merge-conflicts';
import { linksOf } from '../../../templates/share/merge-links';
import { textFields } from '../../../templates/share/merge-rules';
import { recordId, type ShareKind, type ShareRecord, type ShareSnapshot, type ShareValue } from '../../../templates/share/records';
import { adopter, at, interview, ofKind, rec } from './merge-fixtures';

/**
 * Three reviewers (Ana, Ben, Chloé) editing one project and syncing through a shared remote, as
 * git does it: the remote's head, each reviewer's head and merge base (the last snapshot they
 * shared with the remote). A sync merges base, mine and the remote, and the result becomes the
 * remote, the reviewer's head and their new base. Each reviewer's own edits keep their store
 * whole (links resolve, numbers unique), as the app does.
 */

export const REVIEWERS = ['Ana', 'Ben', 'Chloé'] as const;

const EDITS = [
  'summary',
  'summary',
  'summary',
  'text',
  'text',
  'text',
  'stage',
  'duration',
  'interviewers',
  'tags',
  'stageDates',
  'anonymity',
  'newAdopter',
  'newInterview',
  'newAnswer',
  'newAnswer',
  'newParticipant',
  'newParticipant',
  'newQuote',
  'newPerson',
  'newAllowance',
  'delete',
  'resolve',
] as const;
export type EditKind = (typeof EDITS)[number];

export interface Edit {
  kind: EditKind;
  who: number;
  pick: number;
  pick2: number;
  /** Minutes after the start: few, so updates often tie and the tie-break is exercised. */
  minute: number;
}
export type Step = { sync: number } | Edit;

export const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...EDITS),
  who: fc.nat(2),
  // Mostly the first few records, so reviewers often edit the same ones.
  pick: fc.oneof(fc.nat(2), fc.nat(1000)),
  pick2: fc.oneof(fc.nat(2), fc.nat(1000)),
  minute: fc.nat(40),
});
export const stepArb: fc.Arbitrary<Step> = fc.oneof({ arbitrary: editArb, weight: 3 }, { arbitrary: fc.record({ sync: fc.nat(2) }), weight: 1 });

type Fields = { [field: string]: ShareValue };
const sortedKind = (s: ShareSnapshot, kind: ShareKind) => ofKind(s, kind).sort((a, b) => (a.uid < b.uid ? -1 : 1));
const pickOne = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

function put(s: Map<string, ShareRecord>, record: ShareRecord, patch: Fields, when: string) {
  s.set(recordId(record.kind, record.uid), { ...record, fields: { ...record.fields, ...patch, updatedAt: when } });
}

/** Deletes a record as the store does: its children and the conflicts about it go too; a quote's speaker or a person's organization is unset. */
function deleteWithChildren(s: Map<string, ShareRecord>, id: string, when: string) {
  const doomed = [id];
  while (doomed.length > 0) {
    const gone = doomed.pop()!;
    if (!s.delete(gone)) continue;
    for (const [childId, child] of s) {
      if (!linksOf(child).includes(gone)) continue;
      if (child.kind === 'quote' && gone.startsWith('person:')) put(s, child, { speakerUid: null }, when);
      else if (child.kind === 'person') put(s, child, { organizationUid: null }, when);
      else doomed.push(childId);
    }
  }
}

const TEXT_KINDS: ShareKind[] = ['interview', 'answer', 'quote', 'adopter', 'organization', 'person', 'allowance'];

/** One reviewer's edit, applied to their own head. `n` numbers the edit: every text written is new. */
export function applyEdit(head: ShareSnapshot, e: Edit, n: number): ShareSnapshot {
  const s = new Map(head);
  const who = REVIEWERS[e.who]!;
  const when = at(e.minute);
  const made = { createdAt: when, updatedAt: when };
  const uid = `${e.kind.toLowerCase()}-${e.who}-${n}`;
  const adopters = sortedKind(s, 'adopter');
  const interviews = sortedKind(s, 'interview');
  const people = sortedKind(s, 'person');
  switch (e.kind) {
    case 'text': {
      const targets = TEXT_KINDS.flatMap((k) => sortedKind(s, k));
      const target = pickOne(targets, e.pick);
      if (!target) break;
      const name = pickOne(textFields(target.kind), e.pick2)!;
      put(s, target, { [name]: e.pick2 % 17 === 0 ? '' : `${who} wrote #${n}` }, when);
      break;
    }
    case 'summary': {
      // The same summary edited by several reviewers between syncs: the common conflict.
      const i = pickOne(interviews, e.pick % 2);
      if (i) put(s, i, { summary: `${who} wrote #${n}` }, when);
      break;
    }
    case 'stage': {
      const a = pickOne(adopters, e.pick);
      if (a) put(s, a, { stage: pickOne(STAGES, e.pick2)! }, when);
      break;
    }
    case 'duration': {
      const i = pickOne(interviews, e.pick);
      if (i) put(s, i, { durationMinutes: 15 + (e.pick2 % 4) * 15 }, when);
      break;
    }
    case 'interviewers':
    case 'tags': {
      const [list, name, items] = e.kind === 'interviewers' ? [interviews, 'interviewers', ['Ana', 'Ben', 'Chloé', 'Dana']] : [sortedKind(s, 'quote'), 'tags', ['cost', 'scale', 'speed']];
      const r = pickOne(list, e.pick);
      if (!r) break;
      const item = pickOne(items, e.pick2)!;
      const now = (r.fields[name] as string[]) ?? [];
      put(s, r, { [name]: now.includes(item) ? now.filter((x) => x !== item) : [...now, item] }, when);
      break;
    }
    case 'stageDates': {
      const a = pickOne(adopters, e.pick);
      if (!a) break;
      const key = pickOne(['contacted', 'scheduled', 'interviewed'], e.pick2)!;
      const dates = { ...(a.fields.stageDates as Fields) };
      if (e.pick2 % 5 === 0) delete dates[key];
      else dates[key] = `2026-10-${String(1 + (e.pick2 % 28)).padStart(2, '0')}`;
      put(s, a, { stageDates: dates }, when);
      break;
    }
    case 'anonymity': {
      const r = pickOne([...adopters, ...sortedKind(s, 'participant')], e.pick);
      if (r) put(s, r, { anonymous: r.fields.anonymous !== true }, when);
      break;
    }
    case 'newAdopter': {
      const org = pickOne(sortedKind(s, 'organization'), e.pick);
      if (!org) break;
      // The next number this reviewer sees free: two reviewers take the same one.
      const number = Math.max(0, ...adopters.map((a) => a.fields.number as number)) + 1;
      s.set(recordId('adopter', uid), adopter(uid, number, org.uid, { anonymous: e.pick2 % 2 === 0, notes: `${who} wrote #${n}`, ...made }));
      break;
    }
    case 'newInterview': {
      const a = pickOne(adopters, e.pick);
      if (a) s.set(recordId('interview', uid), interview(uid, a.uid, { summary: `${who} wrote #${n}`, ...made }));
      break;
    }
    case 'newAnswer': {
      const i = pickOne(interviews, e.pick);
      const questionKey = `q${2 + (e.pick2 % 2)}`; // q1 is answered in the base
      if (!i || sortedKind(s, 'answer').some((x) => x.fields.interviewUid === i.uid && x.fields.questionKey === questionKey)) break;
      s.set(recordId('answer', uid), rec('answer', uid, { interviewUid: i.uid, questionKey, text: `${who} wrote #${n}`, ...made }));
      break;
    }
    case 'newParticipant': {
      const i = pickOne(interviews, e.pick);
      const p = pickOne(people, e.pick2);
      if (!i || !p || sortedKind(s, 'participant').some((x) => x.fields.interviewUid === i.uid && x.fields.personUid === p.uid)) break;
      s.set(recordId('participant', uid), rec('participant', uid, { interviewUid: i.uid, personUid: p.uid, anonymous: e.pick2 % 2 === 0, role: null, position: 1 + (e.pick % 3), ...made }));
      break;
    }
    case 'newQuote': {
      const i = pickOne(interviews, e.pick);
      if (i) s.set(recordId('quote', uid), rec('quote', uid, { interviewUid: i.uid, text: `${who} wrote #${n}`, speakerUid: pickOne(people, e.pick2)?.uid ?? null, approved: false, tags: [], ...made }));
      break;
    }
    case 'newPerson': {
      const org = pickOne(sortedKind(s, 'organization'), e.pick);
      s.set(recordId('person', uid), rec('person', uid, { name: `${who} wrote #${n}`, role: null, email: null, organizationUid: org?.uid ?? null, maintainer: false, ...made }));
      break;
    }
    case 'newAllowance': {
      const a = pickOne(adopters, e.pick);
      if (a) s.set(recordId('allowance', uid), rec('allowance', uid, { adopterUid: a.uid, term: `${who} wrote #${n}`, entryNumber: null, note: '', ...made }));
      break;
    }
    case 'delete': {
      // Leaves first: deleting a whole adopter (and everything under it) is the rarer edit.
      const kinds: ShareKind[] = ['answer', 'quote', 'participant', 'allowance', 'interview', 'person', 'adopter'];
      const r = pickOne(kinds.flatMap((k) => sortedKind(s, k)), e.pick);
      if (r) deleteWithChildren(s, recordId(r.kind, r.uid), when);
      break;
    }
    case 'resolve': {
      // Compare: choose mine or one of the competing texts, then the conflict is deleted.
      const c = pickOne(sortedKind(s, 'conflict'), e.pick);
      const subjectId = c && conflictSubject(c);
      const subject = subjectId ? s.get(subjectId) : undefined;
      if (!c || !subject) break;
      const field = c.fields.field as string;
      const chosen = pickOne([subject.fields[field], ...conflictTexts(c).map((t) => t.text)], e.pick2);
      put(s, subject, { [field]: chosen ?? null }, when);
      s.delete(recordId('conflict', c.uid));
      break;
    }
  }
  return s;
}

export interface Team {
  remote: ShareSnapshot;
  heads: ShareSnapshot[];
  bases: ShareSnapshot[];
}

export const startTeam = (base: ShareSnapshot): Team => ({ remote: base, heads: [base, base, base], bases: [base, base, base] });

export interface SyncSeen {
  base: ShareSnapshot;
  mine: ShareSnapshot;
  theirs: ShareSnapshot;
  merged: ShareSnapshot;
}

/** One reviewer's Sync; `seen` is told every merge, for the properties to check. */
export function sync(team: Team, who: number, seen?: (s: SyncSeen) => void): void {
  const input = { base: team.bases[who]!, mine: team.heads[who]!, theirs: team.remote };
  const { merged } = mergeSnapshots(input);
  seen?.({ ...input, merged });
  team.remote = merged;
  team.heads[who] = merged;
  team.bases[who] = merged;
}

/** Texts a side wrote since the base: text fields it changed or created, competing texts it added. */
export function textsWritten(base: ShareSnapshot, side: ShareSnapshot): string[] {
  const out: string[] = [];
  for (const [id, r] of side) {
    const before = base.get(id);
    if (r.kind === 'conflict') {
      const had = new Set(conflictTexts(before).map((t) => t.text));
      for (const t of conflictTexts(r)) if (!had.has(t.text)) out.push(t.text);
      continue;
    }
    for (const name of textFields(r.kind)) {
      const value = r.fields[name];
      if (isWritten(value) && value !== before?.fields[name]) out.push(value);
    }
  }
  return out;
}

/** Every text a snapshot holds: in text fields, and in open conflicts. */
export function textsHeld(s: ShareSnapshot): Set<string> {
  const out = new Set<string>();
  for (const r of s.values()) {
    if (r.kind === 'conflict') for (const t of conflictTexts(r)) out.add(t.text);
    else for (const name of textFields(r.kind)) if (typeof r.fields[name] === 'string') out.add(r.fields[name]);
  }
  return out;
}
