import { describe, expect, it } from 'vitest';
import { nextAction } from '../../../services/dashboard';

/** The adopter list's "Next" column: what to do, and when an approval fell due (the screen writes that day in the reviewer's format). */
describe('the next action of an adopter waiting for approval', () => {
  const sent = { stage: 'summary-sent' as const, stageDates: { 'summary-sent': '2025-06-01' } };

  it('counts the days left, then says it is due today, then overdue with the day it fell due', () => {
    expect(nextAction(sent, null, '2025-06-12')).toEqual({ text: 'Approval due in 3 days', due: '2025-06-15', overdue: false });
    expect(nextAction(sent, null, '2025-06-14')).toEqual({ text: 'Approval due in 1 day', due: '2025-06-15', overdue: false });
    expect(nextAction(sent, null, '2025-06-15')).toEqual({ text: 'Approval due today', due: '2025-06-15', overdue: false });
    expect(nextAction(sent, null, '2025-06-16')).toEqual({ text: 'Approval overdue', due: '2025-06-15', overdue: true });
  });

  it('counts from the day the summary was last sent when the interview knows it', () => {
    expect(nextAction(sent, '2025-06-10', '2025-06-16')).toEqual({ text: 'Approval due in 8 days', due: '2025-06-24', overdue: false });
  });
});
