import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { gitEnvironment, gitFailureOf, gitSaid, runGit } from '../../../services/share/git';
import { openClone } from '../../../services/share/git-clone';
import { syncLoop } from '../../../services/share/git-sync';
import { checkRemote } from '../../../services/share/remote-check';
import { projectFiles } from '../../helpers/git-files';
import { bareRemote, git, useGitSandbox } from '../../helpers/git-sandbox';
import { standInSsh } from '../../helpers/git-servers';

const sandbox = useGitSandbox();

describe('every Git call', { timeout: 60_000 }, () => {
  it('starts from a cleaned environment: no other repository, no injected settings, prompts off, C locale', () => {
    const env = gitEnvironment({
      PATH: '/usr/bin',
      HOME: '/home/ana',
      GIT_DIR: '/elsewhere/.git',
      GIT_WORK_TREE: '/elsewhere',
      GIT_INDEX_FILE: '/elsewhere/index',
      GIT_CONFIG_PARAMETERS: "'core.hookspath'='/evil'",
      GIT_TRACE: '1',
      GIT_SSH_COMMAND: 'ssh -i ~/.ssh/dd',
      GIT_CONFIG_GLOBAL: '/home/ana/.gitconfig',
      LANG: 'fr_FR.UTF-8',
      LC_MESSAGES: 'fr_FR.UTF-8',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/ana',
      GIT_SSH_COMMAND: 'ssh -i ~/.ssh/dd',
      GIT_CONFIG_GLOBAL: '/home/ana/.gitconfig',
      GIT_TERMINAL_PROMPT: '0',
      GCM_INTERACTIVE: 'never',
      GIT_PAGER: 'cat',
      PAGER: 'cat',
      LC_ALL: 'C',
    });
  });

  it('never runs a hook, even one planted in the clone, through a whole Sync', async () => {
    const remote = bareRemote(sandbox.root());
    const clone = await openClone(path.join(sandbox.root(), 'kite.git'), remote);
    const marker = path.join(sandbox.root(), 'hook-ran');
    fs.mkdirSync(path.join(clone.dir, 'hooks'), { recursive: true });
    for (const hook of ['pre-push', 'reference-transaction', 'post-update', 'pre-auto-gc']) {
      fs.writeFileSync(path.join(clone.dir, 'hooks', hook), `#!/bin/sh\necho ${hook} >> '${marker}'\n`, { mode: 0o755 });
    }
    fs.writeFileSync(path.join(remote, 'hooks', 'pre-receive'), `#!/bin/sh\necho remote >> '${marker}'\n`, { mode: 0o755 });
    const store = projectFiles();
    expect(await syncLoop(clone, { exportFiles: () => store, merge: () => store })).toMatchObject({ status: 'pushed' });
    // Only the remote's own hook ran: that is the remote host's business, not the reviewer's machine's.
    expect(fs.readFileSync(marker, 'utf8')).toBe('remote\n');
  });

  it('a GIT_DIR in the environment does not redirect a call', async () => {
    const other = bareRemote(sandbox.root(), 'other.git');
    const remote = bareRemote(sandbox.root());
    vi.stubEnv('GIT_DIR', other);
    vi.stubEnv('GIT_INDEX_FILE', path.join(sandbox.root(), 'index'));
    const clone = await openClone(path.join(sandbox.root(), 'kite.git'), remote);
    const commit = await clone.writeCommit(new Map([['a.md', 'x\n']]), []);
    await clone.setRefs([['refs/heads/main', commit]]);
    vi.stubEnv('GIT_DIR', undefined);
    vi.stubEnv('GIT_INDEX_FILE', undefined);
    expect(git(['--git-dir', clone.dir, 'rev-parse', 'refs/heads/main'])).toBe(commit);
    expect(() => git(['--git-dir', other, 'rev-parse', '--verify', '-q', 'refs/heads/main'])).toThrow();
  });

  it("quotes Git's complaint in a failure sentence, a token in an address hidden", async () => {
    const error = await runGit(['ls-remote', 'https://ana:ghp_s3cret@127.0.0.1:1/dd/kite.git'], { doing: 'read the repository', network: true }).catch((e: Error) => e);
    expect(gitFailureOf(error)).toBe('failed');
    expect((error as Error).message).toMatch(/^Git could not read the repository \(Git said: “.+”\)\.$/);
    expect((error as Error).message).not.toContain('ghp_s3cret');
    expect(gitSaid("fatal: unable to access 'https://ana:ghp_s3cret@git.initech.example/kite.git/': 403\n")).toBe("unable to access 'https://ana:…@git.initech.example/kite.git/': 403");
  });

  it('a call that takes too long is stopped at once, what it started too, with a sentence', async () => {
    const started = Date.now();
    const error = await runGit(['-c', 'alias.slow=!sleep 7', 'slow'], { doing: 'wait', timeoutMs: 300 }).catch((e: Error) => e);
    expect(gitFailureOf(error)).toBe('timeout');
    expect((error as Error).message).toBe('Git did not finish within 1 second when asked to wait; check the network and try again.');
    expect(Date.now() - started).toBeLessThan(5000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toMatch(/^sleep 7$/m);
  });
});

describe('ssh remotes', { timeout: 60_000 }, () => {
  it('pass the privacy check without a stranger’s probe, and ssh runs in batch mode', async () => {
    const log = standInSsh(sandbox.root(), (value) => vi.stubEnv('PATH', value));
    const remote = bareRemote(sandbox.root());
    expect(await checkRemote(`ssh://ana@127.0.0.1${remote}`, 'prj-1')).toEqual({ transport: 'ssh', holds: 'empty', head: null, projectUid: null });
    expect(await checkRemote(`ana@127.0.0.1:${remote}`, 'prj-1')).toMatchObject({ transport: 'ssh', holds: 'empty' });
    expect(log()).toHaveLength(2);
    for (const line of log()) expect(line).toMatch(/^-o BatchMode=yes .*ana@127\.0\.0\.1 git-upload-pack/);
  });

  it('use the reviewer’s own ssh command as it is', async () => {
    const log = standInSsh(sandbox.root(), (value) => vi.stubEnv('PATH', value));
    fs.appendFileSync(process.env.GIT_CONFIG_GLOBAL!, '[core]\n\tsshCommand = ssh -i /home/ana/.ssh/dd_key\n');
    const remote = bareRemote(sandbox.root());
    const clone = await openClone(path.join(sandbox.root(), 'kite.git'), `ssh://ana@127.0.0.1${remote}`);
    const store = projectFiles();
    expect(await syncLoop(clone, { exportFiles: () => store, merge: () => store })).toMatchObject({ status: 'pushed' });
    expect(log().length).toBeGreaterThanOrEqual(2);
    for (const line of log()) expect(line).toMatch(/^-i \/home\/ana\/\.ssh\/dd_key /);
    expect(git(['--git-dir', remote, 'log', '-1', '--format=%an'])).toBe('Ana');
  });
});
