import { describe, expect, it } from 'vitest';
import { freshDesk, inProcessDeskApi, unwrap } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/**
 * An archive speaks for its own project only (issue 18, class 6): the archive of a different
 * project that happens to have the same slug here — another reviewer's "Globex Mesh", made
 * apart, with its own stable id — becomes a project of its own. It never renames, re-notes or
 * adds to the project here, however new its dates; and importing it again finds it by its id.
 */
const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
const CLOCK = () => new Date('2026-01-01T00:00:00.000Z');

describe('an archive of another project under the same slug', () => {
  it('is imported as a project of its own, and the project here is untouched', async () => {
    const here = freshDesk({ clock: CLOCK });
    const apiHere = inProcessDeskApi(here);
    const { project } = await seedGlobexMesh(here.services);
    const before = decode((await unwrap(apiHere.exportArchive({ projectId: project.id }))).base64);

    // Another store, another project with the same name, written later.
    const there = freshDesk({ clock: () => new Date('2026-01-01T06:00:00.000Z') });
    const other = await there.services.createProject({ name: project.name, level: 'graduation', notes: 'Their own notes.' });
    const org = await there.services.createOrganization({ name: 'Corra Freight' });
    await there.services.createAdopter({ projectId: other.id, organizationId: org.id });
    const theirs = JSON.parse(decode((await unwrap(inProcessDeskApi(there).exportArchive({ projectId: other.id }))).base64)) as {
      project: { slug: string; name: string; updatedAt: string };
    };
    expect(theirs.project.slug).toBe(project.slug);
    theirs.project.name = 'Globex Mesh (their copy)';
    theirs.project.updatedAt = '2026-01-01T05:00:00.000Z';

    const report = await unwrap(apiHere.importArchive({ fileName: 'theirs.json', text: JSON.stringify(theirs) }));
    expect(report.warnings.join('\n')).toContain(`This store has another project under the name "${project.slug}" (${project.name}); the archive's project is a different one, so it was imported as a project of its own, "${project.slug}-2"`);
    expect(report.projectId).not.toBe(project.id);
    expect(decode((await unwrap(apiHere.exportArchive({ projectId: project.id }))).base64)).toBe(before);
    const imported = await here.services.getProject({ id: report.projectId! });
    expect(imported).toMatchObject({ slug: `${project.slug}-2`, name: 'Globex Mesh (their copy)', notes: 'Their own notes.' });

    // Again: found by its stable id, nothing new made, the project here still untouched.
    const again = await unwrap(apiHere.importArchive({ fileName: 'theirs.json', text: JSON.stringify(theirs) }));
    expect(again.projectId).toBe(report.projectId);
    expect(again.created.projects).toBe(0);
    expect((await here.services.listProjects({})).map((p) => p.slug).sort()).toEqual([project.slug, `${project.slug}-2`].sort());
    expect(decode((await unwrap(apiHere.exportArchive({ projectId: project.id }))).base64)).toBe(before);
  });

  it('imported again and again, with or without stable ids, adds no organization or person twice', async () => {
    const a = freshDesk({ clock: CLOCK });
    const { project } = await seedGlobexMesh(a.services);
    const text = decode((await unwrap(inProcessDeskApi(a).exportArchive({ projectId: project.id }))).base64);
    // The same archive as an older app wrote it (version 1: no stable ids).
    const withoutUids = JSON.stringify(JSON.parse(text, (key, value: unknown) => (key === 'uid' ? undefined : value)));
    for (const archive of [text, withoutUids]) {
      const b = freshDesk({ clock: CLOCK });
      const api = inProcessDeskApi(b);
      await unwrap(api.importArchive({ fileName: 'a.json', text: archive }));
      const count = () => ({
        organizations: b.store.db.prepare('SELECT count(*) AS n FROM organization').get(),
        people: b.store.db.prepare('SELECT count(*) AS n FROM person').get(),
        adopters: b.store.db.prepare('SELECT count(*) AS n FROM adopter').get(),
      });
      const once = count();
      await unwrap(api.importArchive({ fileName: 'a.json', text: archive }));
      await unwrap(api.importArchive({ fileName: 'a.json', text: archive }));
      expect(count()).toEqual(once);
    }
  });
});
