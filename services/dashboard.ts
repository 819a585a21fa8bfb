import { anonymousLabel } from '../domain/adopter';
import { approvalDue } from '../domain/dates';
import { localDay } from '../db/clock';
import type { Store } from '../db/store';
import { adoptionCriterion, REQUIRED_ADOPTERS } from '../templates/adoption/criteria';
import { previewAdoptionSection } from '../templates/adoption/publish';
import type { ServiceGroup } from './contract';
import { publicationData } from './publication-data';
import { shownWarnings } from './warning-dismissals';
import type { NextAction, PipelineRow, ProjectCard } from './views';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** What the reviewer should do next for an adopter, with its due date when there is one. */
export function nextAction(row: Pick<PipelineRow, 'stage' | 'stageDates'>, sentAt: string | null, today: string): NextAction {
  switch (row.stage) {
    case 'candidate':
      return { text: 'Send the interview request', due: null, overdue: false };
    case 'contacted':
      return { text: 'Agree on a date for the interview', due: null, overdue: false };
    case 'scheduled':
      return { text: 'Hold the interview and take notes', due: null, overdue: false };
    case 'interviewed':
      return { text: 'Write the summary and send it for approval', due: null, overdue: false };
    case 'summary-sent': {
      const sent = sentAt ?? row.stageDates['summary-sent'] ?? null;
      if (!sent) return { text: 'Waiting for approval', due: null, overdue: false };
      const due = approvalDue(sent);
      const left = daysBetween(today, due);
      // The day it fell due is `due`: the screen writes it in the reviewer's date format.
      if (left < 0) return { text: 'Approval overdue', due, overdue: true };
      if (left === 0) return { text: 'Approval due today', due, overdue: false };
      return { text: `Approval due in ${left} day${left === 1 ? '' : 's'}`, due, overdue: false };
    }
    case 'approved':
      return { text: 'Approved: ready to publish', due: null, overdue: false };
    default:
      return { text: '', due: null, overdue: false };
  }
}

export function dashboardServices(store: Store): ServiceGroup<'projectCards' | 'pipeline' | 'previewAdopterEntry'> {
  const { project, adopter, organization, interview, participant, person } = store.tables;

  const peopleOf = (interviewIds: number[]): string[] => {
    const names = interviewIds.flatMap((id) => participant.list({ interview_id: id }, { orderBy: 'position, id' }).map((p) => person.get(p.personId).name));
    return [...new Set(names)];
  };

  const pipeline = (projectId: number, today: string): PipelineRow[] =>
    adopter.list({ project_id: projectId }, { orderBy: 'number' }).map((a) => {
      const org = organization.get(a.organizationId);
      const interviews = interview.list({ adopter_id: a.id }, { orderBy: 'coalesce(date, month), id' });
      const pending = interviews.filter((i) => i.summarySentAt && !i.approvedAt).at(-1);
      return {
        adopterId: a.id,
        number: a.number,
        organization: org.name,
        anonymous: a.anonymous,
        stage: a.stage,
        stageDates: a.stageDates,
        usageLevel: a.usageLevel,
        interviews: interviews.length,
        next: nextAction(a, pending?.summarySentAt ?? null, today),
        industry: org.industry,
        label: a.anonymous ? anonymousLabel(a, org.industry) : a.namedLabel,
        people: peopleOf(interviews.map((i) => i.id)),
        interviewDate: interviews.map((i) => i.date ?? i.month).filter((d) => d !== null).at(-1) ?? null,
        approval: interviews.some((i) => i.approvedAt) ? 'approved' : pending ? 'waiting' : 'not-sent',
      };
    });

  return {
    projectCards: () =>
      store.read(() => {
        const today = localDay(store.clock);
        return project.list({}, { orderBy: 'name COLLATE NOCASE, id' }).map((p): ProjectCard => {
          const rows = pipeline(p.id, today);
          const data = publicationData(store, p.id);
          return {
            project: p,
            adopters: rows.length,
            interviewed: rows.filter((r) => r.interviews > 0).length,
            needed: REQUIRED_ADOPTERS,
            approvalsPending: rows.filter((r) => r.stage === 'summary-sent').length,
            approvalsOverdue: rows.filter((r) => r.next.overdue).length,
            criterionMet: adoptionCriterion(data).met,
          };
        });
      }),
    pipeline: ({ projectId }) =>
      store.read(() => {
        project.getLive(projectId);
        return pipeline(projectId, localDay(store.clock));
      }),
    previewAdopterEntry: ({ adopterId, summary }) =>
      store.read(() => {
        const a = adopter.getLive(adopterId);
        const data = publicationData(store, a.projectId);
        const target = data.adopters.find((x) => x.id === adopterId)!;
        // Preview what the reviewer is typing before it is saved: it replaces the newest summary.
        if (summary !== undefined) {
          const latest = [...target.interviews].sort((x, y) => (x.date ?? x.month ?? '').localeCompare(y.date ?? y.month ?? '') || x.id - y.id).at(-1);
          if (latest) latest.summary = summary;
        }
        const preview = previewAdoptionSection(data, { includeDrafts: true });
        const entry = preview.entries.find((e) => e.number === a.number);
        const lines = preview.markdown.split('\n');
        return {
          markdown: entry ? `${lines.slice(entry.firstLine - 1, entry.lastLine).join('\n')}\n` : '',
          leaks: preview.guard.leaks.filter((l) => l.entryNumber === a.number),
          warnings: shownWarnings(store, data).filter((w) => w.adopterNumber === a.number),
        };
      }),
  };
}
