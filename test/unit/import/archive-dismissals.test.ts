import { describe, expect, it } from 'vitest';
import { ARCHIVE_VERSION } from '../../../templates/import/archive-format';
import { dispatch } from '../../../services/dispatch';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/**
 * Warnings the reviewer dismissed travel with the project archive (version 3): exported,
 * imported into another store (where they keep the warning hidden), exported again to the
 * same bytes. Archives of versions 1 and 2, which carry none, still import, without a word
 * about dismissals; a newer version is refused in plain words.
 */

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

/** Globex Mesh with Adopter 3's misspelled name ("Umbrela Logistics") warned about, and the warning dismissed. */
async function withDismissal() {
  const desk = freshDesk({ clock: () => new Date('2025-03-04T05:06:07.000Z') });
  const { services } = desk;
  const seed = await seedGlobexMesh(services);
  const target = seed.adopters[2]!;
  const current = (await services.getInterview({ id: target.interview.id })).interview;
  await services.updateInterview({ id: current.id, version: current.version, summary: 'Umbrela Logistics uses it in pre-production for its routing services.' });
  const [warning] = (await services.previewAdoption({ projectId: seed.project.id })).warnings.filter((w) => w.code === 'MISSPELLED_NAME');
  const dismissal = await services.dismissWarning({ adopterId: target.adopter.id, key: warning!.key });
  const archive = await services.exportArchive({ projectId: seed.project.id });
  return { desk, services, seed, dismissal, text: decode(archive.base64), fileName: archive.fileName };
}

const misspelledIn = async (services: ReturnType<typeof freshDesk>['services'], projectId: number) =>
  (await services.previewAdoption({ projectId })).warnings.filter((w) => w.code === 'MISSPELLED_NAME');

describe('dismissed warnings in the project archive', () => {
  it(`version ${ARCHIVE_VERSION} carries them: the round trip into an empty store keeps the warning hidden and gives the same bytes`, async () => {
    const { text, fileName, dismissal } = await withDismissal();
    const parsed = JSON.parse(text) as { version: number; adopters: { number: number; dismissals: unknown[] }[] };
    expect(parsed.version).toBe(3);
    expect(parsed.adopters.find((a) => a.number === 3)!.dismissals).toEqual([
      { uid: expect.any(String), code: 'MISSPELLED_NAME', warningKey: dismissal.warningKey, message: dismissal.message, createdAt: dismissal.createdAt, updatedAt: dismissal.updatedAt },
    ]);
    expect(parsed.adopters.filter((a) => a.number !== 3).every((a) => a.dismissals.length === 0)).toBe(true);

    const other = freshDesk({ clock: () => new Date('2026-01-01T00:00:00.000Z') });
    const report = await other.services.importArchive({ fileName, text });
    expect(report.entries.map((e) => e.label)).toContain(`Adopter 3: dismissed warning "${dismissal.message}"`);
    const projectId = report.projectId!;
    expect(await misspelledIn(other.services, projectId)).toEqual([]);
    const adopter3 = (await other.services.listAdopters({ projectId })).find((a) => a.number === 3)!;
    expect(await other.services.listDismissedWarnings({ adopterId: adopter3.id })).toEqual([
      expect.objectContaining({ code: 'MISSPELLED_NAME', warningKey: dismissal.warningKey, createdAt: dismissal.createdAt }),
    ]);
    const again = await other.services.exportArchive({ projectId });
    expect(decode(again.base64)).toBe(text);

    // A second import adds nothing: the dismissal is matched by its uid.
    const twice = await other.services.importArchive({ fileName, text });
    expect(twice.entries.filter((e) => /dismissed warning/.test(e.label))).toEqual([]);
    expect(await other.services.listDismissedWarnings({ adopterId: adopter3.id })).toHaveLength(1);
  });

  it('a dismissal already here (made in both stores, other uids) is not doubled', async () => {
    const { text, fileName, seed, services } = await withDismissal();
    const withoutUid = JSON.parse(text) as { adopters: { dismissals: { uid?: string }[] }[] };
    for (const a of withoutUid.adopters) for (const d of a.dismissals) delete d.uid;
    const report = await services.importArchive({ fileName, text: JSON.stringify(withoutUid) });
    expect(report.entries.filter((e) => /dismissed warning/.test(e.label))).toEqual([]);
    const adopterId = seed.adopters[2]!.adopter.id;
    expect(await services.listDismissedWarnings({ adopterId })).toHaveLength(1);
  });

  it.each([1, 2])('a version %i archive (no dismissals) imports as before, with no word about dismissals', async (version) => {
    const { text, fileName } = await withDismissal();
    const older = JSON.parse(text) as { version: number; adopters: Record<string, unknown>[] };
    older.version = version;
    for (const a of older.adopters) delete a.dismissals;
    // Version 1 had no stable ids anywhere.
    const payload = version === 1 ? (JSON.parse(JSON.stringify(older, (k, v: unknown) => (k === 'uid' ? undefined : v))) as unknown) : older;
    const other = freshDesk();
    const report = await other.services.importArchive({ fileName, text: JSON.stringify(payload) });
    expect(report.created.adopters).toBe(older.adopters.length);
    expect([...report.warnings, ...report.entries.flatMap((e) => [e.label, ...e.warnings])].join('\n')).not.toMatch(/dismiss/i);
    expect(await misspelledIn(other.services, report.projectId!)).toHaveLength(1);
  });

  it('a newer archive version is refused in plain words, nothing imported', async () => {
    const { text, fileName } = await withDismissal();
    const newer = { ...(JSON.parse(text) as object), version: ARCHIVE_VERSION + 1 };
    const other = freshDesk();
    const refused = await dispatch(other.services, 'importArchive', { fileName, text: JSON.stringify(newer) }, () => {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const message = (refused as { error: { message: string } }).error.message;
    expect(message).toContain(`written by a newer version of Adoption Desk (archive version ${ARCHIVE_VERSION + 1}; this one reads versions 1 to ${ARCHIVE_VERSION})`);
    expect(await other.services.listProjects({})).toEqual([]);
  });
});
