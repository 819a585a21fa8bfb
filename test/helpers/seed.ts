import type { Services } from '../../services/contract';

/**
 * A realistic small DD through the real services: Globex Mesh (incubation) with four
 * interviewed and approved adopters — one anonymous organization (Initech) and one
 * anonymous interviewee in a named organization — plus a declined candidate.
 * Invented organizations and people only.
 */
export async function seedGlobexMesh(services: Services) {
  const project = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
  const org = async (name: string, industry: string, extra: { aliases?: string[]; website?: string } = {}) =>
    services.createOrganization({ name, industry, ...extra });
  const acme = await org('Acme Corp', 'Media');
  const initech = await org('Initech', 'Finance', { aliases: ['Initrode'], website: 'https://initech.example' });
  const umbrella = await org('Umbrella Logistics', 'Logistics');
  const vandelay = await org('Vandelay Industries', 'Manufacturing');
  const hooli = await org('Hooli', 'Software');

  const adopters = [];
  const plan = [
    { org: acme, person: 'Ada Example', role: 'Platform Lead', summary: 'Acme Corp runs Globex Mesh in production for its streaming stack.', usage: 'production' as const },
    { org: initech, person: 'Bo Sample', role: 'SRE', summary: 'Adopter 2 moved its payment services onto the mesh last year.', usage: 'production' as const, anonymous: true },
    { org: umbrella, person: 'Cy Hidden', role: 'Engineer', summary: 'Umbrella Logistics uses it in pre-production for its routing services.', usage: 'pre-production' as const, anonymousPerson: true },
    { org: vandelay, person: 'Dee Example', role: 'CTO', summary: 'Vandelay Industries tests it in dev/test clusters.', usage: 'dev-test' as const },
  ];
  for (const [i, item] of plan.entries()) {
    const adopter = await services.createAdopter({
      projectId: project.id,
      organizationId: item.org.id,
      anonymous: item.anonymous ?? false,
      usageLevel: item.usage,
    });
    const who = await services.createPerson({ name: item.person, role: item.role, organizationId: item.org.id, email: `${item.person.split(' ')[0]!.toLowerCase()}@example.org` });
    const date = `2024-0${i + 6}-1${i}`;
    const interview = await services.createInterview({ adopterId: adopter.id, date, interviewers: ['Rae Reviewer'], summary: item.summary });
    await services.addParticipant({ interviewId: interview.id, personId: who.id, anonymous: item.anonymousPerson ?? false });
    const sent = await services.markSummarySent({ id: interview.id, version: interview.version, date: `2024-0${i + 6}-2${i}` });
    await services.approveSummary({ id: sent.id, version: sent.version, date: `2024-0${i + 6}-2${i + 2}` });
    adopters.push({ adopter, interview, person: who });
  }
  const declined = await services.createAdopter({ projectId: project.id, organizationId: hooli.id });
  await services.setAdopterStage({ id: declined.id, version: declined.version, stage: 'declined', date: '2024-06-01' });
  return { project, adopters, orgs: { acme, initech, umbrella, vandelay, hooli } };
}
