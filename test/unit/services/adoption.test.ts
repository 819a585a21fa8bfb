import { describe, expect, it } from 'vitest';
import { contract } from '../../../services/contract';
import { dispatch } from '../../../services/dispatch';
import { OPERATION_NAMES } from '../../../services/operations';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

describe('Adoption section from the store', () => {
  it('exports the approved adopters in TOC format, anonymous ones by industry only', async () => {
    const { services } = freshDesk();
    const { project } = await seedGlobexMesh(services);
    const { markdown, omitted } = await services.exportAdoptionMarkdown({ projectId: project.id });
    expect(markdown).toContain('##### Adopter 1 - Acme Corp/Media\n\n_Ada Example, Platform Lead_\\\nJUNE 2024\n');
    expect(markdown).toContain('##### Adopter 2 - Anonymous Finance\n\n_Adopter and organization are anonymous_\\\nJULY 2024\n');
    expect(markdown).toContain('##### Adopter 3 - Umbrella Logistics/Logistics\n\n_The interviewee is anonymous_\\\nAUGUST 2024\n');
    expect(markdown).not.toMatch(/Initech|Initrode|Bo Sample|Cy Hidden/);
    expect(omitted).toEqual([{ number: 5, reason: 'the adopter declined' }]);
  });

  it('computes the criterion: 3 independent approved adopters at dev/test or beyond for incubation', async () => {
    const { services } = freshDesk();
    const { project } = await seedGlobexMesh(services);
    const check = await services.checkAdoption({ projectId: project.id });
    expect(check.criterion.met).toBe(true);
    expect(check.criterion.counted).toEqual([1, 2, 3, 4]);
    expect(check.criterion.checklistLine.startsWith('- [X] **Used in appropriate capacity')).toBe(true);
    expect(check.publishable).toBe(true);

    await services.updateProject({ id: project.id, version: project.version, level: 'graduation' });
    const graduation = await services.checkAdoption({ projectId: project.id });
    expect(graduation.criterion.counted).toEqual([1, 2]);
    expect(graduation.criterion.met).toBe(false);
    expect(graduation.criterion.sentence).toContain('Adopter 3: only pre-production; Adopter 4: only dev/test');
    expect(graduation.publishable).toBe(false);
  });

  it('refuses the export when an anonymous adopter is named, and the preview shows where', async () => {
    const { services } = freshDesk();
    const { project, adopters } = await seedGlobexMesh(services);
    const target = adopters[0]!.interview;
    const current = (await services.getInterview({ id: target.id })).interview;
    await services.updateInterview({ id: current.id, version: current.version, summary: 'Acme Corp learned about it from Initech.' });
    const refused = await dispatch(services, 'exportAdoptionMarkdown', { projectId: project.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LEAK_DETECTED' } });
    const preview = await services.previewAdoption({ projectId: project.id });
    expect(preview.leaks).toEqual([expect.objectContaining({ term: 'Initech', adopterNumber: 2, entryNumber: 1 })]);
    expect(preview.warnings.map((w) => w.code)).toContain('EDITED_AFTER_APPROVAL');
  });

  it('an allowance releases a false positive for that adopter only', async () => {
    const { services } = freshDesk();
    const { project, adopters } = await seedGlobexMesh(services);
    const interview = (await services.getInterview({ id: adopters[1]!.interview.id })).interview;
    await services.updateInterview({ id: interview.id, version: interview.version, summary: 'The initech-style naming of clusters is a local joke.' });
    expect(await dispatch(services, 'exportAdoptionMarkdown', { projectId: project.id })).toMatchObject({ ok: false });
    await services.addAllowance({ adopterId: adopters[1]!.adopter.id, term: 'initech', note: 'a naming style, not the company' });
    const exported = await services.exportAdoptionMarkdown({ projectId: project.id, includeDrafts: true });
    expect(exported.allowed).toEqual([expect.objectContaining({ term: 'Initech', allowedBy: 'initech (a naming style, not the company)' })]);
    const notAnonymous = await dispatch(services, 'addAllowance', { adopterId: adopters[0]!.adopter.id, term: 'x' });
    expect(notAnonymous).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('EVERY public operation is guarded: a planted secret is always refused', async () => {
    const publicOps = OPERATION_NAMES.filter((name) => (contract[name] as { public?: true }).public);
    expect(publicOps.length).toBeGreaterThan(0);
    for (const name of publicOps) {
      const { services } = freshDesk();
      const { project, adopters } = await seedGlobexMesh(services);
      const interview = (await services.getInterview({ id: adopters[2]!.interview.id })).interview;
      await services.updateInterview({ id: interview.id, version: interview.version, summary: 'Introduced by the team at initech.example.' });
      for (const input of [{ projectId: project.id }, { projectId: project.id, includeDrafts: true, typography: true }]) {
        const result = await dispatch(services, name, input);
        expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'LEAK_DETECTED' } });
      }
    }
  });

  it('the same data exports the same bytes', async () => {
    const { services } = freshDesk();
    const { project } = await seedGlobexMesh(services);
    const a = await services.exportAdoptionMarkdown({ projectId: project.id });
    const b = await services.exportAdoptionMarkdown({ projectId: project.id });
    expect(a.markdown).toBe(b.markdown);
  });
});
