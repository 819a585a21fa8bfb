import type { Store } from '../db/store';
import type { PublicationAdopter, PublicationData } from '../templates/adoption/model';
import { summaryHash } from './summary-hash';

/**
 * Reads one project into the plain data every document is made from. Adopters in the
 * trash are left out; anonymity flags, people (interviewees, and everyone recorded under
 * each organization) and allowances come along, since the guard needs the secrets to look for.
 */
export function publicationData(store: Store, projectId: number): PublicationData {
  const { project, adopter, organization, interview, participant, person, quote, allowance } = store.tables;
  const p = project.getLive(projectId);
  const adopters: PublicationAdopter[] = adopter.list({ project_id: projectId }, { orderBy: 'number' }).map((a) => {
    const org = organization.get(a.organizationId);
    return {
      id: a.id,
      number: a.number,
      anonymous: a.anonymous,
      publicLabel: a.publicLabel,
      namedLabel: a.namedLabel,
      organization: {
        name: org.name,
        aliases: org.aliases,
        website: org.website,
        industry: org.industry,
        people: person.list({ organization_id: org.id }, { orderBy: 'id' }).map(({ name, email }) => ({ name, email })),
      },
      adopterType: a.adopterType,
      independent: a.independent,
      vendorNote: a.vendorNote,
      usageLevel: a.usageLevel,
      stage: a.stage,
      allowances: allowance.list({ adopter_id: a.id }).map(({ term, entryNumber, note }) => ({ term, entryNumber, note })),
      interviews: interview.list({ adopter_id: a.id }, { orderBy: 'coalesce(date, month), id' }).map((i) => {
        const people = new Map<number, string>();
        const participants = participant.list({ interview_id: i.id }, { orderBy: 'position, id' }).map((pt) => {
          const who = person.get(pt.personId);
          people.set(who.id, who.name);
          // The role this interview recorded, when it recorded one (an imported DD's words); the person's otherwise.
          return { name: who.name, role: pt.role ?? who.role, email: who.email, anonymous: pt.anonymous, maintainer: who.maintainer };
        });
        return {
          id: i.id,
          date: i.date,
          month: i.month,
          interviewers: i.interviewers,
          summary: i.summary,
          summarySentAt: i.summarySentAt,
          approvedAt: i.approvedAt,
          approvedHash: i.approvedHash,
          summaryHash: summaryHash(i.summary),
          participants,
          quotes: quote.list({ interview_id: i.id }).map((q) => ({
            text: q.text,
            speaker: q.speakerPersonId === null ? null : (people.get(q.speakerPersonId) ?? person.find(q.speakerPersonId)?.name ?? null),
            approved: q.approved,
          })),
        };
      }),
    };
  });
  return { project: { name: p.name, slug: p.slug, level: p.level }, adopters };
}
