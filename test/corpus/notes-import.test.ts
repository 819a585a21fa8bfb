/**
 * The interview notes importer against the stand-alone notes files of the corpus.
 * Expectations hold no corpus text (see dd-import.test.ts): the meeting day (or
 * "--MM-DD" when the file gives no year, "-" when none), interviewers/participants
 * counts, how many answers went under TOC questions + how many became custom
 * questions, and which of q1–q14 the file does not answer.
 */
import { describe, expect, it } from 'vitest';
import { parseNotesFile, type ParsedNotes } from '../../templates/import/notes-parse';
import { normalizeLineEndings } from '../../templates/import/text';
import { describeCorpus } from '../helpers/corpus';
import { freshDesk, inProcessDeskApi, unwrap } from '../helpers/desk';

const EXPECTED: Record<string, string> = {
  'buildpacks-adopter-interview-7signalinc.md': '2026-01-27 1/1 13+3 q10',
  'buildpacks-adopter-interview-adopter-3.md': '- 1/0 13+3 q10',
  'buildpacks-adopter-interview-google.md': '2026-01-27 1/2 13+3 q10',
  'buildpacks-adopter-interview-salesforce.md': '2026-01-28 1/1 13+3 q10',
  'cubefs-adopter-interview-beike.md': '2024-09-11 0/2 13+3 q10',
  'cubefs-adopter-interview-jd.com.md': '2024-09-06 0/1 13+5 q10',
  'cubefs-adopter-interview-netease.md': '2024-08-01 0/1 13+3 q10',
  'in-toto-adopter-interview-chainguard.md': '2024-12-12 0/1 14+0 -',
  'in-toto-adopter-interview-github.md': '2024-10-07 0/1 11+3 q2,q4,q10',
  'in-toto-adopter-interview-lockheedmartins.md': '2024-09-03 0/1 11+3 q2,q4,q10',
  'knative-adopter-interview-adopter-4.md': '- 0/0 13+2 q10',
  'knative-adopter-interview-gojek.md': '- 0/1 13+2 q10',
  'knative-adopter-interview-sva.md': '2025-06-18 0/1 12+3 q7,q10',
  'knative-adopter-interview-ymeadows.md': '2025-06-04 0/1 13+3 q10',
  'kserve-adopter-interview-cloudera.md': '2025-07-01 2/2 12+3 q10,q13',
  'kserve-adopter-interview-cyberagent.md': '2025-07-16 2/1 13+3 q10',
  'kserve-adopter-interview-nutanix.md': '2025-07-03 2/1 11+3 q4,q10,q13',
  'kserve-adopter-interview-sap.md': '2025-07-10 2/1 11+3 q10,q11,q12',
  'tekton-adopter-interview-adopter2.md': '2025-10-20 1/0 13+2 q10',
  'tekton-adopter-interview-adopter3.md': '--12-18 2/0 12+2 q10,q11',
  'tekton-adopter-interview-shipwright.md': '--10-17 1/2 13+2 q10',
};

const TOC_KEYS = 'q1 q2 q3 q4 q5 q6 q7 q8 q9 q10 q11 q12 q13 q14'.split(' ');
const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');

function describeNotes(p: ParsedNotes): string {
  const toc = p.answers.filter((a) => !a.custom).map((a) => a.key);
  const day = p.meeting.date ?? p.meeting.month ?? (p.meeting.yearless ? `--${pad(p.meeting.yearless.month)}-${pad(p.meeting.yearless.day)}` : '-');
  const missing = TOC_KEYS.filter((k) => !toc.includes(k));
  return `${day} ${p.interviewers.length}/${p.participants.length} ${toc.length}+${p.answers.length - toc.length} ${missing.join(',') || '-'}`;
}

/** Every non-blank line is in exactly one place: an answer's text or the raw notes. */
function nothingLostProblems(text: string, p: ParsedNotes): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  const rawLines = new Set(p.rawNotes.split('\n'));
  const seen = new Set<number>();
  for (const source of p.sources) {
    if (seen.has(source.line)) problems.push(`line ${source.line} is in two places`);
    seen.add(source.line);
    const line = lines[source.line - 1]!;
    if (source.field === 'rawNotes' && !rawLines.has(line)) problems.push(`line ${source.line} is not in the raw notes`);
    if (source.field === 'answer') {
      const answer = p.answers.find((a) => a.key === source.key);
      if (!answer?.text.split('\n').includes(line) && !answer?.text.split('\n').includes(line.trim())) problems.push(`line ${source.line} is not in answer ${source.key}`);
    }
  }
  lines.forEach((line, i) => {
    if (line.trim() !== '' && !seen.has(i + 1)) problems.push(`line ${i + 1} was lost`);
  });
  return problems;
}


describeCorpus('Interview notes files of the corpus', (corpus) => {
  it('the manifest and the interviews folder list the same files, and the expectations cover them all', () => {
    expect(corpus.interviewManifest.map((r) => r.file).sort()).toEqual(corpus.interviewFiles);
    expect(Object.keys(EXPECTED).sort()).toEqual(corpus.interviewFiles);
  });

  for (const file of corpus.interviewFiles) {
    describe(file, () => {
      const text = normalizeLineEndings(corpus.read(`interviews/${file}`));
      const parsed = parseNotesFile(text);

      it('meeting date, attendees and answers as read by a person; nothing lost', () => {
        expect(describeNotes(parsed)).toBe(EXPECTED[file]);
        expect(nothingLostProblems(text, parsed)).toEqual([]);
      });

      it('imports into an adopter: answers, raw notes, participants and interviewers stored', async () => {
        const desk = freshDesk();
        const api = inProcessDeskApi(desk);
        const project = await unwrap(api.createProject({ name: 'Globex Mesh', level: 'incubation' }));
        const org = await unwrap(api.createOrganization({ name: 'Initech' }));
        const adopter = await unwrap(api.createAdopter({ projectId: project.id, organizationId: org.id }));
        const report = await unwrap(api.importInterviewNotes({ fileName: file, text: corpus.read(`interviews/${file}`), projectId: project.id, adopterNumber: 1 }));
        expect(report.created.interviews).toBe(1);
        const [interview] = await unwrap(api.listInterviews({ adopterId: adopter.id }));
        const detail = await unwrap(api.getInterview({ id: interview!.id }));
        expect(detail.answers).toHaveLength(parsed.answers.length);
        expect(detail.interview.rawNotes).toBe(parsed.rawNotes);
        expect(detail.interview.interviewers).toEqual(parsed.interviewers);
        expect(detail.participants.map((p) => p.person.name)).toEqual(parsed.participants.map((p) => p.name));
        expect(detail.interview.date).toBe(parsed.meeting.date);
      });
    });
  }

  it('tekton: the notes fill the interviews the DD import made; a date without a year takes the interview month; summaries stay approved', async () => {
    const desk = freshDesk();
    const api = inProcessDeskApi(desk);
    const report = await unwrap(api.importDdDocument({ fileName: 'tekton.md', text: corpus.read('dd/tekton-incubation-dd.md') }));
    const projectId = report.projectId!;
    const before = await unwrap(api.exportAdoptionMarkdown({ projectId }));
    const files = ['tekton-adopter-interview-shipwright.md', 'tekton-adopter-interview-adopter2.md', 'tekton-adopter-interview-adopter3.md'];
    for (const [k, file] of files.entries()) {
      const notes = await unwrap(api.importInterviewNotes({ fileName: file, text: corpus.read(`interviews/${file}`), projectId, adopterNumber: k + 1 }));
      expect(notes.created.interviews).toBe(0);
    }
    const adopters = await unwrap(api.listAdopters({ projectId }));
    const dates = [];
    for (const a of adopters) {
      const [interview] = await unwrap(api.listInterviews({ adopterId: a.id }));
      dates.push(interview!.date);
      expect((await unwrap(api.getInterview({ id: interview!.id }))).answers.length).toBeGreaterThan(10);
    }
    expect(dates).toEqual(['2025-10-17', '2025-10-20', '2025-12-18']);
    // The only change: the interviewee line the notes added to the named adopter's entry.
    const after = (await unwrap(api.exportAdoptionMarkdown({ projectId }))).markdown;
    expect(after).not.toBe(before.markdown);
    expect(after.replace(/^_.*_\\\n/m, '')).toBe(before.markdown);
    const check = await unwrap(api.checkAdoption({ projectId }));
    expect(check.warnings.filter((w) => w.code === 'EDITED_AFTER_APPROVAL' || w.code === 'MONTH_DIFFERS')).toEqual([]);
  });

  it('kserve: a notes date in another month than the published one is reported, not forced', async () => {
    const desk = freshDesk();
    const api = inProcessDeskApi(desk);
    const report = await unwrap(api.importDdDocument({ fileName: 'kserve.md', text: corpus.read('dd/kserve-incubation-dd.md') }));
    const notes = await unwrap(
      api.importInterviewNotes({ fileName: 'cyberagent.md', text: corpus.read('interviews/kserve-adopter-interview-cyberagent.md'), projectId: report.projectId!, adopterNumber: 1 }),
    );
    expect(notes.warnings.some((w) => w.includes('2025-07-16') && w.includes('2025-08'))).toBe(true);
    const [adopter] = await unwrap(api.listAdopters({ projectId: report.projectId! }));
    const [interview] = await unwrap(api.listInterviews({ adopterId: adopter!.id }));
    expect(interview).toMatchObject({ date: null, month: '2025-08' });
  });
});
