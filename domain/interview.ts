import { z } from 'zod';
import { isoDay, yearMonth } from './dates';
import { entityId, longText, nameField } from './fields';
import { CURRENT_QUESTION_SET, QUESTION_SETS } from './questions';

export const questionSetId = z
  .string()
  .refine((id) => id in QUESTION_SETS, { error: (issue) => `There is no question set "${String(issue.input)}".` });

export const interviewFields = z.object({
  /** The day of the call; null when only the month is known (imported entries). */
  date: isoDay.nullable(),
  /** The month the published entry shows; follows `date` unless set on its own. */
  month: yearMonth.nullable(),
  /** TOC/TAB members who ran the interview. */
  interviewers: z.array(nameField('An interviewer’s name')).max(20),
  durationMinutes: z.number().int().min(1).max(24 * 60).nullable(),
  questionSet: questionSetId,
  rawNotes: longText('The raw notes'),
  summary: longText('The summary'),
  summarySentAt: isoDay.nullable(),
  approvedAt: isoDay.nullable(),
  /** SHA-256 of the summary as approved: a later edit is a warning, never silent. */
  approvedHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});

export type InterviewFields = z.output<typeof interviewFields>;

export interface Interview extends InterviewFields {
  id: number;
  adopterId: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A person who took part, with their own anonymity (a named organization may have an anonymous interviewee). */
export const participantFields = z.object({
  personId: entityId,
  anonymous: z.boolean(),
  /**
   * The role as this interview recorded it (a DD document imported as written); null: the
   * person's own role. A person taking part in several projects' DDs keeps each one's words.
   */
  role: z.string().max(200, 'A role is at most 200 characters.').nullable().optional(),
});
export type ParticipantFields = z.output<typeof participantFields>;

export interface Participant extends ParticipantFields {
  id: number;
  interviewId: number;
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The notes typed under one question. */
export interface Answer {
  id: number;
  interviewId: number;
  questionKey: string;
  text: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const questionKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'A question key is short lower-case text like "q4".');

export const quoteFields = z.object({
  text: longText('The quote').pipe(z.string().trim().min(1, 'A quote cannot be empty.')),
  speakerPersonId: entityId.nullable(),
  /** The adopter agreed to see it published. */
  approved: z.boolean(),
  tags: z.array(nameField('A tag')).max(50),
});
export type QuoteFields = z.output<typeof quoteFields>;

export interface Quote extends QuoteFields {
  id: number;
  interviewId: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const INTERVIEW_DEFAULTS: InterviewFields = {
  date: null,
  month: null,
  interviewers: [],
  durationMinutes: null,
  questionSet: CURRENT_QUESTION_SET,
  rawNotes: '',
  summary: '',
  summarySentAt: null,
  approvedAt: null,
  approvedHash: null,
};

export const QUOTE_DEFAULTS: Omit<QuoteFields, 'text'> = { speakerPersonId: null, approved: false, tags: [] };
