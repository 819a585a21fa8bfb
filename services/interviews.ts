import { STAGES, type Stage } from '../domain/adopter';
import { approvalDue, monthOfDay } from '../domain/dates';
import { DeskError } from '../domain/errors';
import { INTERVIEW_DEFAULTS, QUOTE_DEFAULTS, type Interview } from '../domain/interview';
import type { Store } from '../db/store';
import { withStageDate } from './adopters';
import type { ServiceGroup } from './contract';
import { summaryHash } from './summary-hash';

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
        if (fields.date) advanceAdopter(adopterId, 'interviewed', fields.date);
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
