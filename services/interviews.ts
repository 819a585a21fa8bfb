import { z } from 'zod';
import { STAGES, type Stage } from '../domain/adopter';
import { approvalDue, isoDay, monthOfDay } from '../domain/dates';
import { DeskError } from '../domain/errors';
import { entityId, versionField } from '../domain/fields';
import { INTERVIEW_DEFAULTS, QUOTE_DEFAULTS, type Interview } from '../domain/interview';
import { localDay } from '../db/clock';
import type { Store } from '../db/store';
import { withStageDate } from './adopters';
import type { ServiceGroup } from './contract';
import type { ApprovalStatus } from './views';
import { summaryHash } from './summary-hash';

/** Taking an approval back, and asking for it again (the summary changed since). */
const REVOKE = 'Revoke approval';
/** The changes that move an approval along, by their names in the history. */
const APPROVAL_STEPS = new Set(['Summary sent', 'Summary approved', REVOKE, 'Summary sent again']);

export const approvalInputs = {
  revoke: z.object({ id: entityId, version: versionField }).strict(),
  askAgain: z.object({ id: entityId, version: versionField, date: isoDay }).strict(),
};

/**
 * The published month follows the interview day unless the reviewer set a different
 * month on purpose (an import that only knew the month, a correction).
 */
export function monthFollowingDate(current: Pick<Interview, 'date' | 'month'> | undefined, date: string | null): string | null | undefined {
  if (date === null) return undefined;
  const followed = !current || current.month === null || (current.date !== null && current.month === monthOfDay(current.date));
  return followed ? monthOfDay(date) : undefined;
}

export function interviewServices(
  store: Store,
): ServiceGroup<
  | 'listInterviews'
  | 'getInterview'
  | 'createInterview'
  | 'updateInterview'
  | 'deleteInterview'
  | 'markSummarySent'
  | 'approveSummary'
  | 'revokeApproval'
  | 'askApprovalAgain'
  | 'setAnswer'
  | 'addParticipant'
  | 'updateParticipant'
  | 'removeParticipant'
  | 'createQuote'
  | 'updateQuote'
  | 'deleteQuote'
> {
  const { adopter, interview, participant, person, answer, quote } = store.tables;

  /** Moves the adopter forward (never back) when an interview step implies a later stage. */
  const advanceAdopter = (adopterId: number, stage: Stage, day: string) => {
    const a = adopter.getLive(adopterId);
    const terminal = a.stage === 'declined' || a.stage === 'withdrawn';
    if (terminal || STAGES.indexOf(a.stage) >= STAGES.indexOf(stage)) return;
    adopter.update(a.id, a.version, { stage, stageDates: withStageDate(a, stage, day) });
  };

  const withdrawApproval = (current: Interview, version: number, patch: Partial<Interview>) => {
    const updated = interview.update(current.id, version, { ...patch, approvedAt: null, approvedHash: null });
    const a = adopter.getLive(current.adopterId);
    const stillApproved = interview.list({ adopter_id: a.id }).some((i) => i.approvedAt);
    if (a.stage === 'approved' && !stillApproved) adopter.update(a.id, a.version, { stage: 'summary-sent' });
    return updated;
  };

  const approvalStatus = (current: Interview): ApprovalStatus => {
    if (current.approvedAt) {
      const summaryChanged = current.approvedHash !== null && current.approvedHash !== summaryHash(current.summary);
      return { state: 'approved', sentAt: current.summarySentAt, approvedAt: current.approvedAt, summaryChanged };
    }
    // The last approval step still in force tells a revoked approval from one never given.
    const last = store.history('interview', current.id).find((e) => !e.undone && APPROVAL_STEPS.has(e.label));
    if (last?.label === REVOKE) return { state: 'revoked', sentAt: current.summarySentAt, revokedOn: last.at.slice(0, 10) };
    if (current.summarySentAt) return { state: 'sent', sentAt: current.summarySentAt, due: approvalDue(current.summarySentAt) };
    return { state: 'not-sent' };
  };

  const liveInterview = (id: number) => {
    const i = interview.getLive(id);
    adopter.getLive(i.adopterId);
    return i;
  };

  return {
    listInterviews: ({ adopterId }) => store.read(() => interview.list({ adopter_id: adopterId }, { orderBy: 'coalesce(date, month), id' })),
    getInterview: ({ id }) =>
      store.read(() => {
        const current = interview.getLive(id);
        return {
        interview: current,
        approvalDue: current.summarySentAt ? approvalDue(current.summarySentAt) : null,
        approval: approvalStatus(current),
        participants: participant
          .list({ interview_id: id }, { orderBy: 'position, id' })
          .map((p) => ({ ...p, person: person.get(p.personId) })),
        answers: answer.list({ interview_id: id }, { orderBy: 'question_key' }),
        quotes: quote.list({ interview_id: id }),
        };
      }),
    createInterview: ({ adopterId, ...fields }) =>
      store.change('Log interview', () => {
        adopter.getLive(adopterId);
        const month = fields.month ?? (fields.date ? monthOfDay(fields.date) : null);
        const created = interview.insert({ ...INTERVIEW_DEFAULTS, ...fields, month, adopterId });
        // Logging an interview means it was held: a candidate (or contacted, scheduled) adopter is
        // now interviewed, in this same change, so one Undo takes back both.
        advanceAdopter(adopterId, 'interviewed', fields.date ?? localDay(store.clock));
        return created;
      }),
    updateInterview: ({ id, version, ...patch }) =>
      store.change(patch.summary !== undefined ? 'Edit summary' : 'Edit interview', () => {
        const current = liveInterview(id);
        if (patch.date !== undefined && patch.month === undefined) {
          const month = monthFollowingDate(current, patch.date);
          if (month !== undefined) patch.month = month;
        }
        return interview.update(id, version, patch);
      }),
    deleteInterview: ({ id }) =>
      store.change('Delete interview', () => {
        interview.trash(id);
        return null;
      }),
    markSummarySent: ({ id, version, date }) =>
      store.change('Summary sent', () => {
        const current = liveInterview(id);
        if (!current.summary.trim()) throw new DeskError('VALIDATION', 'Write the summary before marking it sent.');
        const updated = interview.update(id, version, { summarySentAt: date });
        advanceAdopter(current.adopterId, 'summary-sent', date);
        return updated;
      }),
    approveSummary: ({ id, version, date }) =>
      store.change('Summary approved', () => {
        const current = liveInterview(id);
        if (!current.summary.trim()) throw new DeskError('VALIDATION', 'There is no summary to approve yet.');
        const updated = interview.update(id, version, { approvedAt: date, approvedHash: summaryHash(current.summary) });
        advanceAdopter(current.adopterId, 'approved', date);
        return updated;
      }),
    // The approval is cleared (the history keeps when it was given and when it was taken back);
    // an adopter marked approved for it alone goes back to waiting for an answer.
    revokeApproval: ({ id, version }) =>
      store.change(REVOKE, () => {
        const current = liveInterview(id);
        if (!current.approvedAt) throw new DeskError('VALIDATION', 'This summary is not approved, so there is no approval to revoke.');
        return withdrawApproval(current, version, {});
      }),
    askApprovalAgain: ({ id, version, date }) =>
      store.change('Summary sent again', () => {
        const current = liveInterview(id);
        if (!current.summary.trim()) throw new DeskError('VALIDATION', 'Write the summary before sending it.');
        return withdrawApproval(current, version, { summarySentAt: date });
      }),
    setAnswer: ({ interviewId, questionKey, text, version }) =>
      store.change('Edit notes', () => {
        liveInterview(interviewId);
        const [existing] = answer.list({ interview_id: interviewId, question_key: questionKey });
        if (version === null) {
          if (existing) throw answer.conflict();
          return answer.insert({ interviewId, questionKey, text });
        }
        if (!existing) throw new DeskError('NOT_FOUND', 'Those notes were removed elsewhere; reload the interview.');
        return answer.update(existing.id, version, { text });
      }),
    addParticipant: ({ interviewId, personId, anonymous }) =>
      store.change('Add participant', () => {
        liveInterview(interviewId);
        const who = person.get(personId);
        const present = participant.list({ interview_id: interviewId });
        if (present.some((p) => p.personId === personId)) {
          throw new DeskError('DUPLICATE', `${who.name} is already a participant of this interview.`);
        }
        const position = present.reduce((max, p) => Math.max(max, p.position), 0) + 1;
        return participant.insert({ interviewId, personId, anonymous: anonymous ?? false, position });
      }),
    updateParticipant: ({ id, version, ...patch }) => store.change('Edit participant', () => participant.update(id, version, patch)),
    removeParticipant: ({ id }) =>
      store.change('Remove participant', () => {
        participant.remove(id);
        return null;
      }),
    createQuote: ({ interviewId, ...fields }) =>
      store.change('Save quote', () => {
        liveInterview(interviewId);
        if (fields.speakerPersonId) person.get(fields.speakerPersonId);
        return quote.insert({ ...QUOTE_DEFAULTS, ...fields, interviewId });
      }),
    updateQuote: ({ id, version, ...patch }) =>
      store.change('Edit quote', () => {
        if (patch.speakerPersonId) person.get(patch.speakerPersonId);
        return quote.update(id, version, patch);
      }),
    deleteQuote: ({ id }) =>
      store.change('Delete quote', () => {
        quote.remove(id);
        return null;
      }),
  };
}
