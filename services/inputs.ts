import { z } from 'zod';
import { adopterFields, adopterNumber, stage } from '../domain/adopter';
import { allowanceFields } from '../domain/allowance';
import { isoDay } from '../domain/dates';
import { entityId, longText, versionField } from '../domain/fields';
import { interviewFields, participantFields, questionKey, quoteFields } from '../domain/interview';
import { organizationFields } from '../domain/organization';
import { personFields } from '../domain/person';
import { projectFields, projectLevel, projectName, projectSlug } from '../domain/project';

/**
 * Input schemas of the contract, built from the domain's field schemas: a create takes
 * the required fields plus any others; an update ("patch") takes id + the version it
 * read + only the fields it changes. All are strict: an unknown key is refused.
 */
const patchOf = <S extends z.ZodRawShape>(fields: z.ZodObject<S>) =>
  fields.partial().extend({ id: entityId, version: versionField }).strict();

export const none = z.object({}).strict();
export const byId = z.object({ id: entityId }).strict();

export const projectInputs = {
  list: z.object({ includeArchived: z.boolean().optional() }).strict(),
  bySlug: z.object({ slug: projectSlug }).strict(),
  create: projectFields.partial().extend({ name: projectName, level: projectLevel, slug: projectSlug.optional() }).strict(),
  update: patchOf(projectFields),
};

export const organizationInputs = {
  create: organizationFields.partial().extend({ name: organizationFields.shape.name }).strict(),
  update: patchOf(organizationFields),
};

export const personInputs = {
  list: z.object({ organizationId: entityId.optional() }).strict(),
  create: personFields.partial().extend({ name: personFields.shape.name }).strict(),
  update: patchOf(personFields),
};

export const adopterInputs = {
  list: z.object({ projectId: entityId, includeTrashed: z.boolean().optional() }).strict(),
  create: adopterFields
    .partial()
    .extend({ projectId: entityId, organizationId: entityId, number: adopterNumber.optional() })
    .strict(),
  update: patchOf(adopterFields.extend({ number: adopterNumber })),
  setStage: z.object({ id: entityId, version: versionField, stage, date: isoDay.optional() }).strict(),
};

export const interviewInputs = {
  list: z.object({ adopterId: entityId }).strict(),
  create: interviewFields.omit({ approvedHash: true }).partial().extend({ adopterId: entityId }).strict(),
  update: patchOf(interviewFields.omit({ approvedHash: true, summarySentAt: true, approvedAt: true })),
  mark: z.object({ id: entityId, version: versionField, date: isoDay }).strict(),
  setAnswer: z
    .object({
      interviewId: entityId,
      questionKey,
      text: longText('The notes'),
      /** The version read, or null when this question had no notes yet. */
      version: versionField.nullable(),
    })
    .strict(),
  addParticipant: participantFields.partial().extend({ interviewId: entityId, personId: entityId }).strict(),
  updateParticipant: patchOf(participantFields.pick({ anonymous: true, role: true })),
};

export const quoteInputs = {
  list: z.object({ interviewId: entityId }).strict(),
  create: quoteFields.partial().extend({ interviewId: entityId, text: quoteFields.shape.text }).strict(),
  update: patchOf(quoteFields),
};

export const TRASHABLE = ['project', 'adopter', 'interview'] as const;
export const HISTORY_ENTITIES = ['project', 'organization', 'person', 'adopter', 'interview', 'participant', 'answer', 'quote', 'allowance', 'dismissal'] as const;

export const historyInputs = {
  history: z.object({ entity: z.enum(HISTORY_ENTITIES), id: entityId }).strict(),
  restore: z.object({ entity: z.enum(TRASHABLE), id: entityId }).strict(),
  /** A project's changes, or (no project) the app-level ones. */
  scope: z.object({ projectId: entityId.optional() }).strict(),
  change: z.object({ id: entityId }).strict(),
  recent: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
};

export const overviewInputs = {
  adopters: z.object({ projectId: entityId }).strict(),
  entryPreview: z
    .object({
      adopterId: entityId,
      summary: longText('The summary').optional(),
    })
    .strict(),
};

export const searchInputs = {
  search: z
    .object({
      query: z.string().trim().min(1, 'Type something to search for.').max(500, 'A search is at most 500 characters.'),
      projectId: entityId.optional(),
      limit: z.number().int().min(1).max(500).optional(),
    })
    .strict(),
};

export const backupInputs = {
  restore: z.object({ file: z.string().trim().min(1, 'Name the backup file to restore.') }).strict(),
};

export const adoptionInputs = {
  render: z
    .object({ projectId: entityId, includeDrafts: z.boolean().optional(), typography: z.boolean().optional() })
    .strict(),
  check: z.object({ projectId: entityId }).strict(),
  listAllowances: z.object({ adopterId: entityId }).strict(),
  listGuardTerms: z.object({ adopterId: entityId }).strict(),
  addAllowance: allowanceFields.extend({ entryNumber: allowanceFields.shape.entryNumber.optional(), note: allowanceFields.shape.note.optional() }).strict(),
  noteAllowance: z.object({ id: entityId, version: versionField, note: allowanceFields.shape.note }).strict(),
};
