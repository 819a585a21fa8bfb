import { describe, expect, it, vi } from 'vitest';

/**
 * docx and fflate are loaded on the first Word export, not at start-up: the app's main
 * process and the command line import the services (and the CLI every command) without
 * loading either. A static `import … from 'docx'` anywhere on those paths fails this.
 * (test/packaging/docx-on-demand.test.ts checks the built bundles keep the import dynamic.)
 */

const loads = vi.hoisted(() => ({ docx: 0, fflate: 0 }));

vi.mock('docx', async (importOriginal) => {
  loads.docx++;
  return importOriginal();
});
vi.mock('fflate', async (importOriginal) => {
  loads.fflate++;
  return importOriginal();
});

describe('loading docx', () => {
  it('happens on the first Word export, not when the services or the command line are loaded and used', { timeout: 30_000 }, async () => {
    await import('../../../../cli/run');
    const { freshDesk } = await import('../../../helpers/desk');
    const { seedGlobexMesh } = await import('../../../helpers/seed');
    const { services } = freshDesk();
    const { project } = await seedGlobexMesh(services);
    await services.exportAdoptionMarkdown({ projectId: project.id });
    expect(loads).toEqual({ docx: 0, fflate: 0 });

    const file = await services.exportAdoptionDocx({ projectId: project.id });
    expect(file.fileName).toBe('globex-mesh-adoption.docx');
    expect(loads).toEqual({ docx: 1, fflate: 1 });
    await services.exportDossierDocx({ projectId: project.id });
    expect(loads).toEqual({ docx: 1, fflate: 1 }); // loaded once
  });
});
