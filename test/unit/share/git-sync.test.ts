import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitFailureOf } from '../../../services/share/git';
import { openClone, type ShareClone } from '../../../services/share/git-clone';
import { LOCAL_REF, OUTGOING_REF, REMOTE_REF } from '../../../services/share/git-layout';
import { syncLoop, type SyncSides } from '../../../services/share/git-sync';
import { fileMerge, projectFiles } from '../../helpers/git-files';
import { actAs, bareRemote, git, useGitSandbox } from '../../helpers/git-sandbox';
import { allowHttpPush, startGitHttp } from '../../helpers/git-servers';

const sandbox = useGitSandbox();

/** One reviewer: a store (here, files in memory) and a clone of the team's remote. */
interface Reviewer {
  store: Map<string, string>;
  clone: ShareClone;
  merges: SyncSides[];
}

async function reviewer(name: string, remote: string, store = new Map<string, string>()): Promise<Reviewer> {
  const clone = await openClone(path.join(sandbox.root(), `${name}-data`, 'share', 'kite.git'), remote);
  actAs(clone.dir, name, `${name.toLowerCase()}@initech.example`);
  return { store, clone, merges: [] };
}

const sync = (who: Reviewer, attempts?: number) =>
  syncLoop(who.clone, {
    attempts,
    exportFiles: () => new Map(who.store),
    merge: (sides) => {
      who.merges.push(sides);
      who.store = fileMerge(sides);
      return who.store;
    },
  });

/** A remote where Ana shared the project and Ben joined: both in step. */
async function team(): Promise<{ remote: string; ana: Reviewer; ben: Reviewer }> {
  const remote = bareRemote(sandbox.root());
  const ana = await reviewer('Ana', remote, projectFiles());
  await sync(ana);
  const ben = await reviewer('Ben', remote);
  await sync(ben);
  return { remote, ana, ben };
}

const remoteHead = (remote: string) => git(['--git-dir', remote, 'rev-parse', 'refs/heads/main']);

describe('a Sync through a bare remote', { timeout: 60_000 }, () => {
  it('shares a project to an empty remote, lets a teammate join, and a second Sync changes nothing', async () => {
    const remote = bareRemote(sandbox.root());
    const ana = await reviewer('Ana', remote, projectFiles());
    const first = await sync(ana);
    expect(first).toMatchObject({ status: 'pushed', attempts: 1, merged: false });
    expect(remoteHead(remote)).toBe(first.commit);
    expect(git(['--git-dir', remote, 'log', '-1', '--format=%an <%ae> %s'])).toBe('Ana <ana@initech.example> Adoption Desk sync');

    const ben = await reviewer('Ben', remote);
    const joined = await sync(ben);
    expect(joined).toMatchObject({ status: 'took-theirs', commit: first.commit, merged: true });
    expect(joined.arrived.map((c) => c.name)).toEqual(['Ana']);
    expect(ben.store).toEqual(projectFiles());

    expect(await sync(ana)).toMatchObject({ status: 'up-to-date', commit: first.commit, merged: false });
    expect(await sync(ben)).toMatchObject({ status: 'up-to-date', commit: first.commit, merged: false });
  });

  it('a reviewer without a Git identity can join and take the team’s changes; asked for one only to send their own', async () => {
    const remote = bareRemote(sandbox.root());
    const ana = await reviewer('Ana', remote, projectFiles());
    await sync(ana);
    fs.writeFileSync(process.env.GIT_CONFIG_GLOBAL!, '');
    const dana: Reviewer = { store: new Map(), clone: await openClone(path.join(sandbox.root(), 'dana-data', 'kite.git'), remote), merges: [] };
    expect(await sync(dana)).toMatchObject({ status: 'took-theirs' });
    dana.store.set('quotes/quote-1.json', '{"text":"Dana.","uid":"quote-1"}\n');
    const error = await sync(dana).catch((e: Error) => e);
    expect(gitFailureOf(error)).toBe('no-identity');
    expect(git(['--git-dir', remote, 'rev-parse', 'main'])).toBe(await dana.clone.resolve(LOCAL_REF));
  });

  it('merges when both changed different files: a commit with both parents, and both converge', async () => {
    const { remote, ana, ben } = await team();

    ana.store.set('interviews/interview-0-0.summary.md', 'Globex now runs Kite on 9 clusters.\n');
    ben.store.set('adopters/adopter-7.json', '{"number":8,"uid":"adopter-7"}\n');
    const anaSent = await sync(ana);
    const benSent = await sync(ben);
    expect(benSent).toMatchObject({ status: 'pushed', merged: true });
    const parents = git(['--git-dir', remote, 'log', '-1', '--format=%P']).split(' ');
    expect(parents).toHaveLength(2);
    expect(parents).toContain(anaSent.commit);
    expect(ben.merges.at(-1)!.arrived.map((c) => c.name)).toEqual(['Ana']);
    // Who changed what: Ana's file by Ana; Ben's merge counts for his own file, not for Ana's.
    await ana.clone.fetch();
    const byFile = await ana.clone.changedBy(anaSent.commit, benSent.commit!);
    expect([...byFile].map(([file, info]) => [file, info.name])).toEqual([['adopters/adopter-7.json', 'Ben']]);
    const everything = await ben.clone.changedBy(null, benSent.commit!);
    expect(everything.get('interviews/interview-0-0.summary.md')!.name).toBe('Ana');
    expect(everything.get('adopters/adopter-7.json')!.name).toBe('Ben');

    expect(await sync(ana)).toMatchObject({ status: 'took-theirs', commit: benSent.commit });
    expect(ana.store).toEqual(ben.store);
    expect(ana.store.get('interviews/interview-0-0.summary.md')).toBe('Globex now runs Kite on 9 clusters.\n');
  });

  it('a push race: the second to push is rejected, merges what arrived, and succeeds on its next attempt', async () => {
    const { ana, ben } = await team();

    ana.store.set('quotes/quote-1.json', '{"text":"Fast.","uid":"quote-1"}\n');
    ben.store.set('quotes/quote-2.json', '{"text":"Solid.","uid":"quote-2"}\n');
    // Ana pushes between Ben's fetch and Ben's push: Ben's first push is rejected.
    let raced = false;
    const benOutcome = await syncLoop(ben.clone, {
      exportFiles: async () => {
        if (!raced) {
          raced = true;
          await sync(ana);
        }
        return new Map(ben.store);
      },
      merge: (sides) => (ben.store = fileMerge(sides)),
    });
    expect(benOutcome).toMatchObject({ status: 'pushed', attempts: 2, merged: true });
    expect(await sync(ana)).toMatchObject({ status: 'took-theirs', commit: benOutcome.commit });
    expect(ana.store.get('quotes/quote-1.json')).toBe('{"text":"Fast.","uid":"quote-1"}\n');
    expect(ana.store.get('quotes/quote-2.json')).toBe('{"text":"Solid.","uid":"quote-2"}\n');
    expect(ana.store).toEqual(ben.store);
  });

  it('gives up after its attempts with a plain sentence, keeps the changes, and the next Sync sends them', async () => {
    const { ana, ben } = await team();
    ben.store.set('quotes/quote-3.json', '{"text":"Mine.","uid":"quote-3"}\n');
    let round = 0;
    const racing = syncLoop(ben.clone, {
      attempts: 2,
      exportFiles: async () => {
        ana.store.set('quotes/quote-4.json', `{"text":"Round ${++round}.","uid":"quote-4"}\n`);
        await sync(ana);
        return new Map(ben.store);
      },
      merge: (sides) => (ben.store = fileMerge(sides)),
    });
    const error = await racing.catch((e: unknown) => e);
    expect(gitFailureOf(error)).toBe('push-race');
    expect((error as Error).message).toMatch(/tried 2 times.*Nothing was lost/);
    expect(await ben.clone.resolve(OUTGOING_REF)).not.toBeNull();

    expect(await sync(ben)).toMatchObject({ status: 'pushed' });
    await sync(ana);
    expect(ana.store.get('quotes/quote-3.json')).toBe('{"text":"Mine.","uid":"quote-3"}\n');
    expect(ana.store).toEqual(ben.store);
  });
});

/** Ana shared the project, then added a person and wrote a commit of it that no ref names yet. */
async function anaWithUnnamedCommit(): Promise<{ remote: string; ana: Reviewer; before: string; commit: string }> {
  const remote = bareRemote(sandbox.root());
  const ana = await reviewer('Ana', remote, projectFiles());
  await sync(ana);
  const before = (await ana.clone.resolve(LOCAL_REF))!;
  ana.store.set('people/person-9.json', '{"name":"Dana","uid":"person-9"}\n');
  return { remote, ana, before, commit: await ana.clone.writeCommit(ana.store, [before]) };
}

describe('a Sync through a private http remote', { timeout: 60_000 }, () => {
  it('uses the reviewer’s saved credentials as they are, to fetch and to push', async () => {
    const remote = bareRemote(sandbox.root());
    allowHttpPush(remote);
    const server = await startGitHttp(sandbox.root(), { user: 'ana', password: 'kite-s3cret' });
    try {
      fs.appendFileSync(process.env.GIT_CONFIG_GLOBAL!, '[credential]\n\thelper = "!f() { echo username=ana; echo password=kite-s3cret; }; f"\n');
      const ana = await reviewer('Ana', server.url('team.git'), projectFiles());
      expect(await sync(ana)).toMatchObject({ status: 'pushed' });
      const ben = await reviewer('Ben', server.url('team.git'));
      expect(await sync(ben)).toMatchObject({ status: 'took-theirs' });
      expect(ben.store).toEqual(ana.store);

      // The saved password changed on the host: the Sync says what to do, nothing moves.
      fs.writeFileSync(process.env.GIT_CONFIG_GLOBAL!, fs.readFileSync(process.env.GIT_CONFIG_GLOBAL!, 'utf8').replace('kite-s3cret', 'old-password'));
      ana.store.set('quotes/quote-1.json', '{"text":"Unsent.","uid":"quote-1"}\n');
      const error = await sync(ana).catch((e: Error) => e);
      expect(gitFailureOf(error)).toBe('sign-in');
      expect((error as Error).message).toMatch(/^Git could not sign in to http:\/\/127\.0\.0\.1:\d+\/team\.git with your saved credentials/);
      expect((error as Error).message).not.toContain('old-password');
    } finally {
      await server.stop();
    }
  });
});

describe('a Sync killed part way is completed by the next one', { timeout: 60_000 }, () => {
  it('objects written, no ref moved (killed before the push): the next Sync pushes the store', async () => {
    // What a kill after writing the objects leaves: a commit nothing names.
    const { remote, ana, before, commit: orphan } = await anaWithUnnamedCommit();
    expect(await ana.clone.resolve(LOCAL_REF)).toBe(before);
    expect(await ana.clone.resolve(OUTGOING_REF)).toBeNull();

    const next = await sync(ana);
    expect(next).toMatchObject({ status: 'pushed' });
    expect(await ana.clone.treeOf(next.commit!)).toBe(await ana.clone.treeOf(orphan));
    expect(remoteHead(remote)).toBe(next.commit);
  });

  it('pushed, refs not yet moved (killed after the push): the next Sync only moves the refs', async () => {
    const { ana, commit } = await anaWithUnnamedCommit();
    await ana.clone.setRefs([[OUTGOING_REF, commit]]);
    expect(await ana.clone.push(commit)).toEqual({ status: 'pushed' });

    expect(await sync(ana)).toMatchObject({ status: 'up-to-date', commit, merged: false });
    expect(await ana.clone.resolve(LOCAL_REF)).toBe(commit);
    expect(await ana.clone.resolve(REMOTE_REF)).toBe(commit);
    expect(await ana.clone.resolve(OUTGOING_REF)).toBeNull();
  });

  it('pushed without the outgoing ref, a teammate already on top: the next Sync merges from the right base', async () => {
    const { ana, ben } = await team();
    const before = await ana.clone.resolve(LOCAL_REF);
    ana.store.set('people/person-9.json', '{"name":"Dana","uid":"person-9"}\n');
    const commit = await ana.clone.writeCommit(ana.store, [before!]);
    expect(await ana.clone.push(commit)).toEqual({ status: 'pushed' });
    ben.store.set('quotes/quote-5.json', '{"text":"Ben was here.","uid":"quote-5"}\n');
    await sync(ben);

    const next = await sync(ana);
    expect(next.status).toBe('took-theirs');
    expect(ana.store).toEqual(ben.store);
    expect(ana.store.get('people/person-9.json')).toBe('{"name":"Dana","uid":"person-9"}\n');
  });

  it('the store written, the merge not committed (killed before the commit): the next Sync commits both parents', async () => {
    const { remote, ana, ben } = await team();
    ben.store.set('quotes/quote-5.json', '{"text":"Ben was here.","uid":"quote-5"}\n');
    await sync(ben);
    ana.store.set('quotes/quote-6.json', '{"text":"Ana was here.","uid":"quote-6"}\n');
    const killed = await syncLoop(ana.clone, {
      exportFiles: () => new Map(ana.store),
      merge: (sides) => {
        ana.store = fileMerge(sides);
        throw new Error('killed');
      },
    }).catch((e: Error) => e.message);
    expect(killed).toBe('killed');

    const next = await sync(ana);
    expect(next.status).toBe('pushed');
    expect(git(['--git-dir', remote, 'log', '-1', '--format=%P']).split(' ')).toHaveLength(2);
    await sync(ben);
    expect(ben.store).toEqual(ana.store);
  });

  it('the clone lost: made anew, the next Sync merges from the base the store recorded, not from nothing', async () => {
    const { remote, ana, ben } = await team();
    const agreed = (await ana.clone.resolve(LOCAL_REF))!;
    ana.store.set('quotes/quote-1.json', '{"text":"Ana, after the loss.","uid":"quote-1"}\n');
    ben.store.set('quotes/quote-2.json', '{"text":"Ben meanwhile.","uid":"quote-2"}\n');
    await sync(ben);
    fs.rmSync(ana.clone.dir, { recursive: true });

    const rebuilt: Reviewer = { ...ana, clone: await openClone(ana.clone.dir, remote), merges: [] };
    actAs(rebuilt.clone.dir, 'Ana', 'ana@initech.example');
    const outcome = await syncLoop(rebuilt.clone, {
      agreed,
      exportFiles: () => new Map(rebuilt.store),
      merge: (sides) => {
        rebuilt.merges.push(sides);
        return (rebuilt.store = fileMerge(sides));
      },
    });
    expect(outcome.status).toBe('pushed');
    expect(rebuilt.merges[0]!.baseCommit).toBe(agreed);
    expect([...rebuilt.store.keys()].filter((file) => file.startsWith('conflicts/'))).toEqual([]);
    await sync(ben);
    expect(ben.store).toEqual(rebuilt.store);
  });

  it('killed while Git held its locks: the next Sync clears them and completes', async () => {
    const { remote, ana, ben } = await team();
    ana.store.set('quotes/quote-7.json', '{"text":"After the crash.","uid":"quote-7"}\n');
    for (const leftover of ['refs/heads/main.lock', 'refs/remotes/origin/main.lock', 'packed-refs.lock', 'config.lock']) {
      fs.writeFileSync(path.join(ana.clone.dir, leftover), '');
    }
    fs.mkdirSync(path.join(ana.clone.dir, 'adoption-desk-write-x'));
    fs.writeFileSync(path.join(ana.clone.dir, 'adoption-desk-write-x', '0'), 'half a summary');

    const reopened = { ...ana, clone: await openClone(ana.clone.dir, remote) };
    expect(await sync(reopened)).toMatchObject({ status: 'pushed' });
    expect(fs.readdirSync(ana.clone.dir).filter((name) => name.endsWith('.lock') || name.startsWith('adoption-desk-write-'))).toEqual([]);
    await sync(ben);
    expect(ben.store.get('quotes/quote-7.json')).toBe('{"text":"After the crash.","uid":"quote-7"}\n');
  });
});

describe('how long a Sync takes (a figure, not a limit)', { timeout: 120_000 }, () => {
  it('a 7-adopter project (~100 files) with a local remote: nothing changed, and one change on each side', async () => {
    const { ana, ben } = await team();
    const idle: number[] = [];
    const exchange: number[] = [];
    for (let run = 0; run < 5; run++) {
      let started = performance.now();
      await sync(ana);
      idle.push(performance.now() - started);
      ana.store.set('interviews/interview-1-0.summary.md', `Initech, run ${run}.\n`);
      ben.store.set('interviews/interview-2-0.summary.md', `Hooli, run ${run}.\n`);
      await sync(ana);
      started = performance.now();
      await sync(ben); // fetch, merge, commit with both parents, push
      exchange.push(performance.now() - started);
      await sync(ana);
      expect(ana.store).toEqual(ben.store);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[2]!.toFixed(0);
    console.log(`Sync of ${ana.store.size} files, median of 5: nothing changed ${median(idle)} ms; one change each side ${median(exchange)} ms; load average ${os.loadavg()[0]!.toFixed(1)}`);
  });
});
