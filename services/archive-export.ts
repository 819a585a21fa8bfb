import type { EntityTable, RowMeta } from '../db/entity-table';
import type { Store } from '../db/store';
import { ARCHIVE_VERSION, archiveKeys, serializeArchive, type ArchiveInput } from '../templates/import/archive-format';
import { lower, ranked } from '../templates/share/format-order';
import type { DocumentFile } from './views';

// services/import-archive.ts ranks the same way.
export { ranked };

/**
 * A project as its archive: everything in it (live records) as the archive's plain data, and
 * the file `archive export` writes. The import is services/import-archive.ts; the project
 * limits (services/project-limits.ts) measure a project by this archive.
 */

const stamps = (r: RowMeta) => ({ createdAt: r.createdAt, updatedAt: r.updatedAt });

/** Everything in one project (live records), as the archive's plain data. */
export function buildArchive(store: Store, projectId: number): ArchiveInput {
  const { project, adopter, organization, person, interview, participant, answer, quote, allowance, dismissal } = store.tables;
  const p = project.getLive(projectId);
  const adopters = adopter.list({ project_id: p.id }, { orderBy: 'number' });
  const interviewsOf = new Map(adopters.map((a) => [a.id, interview.list({ adopter_id: a.id }, { orderBy: 'coalesce(date, month), id' })]));
  const allInterviews = [...interviewsOf.values()].flat();
  const participantsOf = new Map(allInterviews.map((i) => [i.id, participant.list({ interview_id: i.id }, { orderBy: 'position, id' })]));
  const quotesOf = new Map(allInterviews.map((i) => [i.id, quote.list({ interview_id: i.id }, { orderBy: 'id' })]));

  // The people of the project: who took part, who is quoted, and the people of its organizations.
  const orgIds = new Set(adopters.map((a) => a.organizationId));
  const personIds = new Set<number>();
  for (const list of participantsOf.values()) for (const pt of list) personIds.add(pt.personId);
  for (const list of quotesOf.values()) for (const q of list) if (q.speakerPersonId !== null) personIds.add(q.speakerPersonId);
  for (const orgId of [...orgIds]) for (const who of person.list({ organization_id: orgId })) personIds.add(who.id);
  const people = [...personIds].sort((a, b) => a - b).map((id) => person.get(id));
  for (const who of people) if (who.organizationId !== null) orgIds.add(who.organizationId);
  const organizations = [...orgIds].sort((a, b) => a - b).map((id) => organization.get(id));
  organizations.sort((a, b) => lower(a.name).localeCompare(lower(b.name)) || a.id - b.id);

  const orgKey = ranked(organizations, (o) => archiveKeys.organization(o.name));
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const orgName = (id: number | null) => (id === null ? null : orgById.get(id)!.name);
  people.sort((a, b) => (orgName(a.organizationId) ?? '').localeCompare(orgName(b.organizationId) ?? '') || lower(a.name).localeCompare(lower(b.name)) || a.id - b.id);
  const personKey = ranked(people, (who) => archiveKeys.person(orgName(who.organizationId), who.name));
  const personById = new Map(people.map((who) => [who.id, who]));
  const keyOfPerson = (id: number) => personKey.get(personById.get(id)!)!;
  /** A record's stable id; left out (undefined) only for a row without one. */
  const uidOf = <R extends RowMeta>(table: EntityTable<R>, id: number) => table.uidOf(id) ?? undefined;

  return {
    format: 'adoption-desk-archive',
    version: ARCHIVE_VERSION,
    project: {
      key: p.slug,
      uid: uidOf(project, p.id),
      slug: p.slug,
      name: p.name,
      level: p.level,
      applicationUrl: p.applicationUrl,
      ddPullRequestUrl: p.ddPullRequestUrl,
      adoptersFileUrl: p.adoptersFileUrl,
      notes: p.notes,
      archived: p.archived,
      ...stamps(p),
    },
    organizations: organizations.map((o) => ({ key: orgKey.get(o)!, uid: uidOf(organization, o.id), name: o.name, aliases: o.aliases, website: o.website, industry: o.industry, ...stamps(o) })),
    people: people.map((who) => ({
      key: personKey.get(who)!,
      uid: uidOf(person, who.id),
      name: who.name,
      role: who.role,
      email: who.email,
      organization: who.organizationId === null ? null : orgKey.get(orgById.get(who.organizationId)!)!,
      maintainer: who.maintainer,
      ...stamps(who),
    })),
    adopters: adopters.map((a) => {
      const aKey = archiveKeys.adopter(a.number);
      const interviews = interviewsOf.get(a.id)!;
      const interviewKey = ranked(interviews, (i) => archiveKeys.interview(aKey, i.date ?? i.month, 1).replace(/#1$/, ''));
      return {
        key: aKey,
        uid: uidOf(adopter, a.id),
        number: a.number,
        anonymous: a.anonymous,
        publicLabel: a.publicLabel,
        // Written only when set, so an archive of data without it reads as before.
        ...(a.namedLabel !== null ? { namedLabel: a.namedLabel } : {}),
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
        organization: orgKey.get(orgById.get(a.organizationId)!)!,
        allowances: allowance
          .list({ adopter_id: a.id }, { orderBy: 'id' })
          .map((al) => ({ uid: uidOf(allowance, al.id), term: al.term, entryNumber: al.entryNumber, note: al.note, ...stamps(al) })),
        dismissals: dismissal
          .list({ adopter_id: a.id }, { orderBy: 'id' })
          .map((d) => ({ uid: uidOf(dismissal, d.id), code: d.code, warningKey: d.warningKey, message: d.message, ...stamps(d) })),
        interviews: interviews.map((i) => {
          const iKey = interviewKey.get(i)!;
          return {
            key: iKey,
            uid: uidOf(interview, i.id),
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
            participants: participantsOf.get(i.id)!.map((pt) => ({
              uid: uidOf(participant, pt.id),
              person: keyOfPerson(pt.personId),
              anonymous: pt.anonymous,
              position: pt.position,
              ...(pt.role !== null && pt.role !== undefined ? { role: pt.role } : {}),
            })),
            answers: answer.list({ interview_id: i.id }, { orderBy: 'question_key' }).map((an) => ({ uid: uidOf(answer, an.id), questionKey: an.questionKey, text: an.text, ...stamps(an) })),
            quotes: quotesOf.get(i.id)!.map((q, k) => ({
              key: archiveKeys.quote(iKey, k + 1),
              uid: uidOf(quote, q.id),
              text: q.text,
              speaker: q.speakerPersonId === null ? null : keyOfPerson(q.speakerPersonId),
              approved: q.approved,
              tags: q.tags,
              ...stamps(q),
            })),
            ...stamps(i),
          };
        }),
        ...stamps(a),
      };
    }),
  };
}

export function exportArchive(store: Store, projectId: number): DocumentFile {
  return store.read(() => {
    const archive = buildArchive(store, projectId);
    return {
      fileName: `${archive.project.slug}.adoption-desk.json`,
      mimeType: 'application/json',
      base64: Buffer.from(serializeArchive(archive), 'utf8').toString('base64'),
    };
  });
}

