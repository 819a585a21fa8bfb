import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitFailureOf } from '../../../services/share/git';
import { openClone } from '../../../services/share/git-clone';
import { syncLoop } from '../../../services/share/git-sync';
import { projectShareFiles } from '../../../services/share/files';
import { checkRemote } from '../../../services/share/remote-check';
import { freshDesk } from '../../helpers/desk';
import { bareRemote, useGitSandbox } from '../../helpers/git-sandbox';
import { seedGlobexMesh } from '../../helpers/seed';

const sandbox = useGitSandbox();

describe('a real project through Git', { timeout: 60_000 }, () => {
  it("the Globex Mesh DD's share files go to a remote and come back byte for byte; the remote then holds that project only", async () => {
    const desk = freshDesk();
    const { project } = await seedGlobexMesh(desk.services);
    const files = projectShareFiles(desk.store, project.id);
    const projectUid = (JSON.parse(files.get('format.json')!) as { projectUid: string }).projectUid;

    const remote = bareRemote(sandbox.root());
    expect(await checkRemote(remote, projectUid)).toMatchObject({ holds: 'empty' });
    const ana = await openClone(path.join(desk.dir, 'share', `${projectUid}.git`), remote);
    const shared = await syncLoop(ana, { exportFiles: () => files, merge: () => files });
    expect(shared.status).toBe('pushed');

    const ben = await openClone(path.join(sandbox.root(), 'ben', 'share', `${projectUid}.git`), remote);
    let received = new Map<string, string>();
    await syncLoop(ben, { exportFiles: () => received, merge: ({ theirs }) => (received = new Map(theirs)) });
    expect(received).toEqual(files);
    for (const [file, content] of files) expect(Buffer.from(received.get(file)!).equals(Buffer.from(content))).toBe(true);

    expect(await checkRemote(remote, projectUid)).toEqual({ transport: 'local', holds: 'this-project', head: shared.commit, projectUid });
    expect(gitFailureOf(await checkRemote(remote, 'another-project-uid').catch((e: unknown) => e))).toBe('other-project');
  });
});
