import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openClone } from '../../../services/share/git-clone';
import { shareStatus } from '../../../services/share/git-status';
import { syncLoop } from '../../../services/share/git-sync';
import { fileMerge, projectFiles } from '../../helpers/git-files';
import { actAs, bareRemote, useGitSandbox } from '../../helpers/git-sandbox';

const sandbox = useGitSandbox();

describe('where a shared project stands, without the network', { timeout: 60_000 }, () => {
  it('changes here, teammates ahead after a fetch, and in step after a Sync', async () => {
    const remote = bareRemote(sandbox.root());
    const ana = await openClone(path.join(sandbox.root(), 'ana.git'), remote);
    const ben = await openClone(path.join(sandbox.root(), 'ben.git'), remote);
    actAs(ben.dir, 'Ben', 'ben@initech.example');
    let anaStore = projectFiles();
    let benStore = new Map<string, string>();
    const anaSync = () => syncLoop(ana, { exportFiles: () => anaStore, merge: (sides) => (anaStore = fileMerge(sides)) });
    const benSync = () => syncLoop(ben, { exportFiles: () => benStore, merge: (sides) => (benStore = fileMerge(sides)) });

    expect(await shareStatus(ana, anaStore)).toEqual({ agreed: null, changedHere: true, teamAhead: false });
    const shared = await anaSync();
    expect(await shareStatus(ana, anaStore)).toEqual({ agreed: shared.commit, changedHere: false, teamAhead: false });

    await benSync();
    benStore.set('quotes/quote-1.json', '{"text":"Changed by Ben.","uid":"quote-1"}\n');
    expect(await shareStatus(ben, benStore)).toMatchObject({ changedHere: true, teamAhead: false });
    await benSync();

    // Ana has not fetched: nothing is known yet. After a fetch, the team is ahead.
    expect(await shareStatus(ana, anaStore)).toMatchObject({ changedHere: false, teamAhead: false });
    await ana.fetch();
    expect(await shareStatus(ana, anaStore)).toMatchObject({ changedHere: false, teamAhead: true });
    await anaSync();
    expect(await shareStatus(ana, anaStore)).toMatchObject({ changedHere: false, teamAhead: false });
  });
});
