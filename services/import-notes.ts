import { STAGES } from '../domain/adopter';
import { monthOfDay } from '../domain/dates';
import { DeskError } from '../domain/errors';
import { INTERVIEW_DEFAULTS, type Interview } from '../domain/interview';
import { nameField } from '../domain/fields';
import { personFields } from '../domain/person';
import { localDay } from '../db/clock';
import type { Store } from '../db/store';
import { parseNotesFile } from '../templates/import/notes-parse';
import { withStageDate } from './adopters';
import { changeOrDryRun, checked, findOrCreatePerson, importText, noneCreated } from './import-common';
import { checkFieldSize } from './project-limits';
import type { ImportReport } from './views';

export interface NotesImportInput {
  fileName: string;
  text: string;
  projectId: number;
  adopterNumber: number;
  dryRun?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Imports a notes file into one adopter: into its latest interview when that one has no
 * notes yet (a DD import leaves exactly such an interview), else into a new interview.
 * Answers go under their question keys, attendees become interviewers and participants,
 * and every line that is not an answer is kept in the raw notes.
 */
export function importInterviewNotes(store: Store, input: NotesImportInput): ImportReport {
  const decoded = importText(input.fileName, input.text);
  const parsed = parseNotesFile(decoded.text);
  if (parsed.answers.length === 0) {
    throw new DeskError(
      'VALIDATION',
      `${input.fileName} does not look like interview notes: no question (a heading or an italic line ending in "?") has an answer under it. Nothing was imported.`,
    );
  }
  checkFieldSize(input.fileName, `The interview notes in ${input.fileName}`, parsed.rawNotes);
  for (const x of parsed.answers) checkFieldSize(input.fileName, `The answer to question ${x.key.toUpperCase()} (line ${x.line})`, x.text);
  const dryRun = input.dryRun ?? false;
  return changeOrDryRun(store, input.fileName, `Import interview notes ${input.fileName}`, dryRun, () => {
    const { project, adopter, organization, interview, participant, answer } = store.tables;
    const created = noneCreated();
    const warnings = [...decoded.warnings, ...parsed.warnings];
    const p = project.getLive(input.projectId);
    const [a] = adopter.list({ project_id: p.id, number: input.adopterNumber });
    if (!a) throw new DeskError('NOT_FOUND', `${p.name} has no Adopter ${input.adopterNumber}. Nothing was imported.`);
    const org = organization.get(a.organizationId);
    if (parsed.organization && !/^adopter\s*\d+\b/i.test(parsed.organization)) {
      const said = parsed.organization.toLowerCase();
      const known = [org.name, ...org.aliases].map((n) => n.toLowerCase());
      if (!a.anonymous && !known.some((n) => said.includes(n) || n.includes(said))) {
        warnings.push(`The file is about "${parsed.organization}" but Adopter ${a.number} is ${org.name}; check that this is the right adopter.`);
      }
    }

    // Which interview: the latest one without notes, else a new one.
    const interviews = interview.list({ adopter_id: a.id }, { orderBy: 'coalesce(date, month), id' });
    let target: Interview | undefined = interviews.at(-1);
    if (target && (target.rawNotes.trim() !== '' || answer.list({ interview_id: target.id }).length > 0)) target = undefined;

    // The meeting day, the year taken from the interview's month when the file leaves it out.
    let date = parsed.meeting.date;
    let month = parsed.meeting.month;
    const known = target?.month ?? null;
    if (!month && parsed.meeting.yearless && known && Number(known.slice(5)) === parsed.meeting.yearless.month) {
      month = known;
      date = parsed.meeting.yearless.day ? `${known}-${pad(parsed.meeting.yearless.day)}` : null;
      warnings.push(`The meeting date "${parsed.meeting.text}" has no year; ${known.slice(0, 4)} was taken from the interview's month.`);
    }
    const recognized: Record<string, unknown> = {
      title: parsed.title,
      organization: parsed.organization,
      meeting: parsed.meeting.text,
      date,
      month,
      interviewers: parsed.interviewers,
      participants: parsed.participants,
      answers: parsed.answers.map((x) => ({ key: x.key, question: x.question, line: x.line, custom: x.custom })),
      rawNotesLines: parsed.rawNotes ? parsed.rawNotes.split('\n').filter((l) => l.trim()).length : 0,
    };

    const interviewers = parsed.interviewers.map((name) => checked(nameField('An interviewer’s name'), name, `Interviewer "${name}"`));
    let i: Interview;
    if (target) {
      const patch: Partial<Interview> = { rawNotes: parsed.rawNotes };
      const merged = [...target.interviewers, ...interviewers.filter((n) => !target!.interviewers.includes(n))];
      if (merged.length !== target.interviewers.length) patch.interviewers = merged.slice(0, 20);
      if (date && target.date === null) {
        if (target.month === null || target.month === monthOfDay(date)) {
          patch.date = date;
          if (target.month === null) patch.month = monthOfDay(date);
        } else {
          warnings.push(`The notes are dated ${date} but the interview is published as ${target.month}; the date was not changed.`);
        }
      } else if (month && target.month === null) {
        patch.month = month;
      }
      i = interview.update(target.id, target.version, patch);
      recognized.interview = 'the latest interview of the adopter (it had no notes yet)';
    } else {
      i = interview.insert({ ...INTERVIEW_DEFAULTS, adopterId: a.id, date, month: month ?? (date ? monthOfDay(date) : null), interviewers: interviewers.slice(0, 20), rawNotes: parsed.rawNotes });
      created.interviews++;
      recognized.interview = 'a new interview';
    }

    // The adopter has been interviewed: move it forward (never back).
    const day = date ?? localDay(store.clock);
    if (a.stage !== 'declined' && a.stage !== 'withdrawn' && STAGES.indexOf(a.stage) < STAGES.indexOf('interviewed')) {
      adopter.update(a.id, a.version, { stage: 'interviewed', stageDates: withStageDate(a, 'interviewed', day) });
    }

    const present = participant.list({ interview_id: i.id });
    let position = present.reduce((max, x) => Math.max(max, x.position), 0);
    for (const mention of parsed.participants) {
      const fields = checked(personFields.pick({ name: true, role: true }), { name: mention.name, role: mention.role ?? '' }, `Participant "${mention.name}"`);
      const { person, created: isNew } = findOrCreatePerson(store, { name: fields.name, role: fields.role, organizationId: a.organizationId });
      if (isNew) created.people++;
      if (present.some((x) => x.personId === person.id)) continue;
      present.push(participant.insert({ interviewId: i.id, personId: person.id, anonymous: false, position: ++position }));
    }

    const entries: ImportReport['entries'] = [];
    for (const x of parsed.answers) {
      const [existing] = answer.list({ interview_id: i.id, question_key: x.key });
      if (existing) answer.update(existing.id, existing.version, { text: existing.text.trim() ? `${existing.text}\n\n${x.text}` : x.text });
      else answer.insert({ interviewId: i.id, questionKey: x.key, text: x.text });
      entries.push({ label: x.custom ? `Custom question (line ${x.line})` : `${x.key.toUpperCase()} (line ${x.line})`, recognized: { key: x.key, question: x.question, characters: x.text.length }, warnings: [] });
    }
    entries.unshift({ label: `Adopter ${a.number}`, recognized, warnings: [] });
    return { fileName: input.fileName, dryRun, projectId: p.id, entries, warnings, created };
  });
}
