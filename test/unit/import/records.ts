import type { Desk } from '../../../services/desk';

/**
 * A project's records as plain data without store-local details (ids, versions,
 * timestamps): what "identical records" means when a project is imported into another
 * store. Organizations and people are named, not numbered.
 */
export function projectRecords(desk: Desk, projectId: number) {
  const { project, adopter, organization, interview, participant, person, answer, quote, allowance } = desk.store.tables;
  const p = project.get(projectId);
  const personOf = (id: number | null) => {
    if (id === null) return null;
    const who = person.get(id);
    return { name: who.name, role: who.role, email: who.email, maintainer: who.maintainer, organization: who.organizationId === null ? null : organization.get(who.organizationId).name };
  };
  return {
    project: { name: p.name, slug: p.slug, level: p.level, notes: p.notes, applicationUrl: p.applicationUrl, ddPullRequestUrl: p.ddPullRequestUrl, adoptersFileUrl: p.adoptersFileUrl, archived: p.archived },
    adopters: adopter.list({ project_id: projectId }, { orderBy: 'number' }).map((a) => {
      const org = organization.get(a.organizationId);
      return {
        number: a.number,
        organization: { name: org.name, aliases: org.aliases, website: org.website, industry: org.industry },
        anonymous: a.anonymous,
        publicLabel: a.publicLabel,
        adopterType: a.adopterType,
        relation: a.relation,
        independent: a.independent,
        independenceReason: a.independenceReason,
        vendorNote: a.vendorNote,
        usageLevel: a.usageLevel,
        inUseSince: a.inUseSince,
        scale: a.scale,
        stage: a.stage,
        stageDates: a.stageDates,
        notes: a.notes,
        allowances: allowance.list({ adopter_id: a.id }, { orderBy: 'term, id' }).map(({ term, entryNumber, note }) => ({ term, entryNumber, note })),
        interviews: interview.list({ adopter_id: a.id }, { orderBy: 'coalesce(date, month), id' }).map((i) => ({
          date: i.date,
          month: i.month,
          interviewers: i.interviewers,
          durationMinutes: i.durationMinutes,
          questionSet: i.questionSet,
          rawNotes: i.rawNotes,
          summary: i.summary,
          summarySentAt: i.summarySentAt,
          approvedAt: i.approvedAt,
          approvedHash: i.approvedHash,
          participants: participant.list({ interview_id: i.id }, { orderBy: 'position, id' }).map((pt) => ({ ...personOf(pt.personId)!, anonymous: pt.anonymous })),
          answers: answer.list({ interview_id: i.id }, { orderBy: 'question_key' }).map(({ questionKey, text }) => ({ questionKey, text })),
          quotes: quote
            .list({ interview_id: i.id }, { orderBy: 'id' })
            .map((q) => ({ text: q.text, speaker: personOf(q.speakerPersonId)?.name ?? null, approved: q.approved, tags: q.tags })),
        })),
      };
    }),
  };
}

export type ProjectRecords = ReturnType<typeof projectRecords>;
