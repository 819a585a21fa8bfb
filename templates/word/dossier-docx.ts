import { ADOPTER_TYPE_LABELS, STAGES, STAGE_LABELS, USAGE_LEVEL_LABELS, type Stage } from '../../domain/adopter';
import { approvalDue } from '../../domain/dates';
import { publicAdopterLabel } from '../../domain/labels';
import { allowanceScope } from '../../domain/vocabulary';
import { adoptionCriterion } from '../adoption/criteria';
import { planEntry } from '../adoption/entry-plan';
import type { PublicationData } from '../adoption/model';
import { consistencyWarnings } from '../adoption/warnings';
import { DocumentBuilder } from './builder';
import type { TextRun } from './model';
import { packDocx } from './pack';
import { LEVEL_LABELS, documentDate, fileNamePart, type WordFile, type WordOptions } from './options';

export const CONFIDENTIAL = 'CONFIDENTIAL — TOC only';

/** What the dossier needs beyond the publication data, per adopter id. */
export interface DossierExtra {
  stageDates: Partial<Record<Stage, string>>;
  independenceReason: string | null;
}

export interface DossierData extends PublicationData {
  extras: Readonly<Record<number, DossierExtra>>;
  /** Keys of the warnings the reviewer dismissed: the TOC still sees them, marked. */
  dismissedWarnings?: ReadonlySet<string>;
}

export const dossierDocxTitle = (projectName: string) => `${CONFIDENTIAL}: ${projectName} adoption dossier`;

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/**
 * The TOC's confidential dossier: every adopter under its real name (the anonymous ones
 * marked, with the label the public sees), interviews with dates, interviewers and
 * interviewees, usage levels, stages and their dates, approval dates, the criteria
 * checklist and every warning. "CONFIDENTIAL — TOC only" heads every page and the title.
 * Never public: no public export path produces it (it would name anonymous adopters).
 */
export async function dossierDocx(data: DossierData, word: WordOptions): Promise<WordFile> {
  const project = data.project;
  const b = new DocumentBuilder();
  b.add({ style: 'Title', runs: [{ text: `${project.name} adoption dossier` }] });
  b.paragraph([{ text: `${CONFIDENTIAL}. `, bold: true }, { text: 'This dossier names adopters who asked to stay anonymous. Do not share it outside the TOC.' }]);
  b.field('Level applied for', LEVEL_LABELS[project.level]);
  const adopters = [...data.adopters].sort((a, b2) => a.number - b2.number);
  b.field('Adopters', String(adopters.length));

  const criterion = adoptionCriterion(data);
  b.heading(1, 'Criteria');
  const checklist = criterion.checklistLine.replace(/^- \[[ Xx]\] /, '').replace(/^\*\*|\*\*$/g, '');
  b.paragraph([{ text: criterion.met ? '☒ ' : '☐ ' }, { text: checklist, bold: true }]);
  b.paragraph(criterion.sentence);

  b.heading(1, 'Warnings');
  const warnings = consistencyWarnings(data);
  if (warnings.length === 0) b.paragraph([{ text: 'No warnings.', muted: true }]);
  else b.bullets(warnings.map((w) => (data.dismissedWarnings?.has(w.key) ? `${w.message} (dismissed by the reviewer)` : w.message)));

  b.heading(1, 'Adopters');
  for (const adopter of adopters) {
    const plan = planEntry(adopter);
    const extra = data.extras[adopter.id];
    const org = adopter.organization;
    b.heading(2, `Adopter ${adopter.number} - ${org.name}${adopter.anonymous ? ' (anonymous)' : ''}`);
    b.field('Published as', `Adopter ${adopter.number} - ${publicAdopterLabel(adopter, org)}`);
    const about = [org.industry, org.aliases.length ? `also known as ${org.aliases.join(', ')}` : null, org.website].filter((x): x is string => !!x);
    b.field('Organization', [org.name, ...about].join(' · '));
    b.field('Type', ADOPTER_TYPE_LABELS[adopter.adopterType]);
    b.field('Independent', `${yesNo(adopter.independent)}${extra?.independenceReason ? ` (${extra.independenceReason})` : ''}`);
    if (adopter.vendorNote.trim()) b.field('Through', adopter.vendorNote.trim());
    b.field('Usage level', adopter.usageLevel ? USAGE_LEVEL_LABELS[adopter.usageLevel] : 'not recorded');
    b.field('Stage', STAGE_LABELS[adopter.stage]);
    const stageDates = STAGES.filter((s) => extra?.stageDates[s]).map((s) => `${STAGE_LABELS[s]} ${extra!.stageDates[s]}`);
    if (stageDates.length) b.field('Stage dates', stageDates.join(', '));
    b.field('Entry', !plan.source ? 'no summary yet' : plan.approved ? 'approved summary' : 'summary not approved yet');
    // The confidential record of what the reviewer released from the anonymity guard, and why.
    if (adopter.allowances.length) {
      b.paragraph([{ text: 'Released from the anonymity guard:', bold: true }]);
      b.bullets(adopter.allowances.map((al) => `“${al.term}”, ${allowanceScope(al, adopter.number)}${al.note.trim() ? `: ${al.note.trim()}` : ' (no note)'}`));
    }
    if (adopter.interviews.length === 0) b.paragraph([{ text: 'Not interviewed yet.', muted: true }]);
    for (const interview of adopter.interviews) {
      b.heading(3, `Interview of ${interview.date ?? interview.month ?? 'an unrecorded date'}`);
      if (interview.date && interview.month && !interview.date.startsWith(interview.month)) b.field('Published month', interview.month);
      b.field('Interviewers', interview.interviewers.length ? interview.interviewers.join(', ') : 'not recorded');
      const people: TextRun[] = [];
      interview.participants.forEach((p, i) => {
        const notes = [p.role, p.email, p.anonymous ? 'anonymous' : null, p.maintainer ? 'maintainer of the project' : null].filter((x): x is string => !!x);
        people.push({ text: `${i ? '; ' : ''}${p.name}${notes.length ? ` (${notes.join(', ')})` : ''}` });
      });
      b.field('Interviewees', people.length ? people : 'not recorded');
      b.field(
        'Summary sent',
        interview.summarySentAt ? `${interview.summarySentAt} (approval due ${approvalDue(interview.summarySentAt)})` : interview.summary.trim() ? 'not yet' : 'no summary',
      );
      const edited = interview.approvedHash !== null && interview.approvedHash !== interview.summaryHash;
      b.field('Approved', interview.approvedAt ? `${interview.approvedAt}${edited ? ' (the summary was edited after approval)' : ''}` : 'not yet');
      if (interview.quotes.length) b.field('Quotes', `${interview.quotes.length} (${interview.quotes.filter((q) => q.approved).length} approved)`);
    }
  }

  const date = documentDate([
    ...adopters.flatMap((a) => a.interviews.flatMap((i) => [i.date, i.month, i.summarySentAt, i.approvedAt])),
    ...adopters.flatMap((a) => Object.values(data.extras[a.id]?.stageDates ?? {})),
  ]);
  const doc = b.build({ title: dossierDocxTitle(project.name), date, header: CONFIDENTIAL });
  return { fileName: `${fileNamePart(project.slug)}-toc-dossier-confidential.docx`, bytes: await packDocx(doc, word) };
}
