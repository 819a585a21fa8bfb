import { z } from 'zod';
import { ADOPTER_DEFAULTS } from '../domain/adopter';
import { DeskError } from '../domain/errors';
import { emailField, entityId, nameField, optionalLine } from '../domain/fields';
import { ORGANIZATION_DEFAULTS } from '../domain/organization';
import { PERSON_DEFAULTS } from '../domain/person';
import { localDay } from '../db/clock';
import type { Store } from '../db/store';
import { outreachEmail } from '../templates/outreach';
import type { ServiceGroup } from './contract';

/** One-step actions of the UI that touch several records (each is still one change, one undo). */
export const pipelineInputs = {
  addCandidate: z
    .object({
      projectId: entityId,
      organizationName: nameField('An organization name'),
      industry: optionalLine('The industry').optional(),
    })
    .strict(),
  addInterviewee: z
    .object({
      interviewId: entityId,
      name: nameField('A person’s name'),
      role: optionalLine('The role').optional(),
      email: z.union([z.literal(''), emailField]).optional(),
      anonymous: z.boolean().optional(),
    })
    .strict(),
  outreach: z.object({ adopterId: entityId, reviewerName: optionalLine('Your name').optional() }).strict(),
};

export function pipelineActionServices(store: Store): ServiceGroup<'addCandidate' | 'addInterviewee' | 'outreachEmail'> {
  const { project, organization, adopter, interview, person, participant } = store.tables;
  return {
    addCandidate: ({ projectId, organizationName, industry }) =>
      store.change(`Add candidate ${organizationName}`, () => {
        project.getLive(projectId);
        // The same organization (any spelling of its case) is reused: it may adopt several projects.
        const existing = organization.list({}).find((o) => o.name.toLowerCase() === organizationName.toLowerCase());
        const org = existing ?? organization.insert({ ...ORGANIZATION_DEFAULTS, name: organizationName, industry: industry ?? null });
        if (adopter.list({ project_id: projectId, organization_id: org.id }).length > 0) {
          throw new DeskError('DUPLICATE', `${org.name} is already an adopter of this project.`);
        }
        const number = (store.db.prepare<[number], { n: number }>('SELECT coalesce(max(number), 0) + 1 AS n FROM adopter WHERE project_id = ?').get(projectId)?.n ?? 1);
        return adopter.insert({
          ...ADOPTER_DEFAULTS,
          projectId,
          organizationId: org.id,
          number,
          stageDates: { candidate: localDay(store.clock) },
        });
      }),
    addInterviewee: ({ interviewId, name, role, email, anonymous }) =>
      store.change(`Add interviewee ${name}`, () => {
        const i = interview.getLive(interviewId);
        const a = adopter.getLive(i.adopterId);
        const known = person.list({ organization_id: a.organizationId }).find((p) => p.name.toLowerCase() === name.toLowerCase());
        const who = known ?? person.insert({ ...PERSON_DEFAULTS, name, role: role ?? null, email: email || null, organizationId: a.organizationId });
        const present = participant.list({ interview_id: interviewId });
        if (present.some((p) => p.personId === who.id)) throw new DeskError('DUPLICATE', `${who.name} is already a participant of this interview.`);
        const position = present.reduce((max, p) => Math.max(max, p.position), 0) + 1;
        return participant.insert({ interviewId, personId: who.id, anonymous: anonymous ?? false, position });
      }),
    outreachEmail: ({ adopterId, reviewerName }) =>
      store.read(() => {
        const a = adopter.getLive(adopterId);
        const p = project.getLive(a.projectId);
        const org = organization.get(a.organizationId);
        const contact = person.list({ organization_id: org.id }).find((x) => !x.maintainer) ?? null;
        const email = outreachEmail({
          projectName: p.name,
          level: p.level,
          organization: org.name,
          contactName: contact?.name ?? null,
          reviewerName: reviewerName ?? null,
          today: localDay(store.clock),
        });
        // The address, when recorded, fills the reviewer's mail program (a mailto: link).
        return { ...email, to: contact?.email ?? null };
      }),
  };
}
