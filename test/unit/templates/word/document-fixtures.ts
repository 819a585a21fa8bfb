import { CURRENT_QUESTION_SET } from '../../../../domain/questions';
import type { DossierData } from '../../../../templates/word/dossier-docx';
import type { NotesData } from '../../../../templates/word/notes-docx';
import { goldenPublication } from '../../../fixtures/publication';

/** The data of the private documents, around the golden publication (invented names only). */

export function dossierData(): DossierData {
  const data = goldenPublication();
  data.adopters[1]!.interviews[0]!.quotes = [{ text: 'Upgrades are boring.', speaker: 'Bo Sample', approved: true }];
  return {
    ...data,
    extras: Object.fromEntries(
      data.adopters.map((a) => [a.id, { stageDates: { candidate: '2024-08-01', interviewed: '2024-09-17', approved: '2024-10-01' }, independenceReason: null }]),
    ),
  };
}

export function notesData(answers: NotesData['answers'] = []): NotesData {
  const data = goldenPublication();
  const adopter = data.adopters[1]!;
  adopter.interviews[0]!.quotes = [{ text: 'Upgrades are boring, which is good.', speaker: 'Bo Sample', approved: true }];
  return {
    project: data.project,
    adopter,
    interview: { ...adopter.interviews[0]!, durationMinutes: 45, questionSet: CURRENT_QUESTION_SET, rawNotes: 'Follow up on **multi-cluster**.', updatedAt: '2024-10-05T09:30:00.000Z' },
    answers,
  };
}
