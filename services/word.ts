import { z } from 'zod';
import { adopterNumber } from '../domain/adopter';
import { DeskError } from '../domain/errors';
import { entityId } from '../domain/fields';
import type { Store } from '../db/store';
import type { PublicationData } from '../templates/adoption/model';
import { dossierDocx, type DossierExtra } from '../templates/word/dossier-docx';
import { notesDocx, type NotesData } from '../templates/word/notes-docx';
import { DOCX_MIME_TYPE, type WordFile, type WordOptions } from '../templates/word/options';
import { publishAdoptionDocx } from '../templates/word/publish-docx';
import { reviewDocx } from '../templates/word/review-docx';
import type { ServiceGroup } from './contract';
import { publicationData } from './publication-data';
import { readSettings } from './settings';
import { refuseWhileTeamReviewPending } from './share/store-publish-gate';
import { dismissedWarningKeys } from './warning-dismissals';
import type { DocumentFile } from './views';

/** Inputs of the Word exports (the contract uses these). */
export const wordInputs = {
  adoption: z.object({ projectId: entityId, includeDrafts: z.boolean().optional(), typography: z.boolean().optional() }).strict(),
  review: z.object({ projectId: entityId, adopterNumber }).strict(),
  dossier: z.object({ projectId: entityId }).strict(),
  notes: z.object({ projectId: entityId, adopterNumber, interviewId: entityId.optional() }).strict(),
};

const asDocumentFile = (file: WordFile): DocumentFile => ({ fileName: file.fileName, mimeType: DOCX_MIME_TYPE, base64: file.bytes.toString('base64') });

function wordOptions(store: Store): WordOptions {
  const { authorName, pageSize } = readSettings(store);
  return { authorName, pageSize };
}

function adopterOf(data: PublicationData, number: number) {
  const adopter = data.adopters.find((a) => a.number === number);
  if (!adopter) throw new DeskError('NOT_FOUND', `${data.project.name} has no Adopter ${number}.`);
  return adopter;
}

/**
 * The four Word documents, read from the store and the reviewer's settings (author,
 * page size). The Adoption section is public and leaves only through
 * publishAdoptionDocx (the anonymity guard over the finished file); the review copy,
 * the TOC dossier and the interview notes are private documents. The data is read in
 * one read of the store; the packing that follows is asynchronous (docx) and touches
 * the store no more.
 */
export function wordServices(store: Store): ServiceGroup<'exportAdoptionDocx' | 'exportReviewDocx' | 'exportDossierDocx' | 'exportNotesDocx'> {
  const { adopter, interview, answer } = store.tables;
  return {
    exportAdoptionDocx: async ({ projectId, includeDrafts, typography }) => {
      const options = { includeDrafts: includeDrafts ?? false, typography: typography ?? false };
      const { data, word } = store.read(() => {
        const publication = publicationData(store, projectId);
        refuseWhileTeamReviewPending(store, projectId, publication, options);
        return { data: publication, word: wordOptions(store) };
      });
      return asDocumentFile(await publishAdoptionDocx(data, options, word));
    },

    exportReviewDocx: async ({ projectId, adopterNumber: number }) => {
      const { data, word } = store.read(() => ({ data: publicationData(store, projectId), word: wordOptions(store) }));
      return asDocumentFile(await reviewDocx(data, number, word));
    },

    exportDossierDocx: async ({ projectId }) => {
      const { data, word } = store.read(() => {
        const extras: Record<number, DossierExtra> = {};
        for (const a of adopter.list({ project_id: projectId })) extras[a.id] = { stageDates: a.stageDates, independenceReason: a.independenceReason };
        const publication = publicationData(store, projectId);
        return { data: { ...publication, extras, dismissedWarnings: dismissedWarningKeys(store, publication) }, word: wordOptions(store) };
      });
      return asDocumentFile(await dossierDocx(data, word));
    },

    exportNotesDocx: async ({ projectId, adopterNumber: number, interviewId }) => {
      const { data, word } = store.read(() => {
        const publication = publicationData(store, projectId);
        const who = adopterOf(publication, number);
        // The interview asked for, or the adopter's latest (by day, then by when it was logged).
        const chosen =
          interviewId === undefined
            ? [...who.interviews].sort((a, b) => (a.date ?? a.month ?? '').localeCompare(b.date ?? b.month ?? '') || a.id - b.id).at(-1)
            : who.interviews.find((i) => i.id === interviewId);
        if (!chosen) {
          throw new DeskError(
            'NOT_FOUND',
            interviewId === undefined ? `Adopter ${number} has no interview yet.` : `Adopter ${number} has no interview with id ${interviewId}.`,
          );
        }
        const row = interview.getLive(chosen.id);
        const notes: NotesData = {
          project: publication.project,
          adopter: who,
          interview: { ...chosen, durationMinutes: row.durationMinutes, questionSet: row.questionSet, rawNotes: row.rawNotes, updatedAt: row.updatedAt },
          answers: answer.list({ interview_id: chosen.id }, { orderBy: 'question_key' }).map(({ questionKey, text, updatedAt }) => ({ questionKey, text, updatedAt })),
        };
        return { data: notes, word: wordOptions(store) };
      });
      return asDocumentFile(await notesDocx(data, word));
    },
  };
}
