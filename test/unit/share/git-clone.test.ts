import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitFailureOf } from '../../../services/share/git';
import { openClone } from '../../../services/share/git-clone';
import { REMOTE_REF } from '../../../services/share/git-layout';
import { blobId, sameFiles } from '../../../services/share/git-tree';
import { projectFiles } from '../../helpers/git-files';
import { bareRemote, git, useGitSandbox } from '../../helpers/git-sandbox';

const sandbox = useGitSandbox();
const cloneDir = () => path.join(sandbox.root(), 'data', 'share', 'kite.git');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('the clone under the data folder', { timeout: 60_000 }, () => {
  it('is a bare repository pointing at the remote; opening it again changes nothing', async () => {
    const remote = bareRemote(sandbox.root());
    const clone = await openClone(cloneDir(), remote);
    expect(git(['--git-dir', clone.dir, 'rev-parse', '--is-bare-repository'])).toBe('true');
    expect(git(['--git-dir', clone.dir, 'config', '--get-all', 'remote.origin.url'])).toBe(remote);
    const commit = await clone.writeCommit(projectFiles(), []);
    await clone.setRefs([['refs/heads/main', commit]]);

    const again = await openClone(cloneDir(), remote);
    expect(await again.resolve('refs/heads/main')).toBe(commit);
    expect(git(['--git-dir', clone.dir, 'config', '--get-all', 'remote.origin.fetch'])).toBe(`+refs/heads/main:${REMOTE_REF}`);
    expect(fs.existsSync(path.join(clone.dir, 'hooks'))).toBe(false);

    // A new address (the team moved its repository): the clone follows, its history kept.
    const moved = bareRemote(sandbox.root(), 'moved.git');
    const followed = await openClone(cloneDir(), moved);
    expect(git(['--git-dir', clone.dir, 'config', '--get-all', 'remote.origin.url'])).toBe(moved);
    expect(await followed.resolve('refs/heads/main')).toBe(commit);
  });

  it('a damaged clone is moved aside, not deleted, and a new one made', async () => {
    fs.mkdirSync(cloneDir(), { recursive: true });
    fs.writeFileSync(path.join(cloneDir(), 'HEAD'), 'garbage');
    const clone = await openClone(cloneDir(), bareRemote(sandbox.root()));
    expect(git(['--git-dir', clone.dir, 'rev-parse', '--is-bare-repository'])).toBe('true');
    const aside = fs.readdirSync(path.dirname(cloneDir())).filter((name) => name.startsWith('kite.git.damaged-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(cloneDir()), aside[0]!, 'HEAD'), 'utf8')).toBe('garbage');
  });

  it('writes ~100 files and reads them back byte for byte, nested folders included; reports the time', async () => {
    const clone = await openClone(cloneDir(), bareRemote(sandbox.root()));
    const files = projectFiles('prj-1', 7);
    files.set('deep/er/still/note.md', 'three folders down\n');
    files.set('empty.md', '');
    expect(files.size).toBeGreaterThanOrEqual(100);
    const writes: number[] = [];
    const reads: number[] = [];
    let commit = '';
    for (let run = 0; run < 5; run++) {
      let t = performance.now();
      commit = await clone.writeCommit(files, []);
      writes.push(performance.now() - t);
      t = performance.now();
      const back = await clone.readTree(commit);
      reads.push(performance.now() - t);
      expect(back).toEqual(files);
      for (const [file, content] of files) expect(Buffer.from(back.get(file)!, 'utf8').equals(Buffer.from(content, 'utf8'))).toBe(true);
    }
    console.log(`${files.size} files: writeCommit median ${median(writes).toFixed(0)} ms, readTree median ${median(reads).toFixed(0)} ms (5 runs)`);
    // Git stores exactly these bytes: its own listing agrees with the ids computed here.
    expect(sameFiles(files, await clone.fileIds(commit))).toBe(true);
    expect(git(['--git-dir', clone.dir, 'rev-parse', `${commit}:interviews/interview-0-0.summary.md`])).toBe(blobId(files.get('interviews/interview-0-0.summary.md')!));
    expect(git(['--git-dir', clone.dir, 'ls-tree', '--name-only', commit])).toBe(['adopters', 'answers', 'deep', 'empty.md', 'format.json', 'interviews', 'organizations', 'participants', 'people', 'project.json', 'quotes'].join('\n'));
    // The same files make the same tree: a Sync can tell "nothing changed" from ids alone.
    expect(await clone.treeOf(await clone.writeCommit(new Map([...files].reverse()), []))).toBe(await clone.treeOf(commit));
  });

  it('commits by the reviewer’s identity with a generic message; with no identity, a plain refusal', async () => {
    const clone = await openClone(cloneDir(), bareRemote(sandbox.root()));
    const commit = await clone.writeCommit(new Map([['format.json', '{}\n']]), []);
    expect(git(['--git-dir', clone.dir, 'log', '-1', '--format=%an|%ae|%cn|%ce|%B', commit])).toBe('Ana|ana@globex.example|Ana|ana@globex.example|Adoption Desk sync');

    fs.writeFileSync(process.env.GIT_CONFIG_GLOBAL!, '');
    const error = await clone.writeCommit(new Map([['format.json', '{}\n']]), []).catch((e: Error) => e);
    expect(gitFailureOf(error)).toBe('no-identity');
    expect((error as Error).message).toMatch(/^Git does not know your name and email yet.*git config --global user\.name "Your Name"/);
  });

  it('refuses file names Git would store badly, naming them', async () => {
    const clone = await openClone(cloneDir(), bareRemote(sandbox.root()));
    for (const bad of ['../escape.json', '/abs.json', 'a//b.json', '.git/config', 'line\nbreak.md', 'tab\there.md']) {
      const error = await clone.writeTree(new Map([[bad, 'x']])).catch((e: Error) => e);
      expect(gitFailureOf(error), bad).toBe('bad-path');
      expect((error as Error).message).toContain(bad);
    }
    const both = await clone.writeTree(new Map([['people', 'x'], ['people/p.json', '{}']])).catch((e: Error) => e);
    expect((both as Error).message).toBe('Adoption Desk cannot share both a file and a folder named “people”.');
  });

  it('a file that is not text is refused by name, nothing read from it', async () => {
    const clone = await openClone(cloneDir(), bareRemote(sandbox.root()));
    const blob = git(['--git-dir', clone.dir, 'hash-object', '-w', '--stdin'], { input: '\u00ff' }).trim();
    // Latin-1 0xFF written as bytes through a file: not UTF-8.
    const raw = path.join(sandbox.root(), 'raw.bin');
    fs.writeFileSync(raw, Buffer.from([0x66, 0xff, 0x0a]));
    const bad = git(['--git-dir', clone.dir, 'hash-object', '-w', raw]);
    const tree = git(['--git-dir', clone.dir, 'mktree'], { input: `100644 blob ${blob}\tok.md\n100644 blob ${bad}\tnotes.md\n` });
    const commit = git(['--git-dir', clone.dir, 'commit-tree', tree, '-m', 'x']);
    const error = await clone.readTree(commit).catch((e: Error) => e);
    expect(gitFailureOf(error)).toBe('not-text');
    expect((error as Error).message).toBe('The shared file notes.md is not text; nothing was read from it.');
  });

  it('merge base, ancestry and the commits that arrived, by whom', async () => {
    const remote = bareRemote(sandbox.root());
    const clone = await openClone(cloneDir(), remote);
    const base = await clone.writeCommit(new Map([['a.md', '1\n']]), []);
    const mine = await clone.writeCommit(new Map([['a.md', '2\n']]), [base]);
    git(['--git-dir', clone.dir, 'config', 'user.name', 'Chloé Ünal']);
    const theirs = await clone.writeCommit(new Map([['a.md', '3\n']]), [base]);
    expect(await clone.mergeBase(mine, theirs)).toBe(base);
    expect(await clone.isAncestor(base, theirs)).toBe(true);
    expect(await clone.isAncestor(mine, theirs)).toBe(false);
    expect((await clone.commitsBetween(mine, theirs)).map((c) => [c.commit, c.name])).toEqual([[theirs, 'Chloé Ünal']]);
    const unrelated = await clone.writeCommit(new Map([['b.md', 'x\n']]), []);
    expect(await clone.mergeBase(mine, unrelated)).toBeNull();
  });

  it('fetch of an empty remote finds nothing; a push that is not a fast-forward is reported as rejected', async () => {
    const remote = bareRemote(sandbox.root());
    const clone = await openClone(cloneDir(), remote);
    expect(await clone.fetch()).toEqual({ local: null, remote: null, outgoing: null });
    const first = await clone.writeCommit(new Map([['a.md', '1\n']]), []);
    expect(await clone.push(first)).toEqual({ status: 'pushed' });
    expect((await clone.fetch()).remote).toBe(first);
    const sideways = await clone.writeCommit(new Map([['a.md', '2\n']]), []);
    expect(await clone.push(sideways)).toMatchObject({ status: 'rejected' });
    expect(git(['--git-dir', remote, 'rev-parse', 'main'])).toBe(first);
  });
});
