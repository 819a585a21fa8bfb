import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../services/archive-export';
import { applySnapshot, listShareLinks, projectIdOfUid, projectSnapshot, recordAcknowledgements, saveShareLink, shareLinkOf } from '../../../services/share/store';
import { conflictUid } from '../../../templates/share/merge-conflicts';
import { seedGlobexMesh } from '../../helpers/seed';
import { freshDesk } from '../../helpers/desk';

/** A project's link to its team repository: saved at a Share or a Join, updated by each Sync, outside the change log. */
describe('share links', () => {
  it('saves, updates and lists the links; the last report is kept when a save leaves it out', async () => {
    const { store, services } = freshDesk();
    const mesh = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    const tracing = await services.createProject({ name: 'Initech Tracing', level: 'graduation' });
    const meshUid = store.tables.project.uidOf(mesh.id)!;
    expect(shareLinkOf(store, mesh.id)).toBeNull();
    expect(projectIdOfUid(store, meshUid)).toBe(mesh.id);
    expect(projectIdOfUid(store, 'no-such-project')).toBeNull();

    const changes = store.recentChanges(100).length;
    saveShareLink(store, { projectId: mesh.id, remoteUrl: '/srv/teams/globex-mesh.git', agreedCommit: null, lastSyncAt: null });
    expect(shareLinkOf(store, mesh.id)).toEqual({ projectId: mesh.id, projectUid: meshUid, remoteUrl: '/srv/teams/globex-mesh.git', agreedCommit: null, lastSyncAt: null, lastReport: null });
    const report = { incomingAuthors: ['Ana'], conflictsOpened: [] };
    saveShareLink(store, { projectId: mesh.id, remoteUrl: '/srv/teams/globex-mesh.git', agreedCommit: 'a'.repeat(40), lastSyncAt: '2024-12-01T09:12:00.000Z', lastReport: report });
    saveShareLink(store, { projectId: mesh.id, remoteUrl: 'ssh://git.example/globex-mesh.git', agreedCommit: 'b'.repeat(40), lastSyncAt: '2024-12-01T10:00:00.000Z' });
    expect(shareLinkOf(store, mesh.id)).toMatchObject({ remoteUrl: 'ssh://git.example/globex-mesh.git', agreedCommit: 'b'.repeat(40), lastSyncAt: '2024-12-01T10:00:00.000Z', lastReport: report });
    saveShareLink(store, { projectId: tracing.id, remoteUrl: '/srv/teams/tracing.git', agreedCommit: null, lastSyncAt: null, lastReport: null });
    expect(listShareLinks(store).map((l) => [l.projectId, l.remoteUrl, l.lastReport])).toEqual([
      [mesh.id, 'ssh://git.example/globex-mesh.git', report],
      [tracing.id, '/srv/teams/tracing.git', null],
    ]);
    // Bookkeeping, not an edit: nothing to undo.
    expect(store.recentChanges(100).length).toBe(changes);
  });

  it('the archive of a shared project carries none of it: no link, no conflict, no acknowledgement', async () => {
    const { store, services } = freshDesk();
    const { project, adopters } = await seedGlobexMesh(services);
    const plain = JSON.stringify(buildArchive(store, project.id));
    saveShareLink(store, { projectId: project.id, remoteUrl: '/srv/teams/globex-mesh.git', agreedCommit: 'c'.repeat(40), lastSyncAt: null, lastReport: { note: 'Report of Ben' } });
    recordAcknowledgements(store, project.id, [{ reason: 'anonymity-off', id: 'adopter:x', kind: 'adopter', adopterUid: null, adopterNumber: 2, by: 'Ben' }]);
    const interviewUid = store.tables.interview.uidOf(adopters[0]!.interview.id)!;
    const snapshot = new Map(projectSnapshot(store, project.id));
    const uid = conflictUid('interview', interviewUid, 'summary');
    const at = '2024-12-01T10:00:00.000Z';
    snapshot.set(`conflict:${uid}`, { kind: 'conflict', uid, fields: { recordKind: 'interview', recordUid: interviewUid, field: 'summary', base: null, texts: [{ text: 'Text of Ben.', by: 'Ben' }], createdAt: at, updatedAt: at } });
    applySnapshot(store, { projectId: project.id }, snapshot, { label: 'Sync with the team', authors: ['Ben'] });
    expect(projectSnapshot(store, project.id).has(`conflict:${uid}`)).toBe(true);
    expect(JSON.stringify(buildArchive(store, project.id))).toBe(plain);
  });
});
