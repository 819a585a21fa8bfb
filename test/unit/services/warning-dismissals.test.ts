import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../services/dispatch';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';
import { normalize, paragraphs } from '../templates/word/docx-inspect';

/** Globex Mesh with Adopter 3 (Umbrella Logistics) writing its name as "Umbrela Logistics". */
async function withMisspelling() {
  const { services } = freshDesk();
  const seed = await seedGlobexMesh(services);
  const target = seed.adopters[2]!;
  const setSummary = async (summary: string) => {
    const current = (await services.getInterview({ id: target.interview.id })).interview;
    await services.updateInterview({ id: current.id, version: current.version, summary });
  };
  await setSummary('Umbrela Logistics uses it in pre-production for its routing services.');
  const misspelled = async () => (await services.previewAdoption({ projectId: seed.project.id })).warnings.filter((w) => w.code === 'MISSPELLED_NAME');
  return { services, seed, adopterId: target.adopter.id, setSummary, misspelled };
}

describe('dismissing a warning for one adopter', () => {
  it('hides it from the preview, the entry preview and check; the dossier still lists it, marked', async () => {
    const { services, seed, adopterId, misspelled } = await withMisspelling();
    const [warning] = await misspelled();
    expect(warning).toMatchObject({ adopterNumber: 3, key: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const dismissal = await services.dismissWarning({ adopterId, key: warning!.key });
    expect(dismissal).toMatchObject({ adopterId, code: 'MISSPELLED_NAME', warningKey: warning!.key, message: warning!.message });

    expect(await misspelled()).toEqual([]);
    expect((await services.previewAdopterEntry({ adopterId })).warnings.map((w) => w.code)).not.toContain('MISSPELLED_NAME');
    expect((await services.checkAdoption({ projectId: seed.project.id })).warnings.map((w) => w.code)).not.toContain('MISSPELLED_NAME');
    expect(await services.listDismissedWarnings({ adopterId })).toEqual([expect.objectContaining({ id: dismissal.id, message: warning!.message })]);

    const dossier = await services.exportDossierDocx({ projectId: seed.project.id });
    const texts = paragraphs(Buffer.from(dossier.base64, 'base64')).map((p) => normalize(p.text));
    expect(texts).toContain(`${warning!.message} (dismissed by the reviewer)`);
  });

  it('comes back when the text it was about changes, and stays away while it does not', async () => {
    const { services, adopterId, setSummary, misspelled } = await withMisspelling();
    const [warning] = await misspelled();
    await services.dismissWarning({ adopterId, key: warning!.key });
    // An edit elsewhere in the project does not touch it.
    const other = (await services.listAdopters({ projectId: (await services.getAdopter({ id: adopterId })).adopter.projectId }))[0]!;
    await services.updateAdopter({ id: other.id, version: other.version, scale: '12 clusters' });
    expect(await misspelled()).toEqual([]);
    // The summary changes, the misspelling is still there: the warning shows again, with a new key.
    await setSummary('Umbrela Logistics uses it in pre-production for its routing and billing services.');
    const [again] = await misspelled();
    expect(again!.message).toBe(warning!.message);
    expect(again!.key).not.toBe(warning!.key);
    expect(await services.listDismissedWarnings({ adopterId })).toEqual([]);
    // Written back exactly as it was, the old dismissal matches again.
    await setSummary('Umbrela Logistics uses it in pre-production for its routing services.');
    expect(await misspelled()).toEqual([]);
  });

  it('can be shown again, and undone like any change', async () => {
    const { services, seed, adopterId, misspelled } = await withMisspelling();
    const [warning] = await misspelled();
    const dismissal = await services.dismissWarning({ adopterId, key: warning!.key });
    expect(await services.restoreWarning({ id: dismissal.id })).toMatchObject({ id: dismissal.id, warningKey: warning!.key });
    expect(await misspelled()).toHaveLength(1);
    await services.dismissWarning({ adopterId, key: warning!.key });
    expect(await misspelled()).toEqual([]);
    expect((await services.undo({ projectId: seed.project.id })).label).toBe('Dismiss a warning');
    expect(await misspelled()).toHaveLength(1);
  });

  it('refuses a key that is not one of the adopter’s warnings now, and a second dismissal of the same', async () => {
    const { services, seed, adopterId, setSummary, misspelled } = await withMisspelling();
    const [warning] = await misspelled();
    const elsewhere = await dispatch(services, 'dismissWarning', { adopterId: seed.adopters[0]!.adopter.id, key: warning!.key });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('Adopter 1 has no such warning any more') } });
    await services.dismissWarning({ adopterId, key: warning!.key });
    expect(await dispatch(services, 'dismissWarning', { adopterId, key: warning!.key })).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE', message: 'That warning is already dismissed for Adopter 3.' },
    });
    await setSummary('Umbrella Logistics uses it.');
    expect(await dispatch(services, 'dismissWarning', { adopterId, key: warning!.key })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(services, 'dismissWarning', { adopterId, key: 'not-a-key' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
