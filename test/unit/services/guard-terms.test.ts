import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../services/dispatch';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/** Invented organizations and people only. */
describe('listGuardTerms: what the guard looks for to protect an adopter', () => {
  it('for an anonymous adopter: its names, variants, website and every person of the organization, each with where it came from', async () => {
    const { services } = freshDesk();
    const { adopters, orgs, project } = await seedGlobexMesh(services);
    // A contact recorded under the organization, never interviewed, and a longer name for it.
    await services.createPerson({ name: 'Priya van der Berg', organizationId: orgs.initech.id, email: 'priya@initech.example' });
    await services.updateOrganization({ id: orgs.initech.id, version: orgs.initech.version, name: 'Initech Holdings Inc.', website: 'https://github.com/initech-oss' });

    const terms = await services.listGuardTerms({ adopterId: adopters[1]!.adopter.id });
    expect(terms.map((t) => [t.kind, t.term])).toEqual(
      expect.arrayContaining([
        ['organization', 'Initech Holdings Inc.'],
        ['alias', 'Initrode'],
        ['variant', 'Initech Holdings'],
        ['variant', 'Initech'],
        ['website', 'initech-oss'],
        ['person', 'Bo Sample'],
        ['surname', 'Sample'],
        ['email', 'bo@example.org'],
        ['person', 'Priya van der Berg'],
        ['given-name', 'Priya'],
        ['surname', 'Berg'],
        ['email', 'priya@initech.example'],
        ['email-domain', 'initech.example'],
      ]),
    );
    expect(terms.find((t) => t.term === 'Initech')).toEqual({
      term: 'Initech',
      kind: 'variant',
      from: '“Initech Holdings Inc.” without “Holdings Inc.”',
      person: null,
      releasedBy: [],
    });
    expect(terms.find((t) => t.term === 'Priya')).toMatchObject({ person: 'Priya van der Berg', from: 'Priya van der Berg: a given name' });
    const all = terms.map((t) => t.term.toLowerCase());
    for (const never of ['github.com', 'github', 'van', 'der', 'example.org', 'holdings', 'inc.']) expect(all).not.toContain(never);

    // Exactly what the export is scanned for: the list's variant is refused in another entry.
    const acme = (await services.getInterview({ id: adopters[0]!.interview.id })).interview;
    await services.updateInterview({ id: acme.id, version: acme.version, summary: 'Acme Corp heard of it from Priya at a meetup.' });
    const refused = await dispatch(services, 'exportAdoptionMarkdown', { projectId: project.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LEAK_DETECTED' } });
  });

  it('shows the allowances that release a term', async () => {
    const { services } = freshDesk();
    const { adopters } = await seedGlobexMesh(services);
    const allowance = await services.addAllowance({ adopterId: adopters[1]!.adopter.id, term: 'INITRODE', entryNumber: null, note: 'a product name everyone uses' });
    const terms = await services.listGuardTerms({ adopterId: adopters[1]!.adopter.id });
    expect(terms.find((t) => t.term === 'Initrode')?.releasedBy).toEqual([{ term: allowance.term, entryNumber: null, note: 'a product name everyone uses' }]);
    expect(terms.find((t) => t.term === 'Initech')?.releasedBy).toEqual([]);
  });

  it('for a named adopter: only its anonymous interviewees, without the organization’s domain', async () => {
    const { services } = freshDesk();
    const { adopters } = await seedGlobexMesh(services);
    expect(await services.listGuardTerms({ adopterId: adopters[0]!.adopter.id })).toEqual([]);
    const umbrella = await services.listGuardTerms({ adopterId: adopters[2]!.adopter.id });
    expect(umbrella.map((t) => [t.kind, t.term])).toEqual([
      ['person', 'Cy Hidden'],
      ['surname', 'Hidden'],
      ['email', 'cy@example.org'],
    ]);
  });

  it('through the contract: an unknown adopter is NOT_FOUND, a bad input is refused', async () => {
    const { services } = freshDesk();
    expect(await dispatch(services, 'listGuardTerms', { adopterId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(services, 'listGuardTerms', { adopterId: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
