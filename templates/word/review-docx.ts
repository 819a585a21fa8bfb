import { approvalDue, APPROVAL_WINDOW_DAYS } from '../../domain/dates';
import { DeskError } from '../../domain/errors';
import { publicAdopterLabel } from '../../domain/labels';
import { planEntry } from '../adoption/entry-plan';
import { renderEntry } from '../adoption/entry';
import { DEFAULT_RENDER_OPTIONS, type PublicationData } from '../adoption/model';
import { DocumentBuilder } from './builder';
import { packDocx } from './pack';
import { LEVEL_LABELS, documentDate, fileNamePart, longDate, type WordFile, type WordOptions } from './options';

export const reviewDocxTitle = (projectName: string, adopterNumber: number) => `${projectName}: your interview summary for approval (Adopter ${adopterNumber})`;

/**
 * What one adopter is asked to approve: the entry exactly as it will be published once
 * approved (anonymous label and anonymity line if they are anonymous), the quotes
 * attributed to them, the details of the interview and the day to answer by (sent + 14
 * days). Private: it goes to the adopter, so it may name them; it is not scanned.
 */
export async function reviewDocx(data: PublicationData, adopterNumber: number, word: WordOptions): Promise<WordFile> {
  const adopter = data.adopters.find((a) => a.number === adopterNumber);
  if (!adopter) throw new DeskError('NOT_FOUND', `${data.project.name} has no Adopter ${adopterNumber}.`);
  const plan = planEntry(adopter);
  const source = plan.source;
  if (!source) throw new DeskError('VALIDATION', `Adopter ${adopterNumber} has no summary yet: write it before sending it for approval.`);

  const project = data.project.name;
  const label = publicAdopterLabel(adopter, adopter.organization);
  const due = source.summarySentAt ? approvalDue(source.summarySentAt) : null;
  const b = new DocumentBuilder();
  b.add({ style: 'Title', runs: [{ text: `${project}: your summary for approval` }] });
  b.paragraph(
    `Thank you for talking with the CNCF Technical Oversight Committee about ${project}. ` +
      'Below is the summary of the interview as it will appear in the Adoption section of the project’s due diligence, which is public. ' +
      (due
        ? `Please reply by ${longDate(due)} to approve it as it stands, or tell us what to change.`
        : `Please reply within ${APPROVAL_WINDOW_DAYS} days to approve it as it stands, or tell us what to change.`) +
      ' Nothing is published before you approve it.',
  );
  if (adopter.anonymous) {
    b.paragraph(`Your organization is not named: the entry is published as “${label}”, and nobody who took part is named.`);
  } else if (plan.people.some((p) => p.anonymous)) {
    b.paragraph('Whoever asked not to be named is not named in the entry.');
  }

  b.heading(1, 'Details');
  b.field('Project', project);
  b.field('Level applied for', LEVEL_LABELS[data.project.level]);
  b.field('Adopter', `Adopter ${adopter.number} - ${adopter.organization.name}${adopter.anonymous ? ` (published as “${label}”)` : ''}`);
  const interviewed = adopter.interviews.map((i) => (i.date ? longDate(i.date) : i.month ? longDate(i.month) : null)).filter((d): d is string => !!d);
  b.field(interviewed.length > 1 ? 'Interview dates' : 'Interview date', interviewed.length ? interviewed.join(', ') : 'not recorded');
  if (plan.people.length) b.field('Interviewed', plan.people.map((p) => (p.role ? `${p.name}, ${p.role}` : p.name)).join('; '));
  if (source.summarySentAt) b.field('Sent on', longDate(source.summarySentAt));
  b.field('Please reply by', due ? longDate(due) : `${APPROVAL_WINDOW_DAYS} days after you receive this`);
  if (source.approvedAt) b.field('Approved on', longDate(source.approvedAt));

  b.heading(1, 'Your entry as it will be published');
  const lines = renderEntry({ ...plan, approved: true }, project, DEFAULT_RENDER_OPTIONS);
  b.markdown(lines[0]!.replace(/^#+/, '##'));
  b.markdown(lines.slice(1).join('\n'), { minHeadingLevel: 3 });

  b.heading(1, 'Quotes attributed to you');
  const quotes = adopter.interviews.flatMap((i) => i.quotes);
  if (quotes.length === 0) b.paragraph([{ text: 'No quotes were recorded.', muted: true }]);
  for (const quote of quotes) {
    b.add({ style: 'Quote', runs: [{ text: `“${quote.text.trim()}”` }, ...(quote.speaker ? [{ text: ` — ${quote.speaker}` }] : [])] });
  }
  if (quotes.length) b.paragraph('The TOC may use these quotes in its review. Tell us if any of them should not be used.');

  b.heading(1, 'What to do');
  b.paragraph(
    'Reply to the person who sent you this document: “approved” if the entry may be published as it stands, or the changes you need. ' +
      'If the entry names something you would rather keep private, say so and it will be removed.',
  );

  const date = documentDate(adopter.interviews.flatMap((i) => [i.date, i.month, i.summarySentAt, i.approvedAt]));
  const doc = b.build({ title: reviewDocxTitle(project, adopter.number), date });
  return { fileName: `${fileNamePart(data.project.slug)}-adopter-${adopter.number}-review.docx`, bytes: await packDocx(doc, word) };
}
