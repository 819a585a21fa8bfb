import { ADOPTER_DEFAULTS } from '../../../domain/adopter';
import { INTERVIEW_DEFAULTS } from '../../../domain/interview';
import { canonical } from '../../../templates/share/merge-values';
import { recordId, type ShareKind, type ShareRecord, type ShareSnapshot, type ShareValue } from '../../../templates/share/records';

/** Invented records of one shared project (Globex and Initech adopt it; Ana, Ben and Chloé review). */

type Fields = { [field: string]: ShareValue };

export const T0 = '2026-11-02T09:00:00.000Z';
export const at = (minute: number) => new Date(Date.parse(T0) + minute * 60_000).toISOString();

export const rec = (kind: ShareKind, uid: string, fields: Fields): ShareRecord => ({ kind, uid, fields: { createdAt: T0, updatedAt: T0, ...fields } });

export const snap = (...records: ShareRecord[]): ShareSnapshot => new Map(records.map((r) => [recordId(r.kind, r.uid), r]));

export function edit(snapshot: ShareSnapshot, kind: ShareKind, uid: string, patch: Fields, when: string): ShareSnapshot {
  const id = recordId(kind, uid);
  const record = snapshot.get(id);
  if (!record) throw new Error(`no ${id} to edit`);
  return new Map(snapshot).set(id, { ...record, fields: { ...record.fields, ...patch, updatedAt: when } });
}

export function add(snapshot: ShareSnapshot, ...records: ShareRecord[]): ShareSnapshot {
  const out = new Map(snapshot);
  for (const r of records) out.set(recordId(r.kind, r.uid), r);
  return out;
}

export function remove(snapshot: ShareSnapshot, ...ids: string[]): ShareSnapshot {
  const out = new Map(snapshot);
  for (const id of ids) out.delete(id);
  return out;
}

export const field = (snapshot: ShareSnapshot, kind: ShareKind, uid: string, name: string): ShareValue | undefined => snapshot.get(recordId(kind, uid))?.fields[name];

export const ofKind = (snapshot: ShareSnapshot, kind: ShareKind): ShareRecord[] => [...snapshot.values()].filter((r) => r.kind === kind);

export const adopter = (uid: string, number: number, organizationUid: string, more: Fields = {}) =>
  rec('adopter', uid, { number, organizationUid, ...ADOPTER_DEFAULTS, ...more });

export const interview = (uid: string, adopterUid: string, more: Fields = {}) =>
  rec('interview', uid, { adopterUid, ...INTERVIEW_DEFAULTS, date: '2026-10-20', month: '2026-10', interviewers: ['Ana'], durationMinutes: 45, summary: 'Globex runs it on three clusters.', ...more });

/** The project every case starts from: Globex (Adopter 1, anonymous) interviewed once, Initech (Adopter 2). */
export function baseProject(): ShareSnapshot {
  return snap(
    rec('project', 'p1', { slug: 'globex-mesh', name: 'Globex Mesh', level: 'incubation', notes: '', archived: false, applicationUrl: null, ddPullRequestUrl: null, adoptersFileUrl: null }),
    rec('organization', 'o-globex', { name: 'Globex Corporation', aliases: ['Globex'], website: 'https://globex.example.com', industry: 'Finance' }),
    rec('organization', 'o-initech', { name: 'Initech', aliases: [], website: null, industry: 'Software' }),
    rec('person', 'pe-pat', { name: 'Pat Doe', role: 'Platform lead', email: null, organizationUid: 'o-globex', maintainer: false }),
    adopter('a1', 1, 'o-globex', { anonymous: true, publicLabel: 'A financial services company' }),
    adopter('a2', 2, 'o-initech'),
    rec('allowance', 'al1', { adopterUid: 'a1', term: 'Mesh', entryNumber: 1, note: 'the product name' }),
    interview('i1', 'a1'),
    rec('participant', 'pa1', { interviewUid: 'i1', personUid: 'pe-pat', anonymous: true, role: null, position: 1 }),
    rec('answer', 'an1', { interviewUid: 'i1', questionKey: 'q1', text: 'Since 2023.' }),
    rec('quote', 'qu1', { interviewUid: 'i1', text: 'It just works.', speakerUid: 'pe-pat', approved: false, tags: ['reliability'] }),
  );
}

/** A snapshot as one comparable text: records in id order, fields with sorted keys. */
export const fingerprint = (snapshot: ShareSnapshot): string =>
  [...snapshot.keys()]
    .sort()
    .map((id) => `${id} ${canonical(snapshot.get(id)!.fields)}`)
    .join('\n');
