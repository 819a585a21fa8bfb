import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../domain/limits';
import { exportArchive } from '../../../services/archive-export';
import { archiveSizeBound, checkProjectSize } from '../../../services/project-limits';
import { createRng } from '../../../scripts/bench/prng';
import { freshDesk, inProcessDeskApi } from '../../helpers/desk';

/**
 * A project stays within LIMITS.projectBytes whatever door it grows through, measured as its
 * archive: the editor's saves included, so that the archive of any project the app holds
 * imports again (the archive door reads files of that size). The cheap SQL bound that spares
 * the archive's making on every save must never be below the real size.
 */
const archiveBytes = (desk: ReturnType<typeof freshDesk>, projectId: number) =>
  Buffer.from(exportArchive(desk.store, projectId).base64, 'base64').length;

describe('a project’s size, as its archive', () => {
  it('the SQL bound is never below the archive’s size, whatever the text holds', async () => {
    const rng = createRng('issue-18-project-bound');
    // Characters the archive writes longer than they are stored: quotes, backslashes, line ends, controls.
    const pieces = ['plain words ', '"', '\\', '\n', '\u0007', '\u0000', 'é', '日本', '😀', '\t', '<b>', ' '];
    const text = (n: number) => Array.from({ length: n }, () => rng.pick(pieces)).join('');
    const desk = freshDesk();
    const s = desk.services;
    for (let round = 0; round < 6; round++) {
      const project = await s.createProject({ name: `Fen Relay ${round}`, level: 'incubation', notes: text(rng.int(0, 300)) });
      for (let a = 0; a < rng.int(1, 6); a++) {
        const org = await s.createOrganization({ name: `Dray Works ${round}-${a}`, aliases: [[...text(5)].filter((ch) => ch.charCodeAt(0) >= 32).join('') || 'x'] });
        const adopter = await s.createAdopter({ projectId: project.id, organizationId: org.id, vendorNote: text(rng.int(0, 200)) });
        for (let i = 0; i < rng.int(0, 3); i++) {
          const interview = await s.createInterview({ adopterId: adopter.id, summary: text(rng.int(0, 2_000)), rawNotes: text(rng.int(0, 2_000)) });
          await s.setAnswer({ interviewId: interview.id, questionKey: 'q1', text: text(rng.int(1, 500)), version: null });
        }
      }
      expect(archiveSizeBound(desk.store, project.id)).toBeGreaterThanOrEqual(archiveBytes(desk, project.id));
    }
  });

  it('a save that would take the project past its size is refused in words, and nothing of it is kept', async () => {
    const desk = freshDesk();
    // The gate every change passes, with a limit of 2 MB so that a few saves reach it (the table's 50 MB takes ~25 saves of 1 MB).
    const limit = 2_000_000;
    desk.store.checkBeforeCommit((projectId) => checkProjectSize(desk.store, projectId, limit));
    const s = desk.services;
    const api = inProcessDeskApi(desk);
    const project = await s.createProject({ name: 'Mosk Mesh', level: 'graduation' });
    const org = await s.createOrganization({ name: 'Lumen Freight' });
    // Quotes are written twice as long in the archive: 300 KB of them are 600 KB there.
    const quoted = '"'.repeat(300_000);
    let saved = 0;
    let refusal = '';
    for (let n = 1; n <= 5; n++) {
      const adopter = await s.createAdopter({ projectId: project.id, organizationId: org.id });
      const interview = await s.createInterview({ adopterId: adopter.id });
      const result = await api.updateInterview({ id: interview.id, version: interview.version, summary: quoted });
      if (result.ok) {
        saved++;
        continue;
      }
      refusal = result.error.message;
      // The refused summary is not there; the interview is as it was.
      expect(desk.store.tables.interview.get(interview.id).summary).toBe('');
      break;
    }
    expect(saved).toBe(3);
    expect(refusal).toMatch(/^Mosk Mesh would take 2\.\d MB as an archive; a project holds at most 2 MB, so that it can always be moved as one file\. Nothing was saved\.$/);
    // What is kept still fits.
    expect(archiveBytes(desk, project.id)).toBeLessThanOrEqual(limit);
  });

  it('every change under a project passes the gate once, before it commits', async () => {
    const desk = freshDesk();
    const project = await desk.services.createProject({ name: 'Vask Relay', level: 'incubation' });
    // The bound of a small project is far under the limit; the real gate is installed (a bound over it would build the archive).
    expect(archiveSizeBound(desk.store, project.id)).toBeLessThan(LIMITS.projectBytes);
    let calls = 0;
    desk.store.checkBeforeCommit(() => calls++);
    await desk.services.updateProject({ id: project.id, version: project.version, notes: 'A note.' });
    expect(calls).toBe(1);
  });
});
