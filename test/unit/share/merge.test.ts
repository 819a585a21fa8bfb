import { describe, expect, it } from 'vitest';
import { mergeSnapshots, type MergeInput } from '../../../templates/share/merge';
import { conflictId, conflictTexts, conflictUid } from '../../../templates/share/merge-conflicts';
import { danglingLinks } from '../../../templates/share/merge-links';
import type { ShareSnapshot } from '../../../templates/share/records';
import { add, adopter, at, baseProject, edit, field, fingerprint, interview, ofKind, rec, remove } from './merge-fixtures';

const base = baseProject();
const ben = new Map<string, string>();
const merge = (mine: ShareSnapshot, theirs: ShareSnapshot, authors: ReadonlyMap<string, string> = ben, from: ShareSnapshot = base) =>
  mergeSnapshots({ base: from, mine, theirs, theirAuthors: authors } satisfies MergeInput);
/** Every record the remote changed, written by Ben. */
const byBen = (theirs: ShareSnapshot) => new Map([...theirs.keys()].map((id) => [id, 'Ben']));
const conflictOn = (snapshot: ShareSnapshot, kind: 'interview' | 'answer' | 'adopter' | 'quote', uid: string, name: string) => snapshot.get(conflictId(kind, uid, name));

describe('a field changed on one side passes through', () => {
  it('takes their summary when I left it alone, and my stage when they left it alone', () => {
    const mine = edit(base, 'adopter', 'a2', { stage: 'interviewed' }, at(5));
    const theirs = edit(base, 'interview', 'i1', { summary: 'Globex runs it on five clusters.' }, at(6));
    const { merged, report } = merge(mine, theirs, byBen(theirs));
    expect(field(merged, 'interview', 'i1', 'summary')).toBe('Globex runs it on five clusters.');
    expect(field(merged, 'adopter', 'a2', 'stage')).toBe('interviewed');
    expect(report.conflictsOpened).toEqual([]);
    expect(report.incoming).toEqual([{ id: 'interview:i1', kind: 'interview', uid: 'i1', change: 'changed', author: 'Ben' }]);
    expect(report.outgoing.map((c) => c.id)).toEqual(['adopter:a2']);
  });

  it('merges two fields of one record changed on different sides', () => {
    const mine = edit(base, 'interview', 'i1', { summary: 'Mine.' }, at(5));
    const theirs = edit(base, 'interview', 'i1', { durationMinutes: 60 }, at(6));
    const { merged, report } = merge(mine, theirs);
    expect(field(merged, 'interview', 'i1', 'summary')).toBe('Mine.');
    expect(field(merged, 'interview', 'i1', 'durationMinutes')).toBe(60);
    expect(field(merged, 'interview', 'i1', 'updatedAt')).toBe(at(6));
    expect(report.lastWriterLosses).toEqual([]);
  });

  it('gives the other side exactly when one side changed nothing, either way round', () => {
    let changed = edit(base, 'quote', 'qu1', { approved: true, tags: ['scale'] }, at(3));
    changed = add(changed, adopter('a3', 3, 'o-initech'));
    changed = remove(changed, 'answer:an1');
    expect(fingerprint(merge(base, changed).merged)).toBe(fingerprint(changed));
    expect(fingerprint(merge(changed, base).merged)).toBe(fingerprint(changed));
    expect(merge(changed, changed, ben, changed).report.incoming).toEqual([]);
  });

  it('adds records created on either side', () => {
    const mine = add(base, rec('answer', 'an2', { interviewUid: 'i1', questionKey: 'q2', text: 'Mine.' }));
    const theirs = add(base, rec('answer', 'an3', { interviewUid: 'i1', questionKey: 'q3', text: 'Theirs.' }));
    const { merged, report } = merge(mine, theirs, byBen(theirs));
    expect(ofKind(merged, 'answer').map((a) => a.uid)).toEqual(['an1', 'an2', 'an3']);
    expect(report.incoming).toEqual([{ id: 'answer:an3', kind: 'answer', uid: 'an3', change: 'added', author: 'Ben' }]);
  });
});

describe('text changed on both sides: mine kept, theirs an open conflict', () => {
  const mine = edit(base, 'interview', 'i1', { summary: 'Globex runs it on four clusters (Ana).' }, at(5));
  const theirs = edit(base, 'interview', 'i1', { summary: 'Globex runs it on six clusters (Ben).' }, at(9));

  it('keeps my summary and opens a conflict holding the base and their text with its author', () => {
    const { merged, report } = merge(mine, theirs, byBen(theirs));
    expect(field(merged, 'interview', 'i1', 'summary')).toBe('Globex runs it on four clusters (Ana).');
    const conflict = conflictOn(merged, 'interview', 'i1', 'summary')!;
    expect(conflict.fields).toMatchObject({ recordKind: 'interview', recordUid: 'i1', field: 'summary', base: 'Globex runs it on three clusters.' });
    expect(conflictTexts(conflict)).toEqual([{ text: 'Globex runs it on six clusters (Ben).', by: 'Ben' }]);
    expect(report.conflictsOpened).toEqual([
      { conflictUid: conflict.uid, about: { kind: 'interview', uid: 'i1', field: 'summary' }, text: 'Globex runs it on six clusters (Ben).', by: 'Ben' },
    ]);
  });

  it('names the conflict by the record and field, so two reviewers merging the same edits write the same record', () => {
    const first = merge(mine, theirs, byBen(theirs)).merged;
    const again = merge(mine, theirs, byBen(theirs)).merged;
    expect(fingerprint(again)).toBe(fingerprint(first));
    expect(conflictOn(first, 'interview', 'i1', 'summary')!.uid).toBe(conflictUid('interview', 'i1', 'summary'));
    expect(conflictUid('interview', 'i1', 'summary')).not.toBe(conflictUid('interview', 'i1', 'rawNotes'));
  });

  it('opens nothing when both wrote the same text, or when they emptied a text I rewrote', () => {
    expect(merge(mine, mine).report.conflictsOpened).toEqual([]);
    const emptied = edit(base, 'interview', 'i1', { summary: '' }, at(9));
    const { merged, report } = merge(mine, emptied);
    expect(field(merged, 'interview', 'i1', 'summary')).toBe('Globex runs it on four clusters (Ana).');
    expect(report.conflictsOpened).toEqual([]);
  });

  it('applies to every kind of text: an answer, a quote, a vendor note, a public label, a name', () => {
    const cases = [
      ['answer', 'an1', 'text'],
      ['quote', 'qu1', 'text'],
      ['adopter', 'a1', 'vendorNote'],
      ['adopter', 'a1', 'publicLabel'],
      ['organization', 'o-globex', 'name'],
      ['person', 'pe-pat', 'name'],
      ['project', 'p1', 'notes'],
    ] as const;
    for (const [kind, uid, name] of cases) {
      const { merged } = merge(edit(base, kind, uid, { [name]: 'Ana wrote this' }, at(1)), edit(base, kind, uid, { [name]: 'Ben wrote this' }, at(2)));
      expect(field(merged, kind, uid, name)).toBe('Ana wrote this');
      expect(conflictTexts(merged.get(conflictId(kind, uid, name))).map((t) => t.text)).toEqual(['Ben wrote this']);
    }
  });

  it('adds a later competing text to the conflict still open', () => {
    const first = merge(mine, theirs).merged;
    const chloe = edit(first, 'interview', 'i1', { summary: 'Seven clusters (Chloé).' }, at(20));
    const ana = edit(first, 'interview', 'i1', { summary: 'Four clusters, checked (Ana).' }, at(21));
    const { merged } = merge(ana, chloe, new Map([['interview:i1', 'Chloé']]), first);
    expect(conflictTexts(conflictOn(merged, 'interview', 'i1', 'summary')).map((t) => [t.text, t.by])).toEqual([
      ['Globex runs it on six clusters (Ben).', null],
      ['Seven clusters (Chloé).', 'Chloé'],
    ]);
  });

  it('lets a resolution (the conflict deleted) win over the conflict left alone on the other side', () => {
    const open = merge(mine, theirs).merged;
    const resolved = remove(edit(open, 'interview', 'i1', { summary: 'Five clusters, agreed.' }, at(30)), conflictId('interview', 'i1', 'summary'));
    const untouched = edit(open, 'adopter', 'a2', { stage: 'interviewed' }, at(31));
    for (const [m, t] of [
      [resolved, untouched],
      [untouched, resolved],
    ] as const) {
      const { merged, report } = merge(m, t, ben, open);
      expect(conflictOn(merged, 'interview', 'i1', 'summary')).toBeUndefined();
      expect(field(merged, 'interview', 'i1', 'summary')).toBe('Five clusters, agreed.');
      expect(report.editsOverDeletions).toEqual([]);
    }
  });

  it('keeps open only the text added since, when one side resolved and the other added a competing text', () => {
    const open = merge(mine, theirs).merged;
    const id = conflictId('interview', 'i1', 'summary');
    const resolved = remove(edit(open, 'interview', 'i1', { summary: 'Five clusters, agreed.' }, at(30)), id);
    const texts = [...conflictTexts(open.get(id)), { text: 'Eight clusters (Chloé).', by: 'Chloé' }];
    const added = new Map(open).set(id, { ...open.get(id)!, fields: { ...open.get(id)!.fields, texts, updatedAt: at(31) } });
    for (const [m, t] of [
      [resolved, added],
      [added, resolved],
    ] as const) {
      const { merged } = merge(m, t, ben, open);
      expect(conflictTexts(merged.get(id))).toEqual([{ text: 'Eight clusters (Chloé).', by: 'Chloé' }]);
      expect(field(merged, 'interview', 'i1', 'summary')).toBe('Five clusters, agreed.');
    }
  });

  it('joins the same conflict opened on both sides into one record with every text', () => {
    const c = (text: string, by: string) => rec('conflict', conflictUid('quote', 'qu1', 'text'), { recordKind: 'quote', recordUid: 'qu1', field: 'text', base: 'It just works.', texts: [{ text, by }] });
    const { merged } = merge(add(base, c('It mostly works.', 'Ben')), add(base, c('It works well.', 'Chloé')));
    expect(conflictTexts(conflictOn(merged, 'quote', 'qu1', 'text'))).toEqual([
      { text: 'It mostly works.', by: 'Ben' },
      { text: 'It works well.', by: 'Chloé' },
    ]);
  });
});

describe('single values changed on both sides: the last writer wins', () => {
  it('keeps the stage written later and reports the lost one', () => {
    const mine = edit(base, 'adopter', 'a1', { stage: 'interviewed' }, at(10));
    const theirs = edit(base, 'adopter', 'a1', { stage: 'declined' }, at(12));
    const { merged, report } = merge(mine, theirs);
    expect(field(merged, 'adopter', 'a1', 'stage')).toBe('declined');
    expect(report.lastWriterLosses).toEqual([{ id: 'adopter:a1', kind: 'adopter', uid: 'a1', field: 'stage', kept: 'declined', lost: 'interviewed', keptFrom: 'theirs' }]);
    expect(field(merge(theirs, mine).merged, 'adopter', 'a1', 'stage')).toBe('declined');
  });

  it('keeps mine when I wrote later', () => {
    const mine = edit(base, 'adopter', 'a2', { usageLevel: 'production' }, at(15));
    const theirs = edit(base, 'adopter', 'a2', { usageLevel: 'pilot' }, at(12));
    const { merged, report } = merge(mine, theirs);
    expect(field(merged, 'adopter', 'a2', 'usageLevel')).toBe('production');
    expect(report.lastWriterLosses[0]).toMatchObject({ kept: 'production', lost: 'pilot', keptFrom: 'mine' });
  });

  it('breaks a tie on the clock by the values, the same whichever side merges', () => {
    const cases = [
      ['interview', 'i1', 'durationMinutes', 30, 90],
      ['interview', 'i1', 'date', '2026-10-21', '2026-10-19'],
      ['quote', 'qu1', 'speakerUid', null, 'pe-pat2'],
      ['person', 'pe-pat', 'maintainer', true, false],
    ] as const;
    for (const [kind, uid, name, x, y] of cases) {
      const a = edit(base, kind, uid, { [name]: x }, at(7));
      const b = edit(base, kind, uid, { [name]: y }, at(7));
      const one = merge(a, b).merged;
      const other = merge(b, a).merged;
      expect(field(one, kind, uid, name)).toBe(field(other, kind, uid, name));
      expect([x, y]).toContain(field(one, kind, uid, name));
    }
  });

  it('does not report a single value both sides set alike', () => {
    const mine = edit(base, 'adopter', 'a1', { stage: 'interviewed' }, at(10));
    const theirs = edit(base, 'adopter', 'a1', { stage: 'interviewed' }, at(12));
    expect(merge(mine, theirs).report.lastWriterLosses).toEqual([]);
  });
});

describe('sets and maps changed on both sides: both additions and removals apply', () => {
  it('merges interviewers added and removed on each side', () => {
    const mine = edit(base, 'interview', 'i1', { interviewers: ['Ana', 'Chloé'] }, at(5));
    const theirs = edit(base, 'interview', 'i1', { interviewers: ['Ben'] }, at(6));
    expect(field(merge(mine, theirs).merged, 'interview', 'i1', 'interviewers')).toEqual(['Chloé', 'Ben']);
  });

  it('merges aliases and tags the same way', () => {
    const mine = edit(edit(base, 'organization', 'o-globex', { aliases: ['Globex', 'GlobexPay'] }, at(5)), 'quote', 'qu1', { tags: [] }, at(5));
    const theirs = edit(edit(base, 'organization', 'o-globex', { aliases: ['Globex', 'Globex Cloud'] }, at(6)), 'quote', 'qu1', { tags: ['reliability', 'cost'] }, at(6));
    const { merged } = merge(mine, theirs);
    expect(field(merged, 'organization', 'o-globex', 'aliases')).toEqual(['Globex', 'GlobexPay', 'Globex Cloud']);
    expect(field(merged, 'quote', 'qu1', 'tags')).toEqual(['cost']);
  });

  it('merges stage dates key by key; one key set differently goes to the last writer', () => {
    const from = edit(base, 'adopter', 'a2', { stageDates: { contacted: '2026-09-01' } }, at(1));
    const mine = edit(from, 'adopter', 'a2', { stageDates: { contacted: '2026-09-01', scheduled: '2026-09-10', interviewed: '2026-10-01' } }, at(5));
    const theirs = edit(from, 'adopter', 'a2', { stageDates: { scheduled: '2026-09-12', declined: '2026-10-02' } }, at(6));
    const { merged, report } = merge(mine, theirs, ben, from);
    expect(field(merged, 'adopter', 'a2', 'stageDates')).toEqual({ declined: '2026-10-02', interviewed: '2026-10-01', scheduled: '2026-09-12' });
    expect(report.lastWriterLosses).toEqual([
      { id: 'adopter:a2', kind: 'adopter', uid: 'a2', field: 'stageDates.scheduled', kept: '2026-09-12', lost: '2026-09-10', keptFrom: 'theirs' },
    ]);
  });
});

describe('anonymity: safe side on a conflict, a teammate turning it off needs an acknowledgement', () => {
  it('applies a teammate turning an adopter named and asks to acknowledge it, naming the adopter', () => {
    const theirs = edit(base, 'adopter', 'a1', { anonymous: false }, at(4));
    const { merged, report } = merge(base, theirs, byBen(theirs));
    expect(field(merged, 'adopter', 'a1', 'anonymous')).toBe(false);
    expect(report.acknowledgements).toEqual([{ reason: 'anonymity-off', id: 'adopter:a1', kind: 'adopter', adopterUid: 'a1', adopterNumber: 1, by: 'Ben' }]);
  });

  it('asks nothing when I turned it off myself, or a teammate turned it on', () => {
    expect(merge(edit(base, 'adopter', 'a1', { anonymous: false }, at(4)), base).report.acknowledgements).toEqual([]);
    expect(merge(base, edit(base, 'adopter', 'a2', { anonymous: true }, at(4))).report.acknowledgements).toEqual([]);
  });

  it('asks to acknowledge a participant made named, under the adopter of the interview', () => {
    const theirs = edit(base, 'participant', 'pa1', { anonymous: false }, at(4));
    expect(merge(base, theirs).report.acknowledgements).toEqual([{ reason: 'anonymity-off', id: 'participant:pa1', kind: 'participant', adopterUid: 'a1', adopterNumber: 1, by: null }]);
  });

  it('resolves a disagreement to anonymous', () => {
    const make = (anonymous: boolean, minute: number) => rec('adopter', 'a9', { ...adopter('a9', 9, 'o-initech').fields, anonymous, updatedAt: at(minute) });
    for (const [m, t] of [
      [make(true, 1), make(false, 2)],
      [make(false, 2), make(true, 1)],
    ] as const) {
      expect(field(merge(add(base, m), add(base, t)).merged, 'adopter', 'a9', 'anonymous')).toBe(true);
    }
  });

  it('asks to acknowledge an allowance a teammate added or changed, not one I made', () => {
    const added = add(base, rec('allowance', 'al2', { adopterUid: 'a1', term: 'GlobexPay', entryNumber: null, note: '' }));
    expect(merge(base, added).report.acknowledgements.map((a) => [a.reason, a.id, a.adopterNumber])).toEqual([['allowance', 'allowance:al2', 1]]);
    const changed = edit(base, 'allowance', 'al1', { entryNumber: null }, at(3));
    expect(merge(base, changed).report.acknowledgements.map((a) => a.id)).toEqual(['allowance:al1']);
    expect(merge(added, base).report.acknowledgements).toEqual([]);
  });
});

describe('delete against edit: the edit wins, no link left dangling', () => {
  it('keeps a quote I deleted that they edited, and reports it', () => {
    const mine = remove(base, 'quote:qu1');
    const theirs = edit(base, 'quote', 'qu1', { approved: true }, at(8));
    const { merged, report } = merge(mine, theirs);
    expect(field(merged, 'quote', 'qu1', 'approved')).toBe(true);
    expect(report.editsOverDeletions).toEqual([{ id: 'quote:qu1', kind: 'quote', uid: 'qu1', deletedBy: 'mine', because: 'edited' }]);
  });

  it('deletes what one side deleted and the other left alone', () => {
    const { merged } = merge(base, remove(base, 'quote:qu1', 'answer:an1'));
    expect(merged.has('quote:qu1') || merged.has('answer:an1')).toBe(false);
  });

  it('brings back a deleted adopter when the other side edited its interview', () => {
    const deleted = remove(base, 'adopter:a1', 'allowance:al1', 'interview:i1', 'participant:pa1', 'answer:an1', 'quote:qu1');
    const edited = edit(base, 'interview', 'i1', { summary: 'More detail.' }, at(8));
    for (const [m, t, deletedBy] of [
      [deleted, edited, 'mine'],
      [edited, deleted, 'theirs'],
    ] as const) {
      const { merged, report } = merge(m, t);
      expect(danglingLinks(merged)).toEqual([]);
      expect(merged.has('adopter:a1') && merged.has('interview:i1')).toBe(true);
      expect(merged.has('quote:qu1')).toBe(false);
      expect(report.editsOverDeletions).toContainEqual({ id: 'adopter:a1', kind: 'adopter', uid: 'a1', deletedBy, because: 'linked' });
    }
  });

  it('brings back a deleted person a new quote names, and the organization the person belongs to', () => {
    const mine = remove(base, 'person:pe-pat', 'participant:pa1', 'quote:qu1', 'organization:o-globex', 'adopter:a1', 'allowance:al1', 'interview:i1', 'answer:an1');
    const theirs = add(base, rec('quote', 'qu2', { interviewUid: 'i1', text: 'Fast to adopt.', speakerUid: 'pe-pat', approved: false, tags: [] }));
    const { merged } = merge(mine, theirs);
    expect(danglingLinks(merged)).toEqual([]);
    expect(['quote:qu2', 'person:pe-pat', 'organization:o-globex', 'interview:i1', 'adopter:a1'].every((id) => merged.has(id))).toBe(true);
  });

  it('brings back the record an open conflict is about', () => {
    const both = merge(edit(base, 'answer', 'an1', { text: 'Since 2022.' }, at(2)), edit(base, 'answer', 'an1', { text: 'Since 2024.' }, at(3))).merged;
    const { merged } = merge(remove(base, 'answer:an1'), both);
    expect(merged.has('answer:an1')).toBe(true);
    expect(danglingLinks(merged)).toEqual([]);
  });
});

describe('natural keys taken on both sides', () => {
  it('renumbers the later of two new adopters that took the same number, and reports it', () => {
    const mine = add(base, adopter('a-ana', 3, 'o-initech', { createdAt: at(10), updatedAt: at(10) }));
    const theirs = add(base, adopter('a-ben', 3, 'o-globex', { createdAt: at(5), updatedAt: at(5) }));
    for (const [m, t] of [
      [mine, theirs],
      [theirs, mine],
    ] as const) {
      const { merged, report } = merge(m, t);
      expect(field(merged, 'adopter', 'a-ben', 'number')).toBe(3);
      expect(field(merged, 'adopter', 'a-ana', 'number')).toBe(4);
      expect(report.renumbered).toEqual([{ adopterUid: 'a-ana', from: 3, to: 4 }]);
    }
  });

  it('keeps the number of the adopter that had it before, and moves an allowance limited to the old entry', () => {
    const mine = edit(base, 'adopter', 'a2', { number: 1 }, at(9));
    const theirs = add(edit(base, 'adopter', 'a1', { stage: 'interviewed' }, at(3)), rec('allowance', 'al3', { adopterUid: 'a2', term: 'Initrode', entryNumber: 1, note: '' }));
    const { merged, report } = merge(mine, theirs);
    expect(field(merged, 'adopter', 'a1', 'number')).toBe(1);
    expect(report.renumbered).toEqual([{ adopterUid: 'a2', from: 1, to: 2 }]);
    expect(field(merged, 'allowance', 'al3', 'entryNumber')).toBe(2);
  });

  it('gives three adopters with one number three numbers, earliest made first', () => {
    const [x, y, z] = [adopter('ax', 3, 'o-initech', { createdAt: at(3) }), adopter('ay', 3, 'o-initech', { createdAt: at(1) }), adopter('az', 4, 'o-initech', { createdAt: at(2) })];
    const { merged } = merge(add(base, x, z), add(base, y));
    expect(['ay', 'az', 'ax'].map((uid) => field(merged, 'adopter', uid, 'number'))).toEqual([3, 4, 5]);
  });

  it('makes two answers to one question one answer, the other text an open conflict', () => {
    const mine = add(base, rec('answer', 'an-ana', { interviewUid: 'i1', questionKey: 'q2', text: 'Two teams (Ana).' }));
    const theirs = add(base, rec('answer', 'an-ben', { interviewUid: 'i1', questionKey: 'q2', text: 'Three teams (Ben).' }));
    const { merged, report } = merge(mine, theirs, byBen(theirs));
    const answers = ofKind(merged, 'answer').filter((a) => a.fields.questionKey === 'q2');
    expect(answers.map((a) => a.fields.text)).toEqual(['Two teams (Ana).']);
    expect(conflictTexts(conflictOn(merged, 'answer', 'an-ana', 'text'))).toEqual([{ text: 'Three teams (Ben).', by: 'Ben' }]);
    expect(report.joined).toEqual([{ kind: 'answer', kept: 'an-ana', dropped: 'an-ben' }]);
  });

  it('moves a conflict open on the answer dropped onto the answer kept', () => {
    const theirs = add(base, rec('answer', 'an-ben', { interviewUid: 'i1', questionKey: 'q2', text: 'Three teams.' }));
    const open = merge(edit(theirs, 'answer', 'an-ben', { text: 'Four teams.' }, at(2)), edit(theirs, 'answer', 'an-ben', { text: 'Five teams.' }, at(3)), ben, theirs).merged;
    const mine = add(base, rec('answer', 'an-ana', { interviewUid: 'i1', questionKey: 'q2', text: 'Two teams.' }));
    const { merged } = merge(mine, open);
    expect(merged.has(conflictId('answer', 'an-ben', 'text'))).toBe(false);
    expect(conflictTexts(conflictOn(merged, 'answer', 'an-ana', 'text')).map((t) => t.text)).toEqual(['Four teams.', 'Five teams.']);
  });

  it('joins two participant records of one person into one, anonymous if either was', () => {
    const mine = add(remove(base, 'participant:pa1'), rec('participant', 'pa-ana', { interviewUid: 'i1', personUid: 'pe-pat', anonymous: false, role: null, position: 2 }));
    const theirs = add(remove(base, 'participant:pa1'), rec('participant', 'pa-ben', { interviewUid: 'i1', personUid: 'pe-pat', anonymous: true, role: 'SRE', position: 1 }));
    const { merged, report } = merge(mine, theirs);
    expect(ofKind(merged, 'participant').map((p) => [p.uid, p.fields.anonymous, p.fields.role, p.fields.position])).toEqual([['pa-ana', true, 'SRE', 1]]);
    expect(report.joined).toEqual([{ kind: 'participant', kept: 'pa-ana', dropped: 'pa-ben' }]);
  });
});

describe('the report', () => {
  it('says how many records arrived and from whom', () => {
    let theirs = edit(base, 'interview', 'i1', { summary: 'New.' }, at(2));
    theirs = add(theirs, adopter('a3', 3, 'o-initech'), interview('i2', 'a3'));
    theirs = remove(theirs, 'quote:qu1');
    const authors = new Map([
      ['interview:i1', 'Ben'],
      ['adopter:a3', 'Ana'],
      ['interview:i2', 'Ana'],
      ['quote:qu1', 'Ben'],
    ]);
    const { report } = merge(base, theirs, authors);
    expect(report.incoming.map((c) => [c.id, c.change])).toEqual([
      ['adopter:a3', 'added'],
      ['interview:i1', 'changed'],
      ['interview:i2', 'added'],
      ['quote:qu1', 'deleted'],
    ]);
    expect(report.incomingAuthors).toEqual(['Ana', 'Ben']);
    expect(report.outgoing).toEqual([]);
  });
});

describe('size', () => {
  it('merges a thousand records changed on both sides in well under a second', () => {
    let big: ShareSnapshot = base;
    for (let n = 3; n < 251; n++) big = add(big, adopter(`a${n}`, n, 'o-initech'), interview(`i${n}`, `a${n}`), rec('answer', `an${n}`, { interviewUid: `i${n}`, questionKey: 'q1', text: `Answer ${n}` }), rec('quote', `qu${n}`, { interviewUid: `i${n}`, text: `Quote ${n}`, speakerUid: null, approved: false, tags: [] }));
    let mine = big;
    let theirs = big;
    for (let n = 3; n < 250; n += 2) {
      mine = edit(mine, 'interview', `i${n}`, { summary: `Ana's ${n}`, interviewers: ['Ana', 'Chloé'] }, at(n));
      theirs = edit(theirs, 'interview', `i${n}`, { summary: `Ben's ${n}`, interviewers: ['Ben'], durationMinutes: n }, at(n + 1));
    }
    const started = performance.now();
    const { merged, report } = merge(mine, theirs, ben, big);
    const ms = performance.now() - started;
    expect(big.size).toBeGreaterThan(1000);
    expect(report.conflictsOpened).toHaveLength(124);
    expect(merged.size).toBe(big.size + 124);
    expect(ms).toBeLessThan(1000);
  });
});
