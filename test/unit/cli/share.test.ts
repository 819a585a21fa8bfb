import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileFor } from '../../../services/instance-lock';
import { cli } from '../../helpers/cli';
import { openDesk } from '../../../services/desk';
import { recordAcknowledgements } from '../../../services/share/store';
import { freshDesk } from '../../helpers/desk';
import { bareRemote, useGitSandbox } from '../../helpers/git-sandbox';
import { seedGlobexMesh } from '../../helpers/seed';

const sandbox = useGitSandbox({ name: 'Ana', email: 'ana@globex.example' });

async function anaWithProject() {
  const desk = freshDesk();
  await seedGlobexMesh(desk.services);
  desk.close();
  return desk.file;
}

describe('adoption-desk share', { timeout: 60_000 }, () => {
  it('init, join, status and sync print the Sync report in sentences', async () => {
    const ana = await anaWithProject();
    const remote = bareRemote(sandbox.root());
    const ben = path.join(sandbox.root(), 'ben', 'adoption-desk.sqlite');

    const shared = await cli(['share', 'init', '--project', 'globex-mesh', '--remote', remote, '--db', ana]);
    expect(shared).toMatchObject({ code: 0, stderr: '' });
    expect(shared.stdout).toBe('The project is shared: your teammates can join it with its address.\n');

    const joined = await cli(['share', 'join', remote, '--db', ben]);
    expect(joined.stderr).toBe('');
    expect(joined.code).toBe(0);
    expect(joined.stdout).toMatch(/^You joined the team's project, shared by Ana: \d+ records\.\n$/);

    const status = await cli(['share', 'status', '--db', ben]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^globex-mesh: Synced \\d\\d:\\d\\d \\(team repository: ${remote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)\n$`));

    const synced = await cli(['share', 'sync', '--project', 'globex-mesh', '--db', ben]);
    expect(synced).toMatchObject({ code: 0, stdout: 'Nothing new arrived from the team.\n' });

    const asJson = await cli(['share', 'status', '--project', 'globex-mesh', '--json', '--db', ana]);
    expect(JSON.parse(asJson.stdout)).toEqual([expect.objectContaining({ slug: 'globex-mesh', changedHere: false, openConflicts: [], toAcknowledge: [] })]);

    // A project of the same store that is not shared says so, and how to share it.
    expect((await cli(['project', 'add', '--name', 'Initech Relay', '--level', 'incubation', '--db', ana])).code).toBe(0);
    expect(await cli(['share', 'status', '--project', 'initech-relay', '--db', ana])).toMatchObject({
      code: 0,
      stdout: 'initech-relay is not shared with a team yet. Share it with: adoption-desk share init --project initech-relay --remote URL\n',
    });
  });

  it('acknowledge: a teammate’s anonymity change is read out, acknowledged, and public exports go ahead', async () => {
    const ana = await anaWithProject();
    const remote = bareRemote(sandbox.root());
    expect((await cli(['share', 'init', '--project', 'globex-mesh', '--remote', remote, '--db', ana])).code).toBe(0);
    // What a Sync records when Ben turned anonymity off for Adopter 2 (the Sync itself is tested in share/sync-team).
    const desk = openDesk(ana);
    const projectId = (await desk.services.getProjectBySlug({ slug: 'globex-mesh' })).id;
    const adopter2 = (await desk.services.listAdopters({ projectId })).find((a) => a.number === 2)!;
    recordAcknowledgements(desk.store!, projectId, [{ reason: 'anonymity-off', id: 'a2', kind: 'adopter', adopterUid: 'a2', adopterNumber: adopter2.number, by: 'Ben' }]);
    desk.close();
    const out = path.join(sandbox.root(), 'adoption.md');

    expect((await cli(['export', 'adoption-md', '--project', 'globex-mesh', '--out', out, '--db', ana])).stderr).toMatch(/cannot be published yet: Ben turned off anonymity of Adopter 2/);
    expect(await cli(['share', 'acknowledge', '--project', 'globex-mesh', '--db', ana])).toMatchObject({ code: 0, stdout: 'Acknowledged: Ben turned off anonymity of Adopter 2.\n' });
    expect(await cli(['share', 'acknowledge', '--project', 'globex-mesh', '--db', ana])).toMatchObject({ code: 0, stdout: 'Nothing in globex-mesh waits for an acknowledgement.\n' });
    expect((await cli(['export', 'adoption-md', '--project', 'globex-mesh', '--out', out, '--db', ana])).stderr).not.toMatch(/cannot be published yet/);
  });

  it.each([
    [['share'], /Usage:/],
    [['share', 'frobnicate'], /Unknown share command "frobnicate"/],
    [['share', 'init', '--project', 'globex-mesh'], /share init needs --remote URL/],
    [['share', 'sync'], /share sync needs --project SLUG/],
    [['share', 'join'], /share join needs the address/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const ana = await anaWithProject();
    const result = await cli([...args, '--db', ana]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('refuses a CNCF address (exit 2), an unshared project (exit 4) and a Sync while the app holds the data folder (exit 4), in words', async () => {
    const ana = await anaWithProject();
    const cncf = await cli(['share', 'init', '--project', 'globex-mesh', '--remote', 'https://github.com/cncf/toc.git', '--db', ana]);
    expect(cncf.code).toBe(2);
    expect(cncf.stderr).toMatch(/CNCF organization on GitHub, and those are public/);

    const unshared = await cli(['share', 'sync', '--project', 'globex-mesh', '--db', ana]);
    expect(unshared.code).toBe(4);
    expect(unshared.stderr).toMatch(/Globex Mesh is not shared with a team yet/);

    const remote = bareRemote(sandbox.root());
    expect((await cli(['share', 'init', '--project', 'globex-mesh', '--remote', remote, '--db', ana])).code).toBe(0);
    // The desktop app of another process holds the data folder: the command line leaves its clone alone.
    fs.writeFileSync(lockFileFor(ana), JSON.stringify({ pid: process.ppid, program: 'desktop app', hostname: 'here', startedAt: new Date().toISOString(), nonce: 'x' }));
    const held = await cli(['share', 'sync', '--project', 'globex-mesh', '--db', ana]);
    expect(held.code).toBe(4);
    expect(held.stderr).toMatch(/Adoption Desk is open on this data folder \(the desktop app, process \d+\): Sync from there, or close it first/);
    // The status still reads what the store knows, leaving the clone alone.
    const status = await cli(['share', 'status', '--db', ana]);
    expect(status).toMatchObject({ code: 0, stderr: '' });
    expect(status.stdout).toMatch(/^globex-mesh: Synced \d\d:\d\d \(team repository: /);
    fs.rmSync(lockFileFor(ana));
    expect((await cli(['share', 'sync', '--project', 'globex-mesh', '--db', ana])).code).toBe(0);
  });
});
