import { publicAdopterLabel } from '../domain/labels';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';
import type { AdopterOverview } from './views';

/** Everything the documents need about each adopter of a project, in one read. */
export function adopterOverview(store: Store, projectId: number): AdopterOverview[] {
  const { project, adopter, organization, interview, participant, person } = store.tables;
  project.getLive(projectId);
  return adopter.list({ project_id: projectId }, { orderBy: 'number' }).map((a) => {
    const org = organization.get(a.organizationId);
    const interviews = interview.list({ adopter_id: a.id }, { orderBy: 'coalesce(date, month), id' });
    const seen = new Set<number>();
    const interviewees: AdopterOverview['interviewees'] = [];
    let anyAnonymousPerson = false;
    for (const i of interviews) {
      for (const p of participant.list({ interview_id: i.id }, { orderBy: 'position, id' })) {
        anyAnonymousPerson ||= p.anonymous;
        if (seen.has(p.personId)) continue;
        seen.add(p.personId);
        const who = person.get(p.personId);
        interviewees.push({ name: who.name, role: who.role });
      }
    }
    const months = interviews.map((i) => i.month).filter((m): m is string => m !== null);
    const withSummary = interviews.filter((i) => i.summary.trim() !== '');
    return {
      number: a.number,
      label: publicAdopterLabel(a, org),
      organization: org.name,
      industry: org.industry,
      anonymous: a.anonymous,
      intervieweesAnonymous: a.anonymous || anyAnonymousPerson,
      interviewees,
      interviewMonth: months.at(-1) ?? null,
      interviewDates: interviews.map((i) => i.date).filter((d): d is string => d !== null),
      usageLevel: a.usageLevel,
      stage: a.stage,
      summary: withSummary.at(-1)?.summary ?? '',
    };
  });
}

export function overviewServices(store: Store): ServiceGroup<'adopterOverview'> {
  return { adopterOverview: ({ projectId }) => store.read(() => adopterOverview(store, projectId)) };
}
