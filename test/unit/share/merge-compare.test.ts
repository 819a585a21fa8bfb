import { describe, expect, it } from 'vitest';
import { mergeSnapshots } from '../../../templates/share/merge';
import { snapshotProblems } from '../../../templates/share/merge-check';
import { compareView, conflictsByAdopter } from '../../../templates/share/merge-compare';
import { conflictId } from '../../../templates/share/merge-conflicts';
import { add, adopter, at, baseProject, edit, rec, remove } from './merge-fixtures';

const base = baseProject();

describe('what Compare shows of an open conflict', () => {
  const mine = edit(edit(base, 'answer', 'an1', { text: 'Since 2022 (Ana).' }, at(1)), 'organization', 'o-initech', { name: 'Initech Ltd' }, at(1));
  const theirs = edit(edit(base, 'answer', 'an1', { text: 'Since 2024 (Ben).' }, at(2)), 'organization', 'o-initech', { name: 'Initech Group' }, at(2));
  const { merged } = mergeSnapshots({ base, mine, theirs, theirAuthors: new Map([['answer:an1', 'Ben']]) });

  it('gives the base, the text the record holds and each competing text with its author', () => {
    expect(compareView(merged, merged.get(conflictId('answer', 'an1', 'text'))!)).toEqual({
      conflictUid: merged.get(conflictId('answer', 'an1', 'text'))!.uid,
      about: { kind: 'answer', uid: 'an1', field: 'text' },
      base: 'Since 2023.',
      mine: 'Since 2022 (Ana).',
      theirs: [{ text: 'Since 2024 (Ben).', by: 'Ben' }],
    });
  });

  it('follows what the conflict is about, after an edit, and gives nothing once the record is gone', () => {
    const conflict = merged.get(conflictId('answer', 'an1', 'text'))!;
    expect(compareView(edit(merged, 'answer', 'an1', { text: 'Since 2023, both agree.' }, at(3)), conflict)?.mine).toBe('Since 2023, both agree.');
    expect(compareView(remove(merged, 'answer:an1'), conflict)).toBeNull();
  });

  it('files each conflict under its adopter, so publishing that adopter waits; an organization’s under none', () => {
    const byAdopter = conflictsByAdopter(merged);
    expect(byAdopter.get('a1')?.map((c) => c.fields.field)).toEqual(['text']);
    expect(byAdopter.get(null)?.map((c) => c.fields.recordUid)).toEqual(['o-initech']);
    expect(byAdopter.has('a2')).toBe(false);
  });
});

describe('a whole snapshot', () => {
  it('has no problem in the project every case starts from', () => {
    expect(snapshotProblems(base)).toEqual([]);
  });

  it('names a link to a missing record and a natural key taken twice, in words', () => {
    const broken = add(remove(base, 'person:pe-pat'), adopter('a9', 2, 'o-initech'), rec('answer', 'an9', { interviewUid: 'i1', questionKey: 'q1', text: '' }));
    expect(snapshotProblems(broken)).toEqual([
      'The record participant:pa1 names person:pe-pat, which the project does not hold.',
      'The record quote:qu1 names person:pe-pat, which the project does not hold.',
      'Two records are Adopter 2: a2 and a9.',
      'Two records are the answer to question q1 of interview i1: an1 and an9.',
    ]);
  });
});
