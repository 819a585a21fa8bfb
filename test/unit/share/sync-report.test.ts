import { describe, expect, it } from 'vitest';
import { fieldWords, syncChangeLabel, syncReport } from '../../../services/share/share-report';
import { recordIdOfPath, sameSnapshot } from '../../../services/share/share-sync';
import { statusLine, syncedWords } from '../../../services/share/share-service';
import type { MergeReport } from '../../../templates/share/merge-report';
import { recordId, type ShareRecord, type ShareSnapshot } from '../../../templates/share/records';

const record = (kind: ShareRecord['kind'], uid: string, fields: ShareRecord['fields']): [string, ShareRecord] => [recordId(kind, uid), { kind, uid, fields }];

const snapshot: ShareSnapshot = new Map([
  record('project', 'p', { name: 'Globex Mesh' }),
  record('organization', 'o', { name: 'Initech' }),
  record('adopter', 'a2', { number: 2, organizationUid: 'o', anonymous: false }),
  record('adopter', 'a7', { number: 7, organizationUid: 'o' }),
  record('interview', 'i', { adopterUid: 'a2', summary: 'Mine.' }),
]);

const empty: MergeReport = { incoming: [], incomingAuthors: [], outgoing: [], conflictsOpened: [], lastWriterLosses: [], acknowledgements: [], renumbered: [], editsOverDeletions: [], joined: [] };

describe('the Sync report in words', () => {
  const merge: MergeReport = {
    ...empty,
    incoming: [
      { id: 'adopter:a2', kind: 'adopter', uid: 'a2', change: 'changed', author: 'Ben' },
      { id: 'interview:i', kind: 'interview', uid: 'i', change: 'changed', author: 'Ana' },
      { id: 'conflict:c', kind: 'conflict', uid: 'c', change: 'added', author: null },
    ],
    outgoing: [{ id: 'adopter:a7', kind: 'adopter', uid: 'a7', change: 'added', author: null }],
    conflictsOpened: [{ conflictUid: 'c', about: { kind: 'interview', uid: 'i', field: 'summary' }, text: 'Theirs.', by: 'Ana' }],
    lastWriterLosses: [{ id: 'adopter:a2', kind: 'adopter', uid: 'a2', field: 'stageDates.production', kept: '2024-06-01', lost: '2024-05-01', keptFrom: 'theirs' }],
    acknowledgements: [{ reason: 'anonymity-off', id: 'adopter:a2', kind: 'adopter', adopterUid: 'a2', adopterNumber: 2, by: 'Ben' }],
    renumbered: [{ adopterUid: 'a7', from: 6, to: 7 }],
    editsOverDeletions: [{ id: 'interview:i', kind: 'interview', uid: 'i', deletedBy: 'mine', because: 'edited' }],
  };

  it('counts what arrived without the conflicts the merge opened, names authors, and labels the change', () => {
    expect(syncChangeLabel(merge)).toBe('Sync with the team: 2 records from Ana, Ben');
    expect(syncChangeLabel({ ...empty, conflictsOpened: merge.conflictsOpened, incoming: [merge.incoming[2]!] })).toBe('Sync with the team: 1 conflict');
    expect(syncChangeLabel({ ...empty, incoming: [{ ...merge.incoming[0]!, author: null }] })).toBe('Sync with the team: 1 record');
  });

  it('says each thing that happened, by adopter number and teammate', () => {
    const report = syncReport({ status: 'pushed', commit: 'c0ffee', at: '2026-12-03T09:12:00Z', attempts: 2, merges: [merge], merged: snapshot, mine: snapshot });
    expect(report).toMatchObject({ arrived: { count: 2, authors: ['Ana', 'Ben'] }, sent: 1, attempts: 2, renumbered: [{ adopterUid: 'a7', from: 6, to: 7, mine: true }] });
    expect(report.sentences).toEqual([
      '2 records arrived from Ana and Ben.',
      "Conflict: Adopter 2's interview — summary was changed by you and by Ana. Yours is kept; Ana's text waits in Compare until one of you chooses.",
      'Adopter 2 — stage date (production): “2024-06-01” (the team’s, written last) was kept over “2024-05-01”.',
      'Ben turned anonymity off for Adopter 2: public exports wait until someone acknowledges it.',
      'Two adopters were created as Adopter 6: yours is now Adopter 7. Numbers are public, so check what you wrote about them.',
      "Adopter 2's interview was deleted by you and edited by a teammate: the edit wins, it is back.",
      '1 record of yours sent to the team.',
    ]);
  });

  it('a Sync with nothing to do says so', () => {
    const report = syncReport({ status: 'up-to-date', commit: 'c0ffee', at: '2026-12-03T09:12:00Z', attempts: 1, merges: [], merged: snapshot, mine: snapshot });
    expect(report.sentences).toEqual(['Nothing new arrived from the team.']);
  });

  it('field words', () => {
    expect(fieldWords('usageLevel')).toBe('usage level');
    expect(fieldWords('rawNotes')).toBe('raw notes');
    expect(fieldWords('stageDates.production')).toBe('stage date (production)');
    expect(fieldWords('somethingNew')).toBe('something new');
  });
});

describe('the Sync’s helpers', () => {
  it('tells the record a file holds, an interview’s texts included', () => {
    expect(recordIdOfPath('adopters/a2.json')).toBe('adopter:a2');
    expect(recordIdOfPath('interviews/i.summary.md')).toBe('interview:i');
    expect(recordIdOfPath('interviews/i.raw-notes.md')).toBe('interview:i');
    expect(recordIdOfPath('interviews/i.json')).toBe('interview:i');
    expect(recordIdOfPath('README.md')).toBeNull();
    expect(recordIdOfPath('notes/x.json')).toBeNull();
    expect(recordIdOfPath('adopters/deep/x.json')).toBeNull();
  });

  it('compares snapshots record by record', () => {
    expect(sameSnapshot(snapshot, new Map(snapshot))).toBe(true);
    const changed = new Map(snapshot);
    changed.set('adopter:a2', { kind: 'adopter', uid: 'a2', fields: { number: 2, organizationUid: 'o', anonymous: true } });
    expect(sameSnapshot(snapshot, changed)).toBe(false);
  });

  it('words the status line', () => {
    const now = new Date(2026, 11, 3, 18, 0);
    const at = new Date(2026, 11, 3, 9, 12).toISOString();
    expect(syncedWords(null, now)).toBe('Never synced');
    expect(syncedWords(at, now)).toBe('Synced 09:12');
    expect(syncedWords(new Date(2026, 11, 2, 9, 12).toISOString(), now)).toBe('Synced 2 Dec 09:12');
    const row = {
      projectId: 1,
      projectName: 'Globex Mesh',
      slug: 'globex-mesh',
      remote: '/srv/team.git',
      lastSyncAt: at,
      toAcknowledge: [{ id: 1, adopterNumber: 2, what: 'x', by: 'Ben', at }],
      openConflicts: [{ uid: 'c', recordKind: 'interview', recordUid: 'i', field: 'summary', adopterNumber: 2, what: "Adopter 2's interview — summary", by: ['Ben'] }],
      changedHere: true,
      teamAhead: false,
    };
    expect(statusLine(row, now)).toBe('Synced 09:12 · 2 to review · changes to send');
    expect(statusLine({ ...row, toAcknowledge: [], openConflicts: [], changedHere: false, teamAhead: true }, now)).toBe('Synced 09:12 · teammates’ changes waiting');
  });
});
