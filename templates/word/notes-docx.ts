import { USAGE_LEVEL_LABELS } from '../../domain/adopter';
import { questionSet } from '../../domain/questions';
import type { PublicationAdopter, PublicationData, PublicationInterview } from '../adoption/model';
import { DocumentBuilder } from './builder';
import { packDocx } from './pack';
import { documentDate, fileNamePart, longDate, type WordFile, type WordOptions } from './options';

/** One interview with what only the private file holds: notes per question, raw notes. */
export interface NotesData {
  project: PublicationData['project'];
  adopter: PublicationAdopter;
  interview: PublicationInterview & {
    durationMinutes: number | null;
    questionSet: string;
    rawNotes: string;
    updatedAt: string;
  };
  answers: readonly { questionKey: string; text: string; updatedAt: string }[];
}

const whenOf = (i: NotesData['interview']) => (i.date ? longDate(i.date) : i.month ? longDate(i.month) : 'date not recorded');

export const notesDocxTitle = (data: NotesData) => `${data.project.name}: interview notes, Adopter ${data.adopter.number} (${whenOf(data.interview)})`;

/**
 * One interview for the private file, in question-and-answer form: the TOC question
 * list of the set the interview was taken with, each question followed by the notes
 * typed under it (Markdown read as Word formatting), then the notes outside the list,
 * the quotes and the summary. Private: it names the organization and the people.
 */
export async function notesDocx(data: NotesData, word: WordOptions): Promise<WordFile> {
  const { adopter, interview } = data;
  const b = new DocumentBuilder();
  b.add({ style: 'Title', runs: [{ text: `Interview notes: Adopter ${adopter.number} - ${adopter.organization.name}` }] });
  b.add({ style: 'Subtitle', runs: [{ text: `${data.project.name} due diligence` }] });
  b.field('Date', whenOf(interview));
  if (interview.durationMinutes) b.field('Duration', `${interview.durationMinutes} minutes`);
  b.field('Interviewers', interview.interviewers.length ? interview.interviewers.join(', ') : 'not recorded');
  b.field(
    'Interviewees',
    interview.participants.length
      ? interview.participants.map((p) => `${p.name}${p.role ? `, ${p.role}` : ''}${p.anonymous ? ' (anonymous)' : ''}`).join('; ')
      : 'not recorded',
  );
  if (adopter.anonymous) b.field('Anonymity', 'the adopter and organization are anonymous in public documents');
  if (adopter.usageLevel) b.field('Usage level', USAGE_LEVEL_LABELS[adopter.usageLevel]);
  const set = questionSet(interview.questionSet);
  b.field('Questions', set ? set.title : interview.questionSet);

  const answers = new Map(data.answers.map((a) => [a.questionKey, a.text]));
  const asked = new Set<string>();
  const answer = (key: string) => {
    asked.add(key);
    const text = answers.get(key)?.trim();
    if (text) b.markdown(text, { minHeadingLevel: 4 });
    else b.paragraph([{ text: 'No notes.', muted: true, italic: true }]);
  };
  const questions = set?.questions ?? [];
  const main = questions.filter((q) => !q.survey);
  const survey = questions.filter((q) => q.survey);
  if (main.length) b.heading(1, 'Questions');
  main.forEach((q, i) => {
    b.heading(2, `${i + 1}. ${q.title}`);
    b.paragraph([{ text: 'Q: ', bold: true }, { text: q.prompt, italic: true }]);
    answer(q.key);
  });
  if (survey.length) b.heading(1, 'Maturity-level survey');
  survey.forEach((q, i) => {
    b.heading(2, `M${i + 1}. ${q.title}`);
    b.paragraph([{ text: 'Q: ', bold: true }, { text: q.prompt, italic: true }]);
    answer(q.key);
  });
  const others = data.answers.filter((a) => !asked.has(a.questionKey) && a.text.trim());
  if (others.length) {
    b.heading(1, 'Other answers');
    for (const a of others) {
      b.heading(2, a.questionKey);
      b.markdown(a.text, { minHeadingLevel: 4 });
    }
  }
  if (interview.rawNotes.trim()) {
    b.heading(1, 'Other notes');
    b.markdown(interview.rawNotes, { minHeadingLevel: 4 });
  }
  if (interview.quotes.length) {
    b.heading(1, 'Quotes');
    for (const q of interview.quotes) {
      b.add({
        style: 'Quote',
        runs: [{ text: `“${q.text.trim()}”` }, ...(q.speaker ? [{ text: ` — ${q.speaker}` }] : []), ...(q.approved ? [{ text: ' (approved)' }] : [])],
      });
    }
  }
  if (interview.summary.trim()) {
    b.heading(1, 'Summary');
    b.markdown(interview.summary, { minHeadingLevel: 4 });
    const status = interview.approvedAt ? `approved on ${interview.approvedAt}` : interview.summarySentAt ? `sent on ${interview.summarySentAt}` : 'not sent yet';
    b.paragraph([{ text: `Summary ${status}.`, muted: true }]);
  }

  const date = documentDate([interview.updatedAt, interview.date, interview.summarySentAt, interview.approvedAt, ...data.answers.map((a) => a.updatedAt)]);
  const doc = b.build({ title: notesDocxTitle(data), date });
  const day = interview.date ?? interview.month ?? 'undated';
  return { fileName: `${fileNamePart(data.project.slug)}-adopter-${adopter.number}-interview-${day}-notes.docx`, bytes: await packDocx(doc, word) };
}
