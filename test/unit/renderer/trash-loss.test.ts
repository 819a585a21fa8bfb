import { describe, expect, it } from 'vitest';
import { countedLoss, emptyTrashQuestion } from '../../../renderer/src/screens/trash/loss';

const NONE = { projects: 0, adopters: 0, interviews: 0, interviewees: 0, quotes: 0, answers: 0 };

describe('the question before emptying the trash', () => {
  it('counts what goes, in the order a DD holds it, one or many, leaving out what is not there', () => {
    expect(emptyTrashQuestion({ projects: 1, adopters: 5, interviews: 7, interviewees: 0, quotes: 12, answers: 0 })).toBe(
      'Permanently delete 1 project, 5 adopters, 7 interviews and 12 quotes? This cannot be undone.',
    );
    expect(countedLoss({ ...NONE, interviews: 1, interviewees: 2, answers: 1 })).toBe('1 interview, 2 interviewees and 1 answer in the notes');
    expect(countedLoss({ ...NONE, adopters: 1 })).toBe('1 adopter');
  });

  it('says "nothing" rather than an empty list when the counts are all zero (the screen then does not ask)', () => {
    expect(emptyTrashQuestion(NONE)).toBe('Permanently delete nothing? This cannot be undone.');
  });
});
