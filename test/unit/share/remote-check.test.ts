import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkGitInstalled, GIT_MISSING_MESSAGE, gitFailureOf } from '../../../services/share/git';
import { openClone } from '../../../services/share/git-clone';
import { checkRemote } from '../../../services/share/remote-check';
import { projectFiles } from '../../helpers/git-files';
import { bareRemote, git, useGitSandbox } from '../../helpers/git-sandbox';
import { allowHttpPush, GIT_DAEMON, GIT_HTTP_BACKEND, startGitDaemon, startGitHttp, type GitServer } from '../../helpers/git-servers';

const sandbox = useGitSandbox();
const servers: GitServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

/** The refusal's reason and sentence, or the check's result when it passes. */
const refusal = (url: string, projectUid: string | null = 'prj-1') =>
  checkRemote(url, projectUid).then(
    () => ({ reason: 'passed', message: '' }),
    (error: Error) => ({ reason: gitFailureOf(error) ?? `unexpected: ${error.message}`, message: error.message }),
  );

/** Shares a project's files to a remote, as an earlier Share would have. */
async function holding(remote: string, files: Map<string, string>): Promise<string> {
  const clone = await openClone(path.join(sandbox.root(), `clone-${Math.random().toString(36).slice(2)}.git`), remote);
  const commit = await clone.writeCommit(files, []);
  expect(await clone.push(commit)).toEqual({ status: 'pushed' });
  return commit;
}

describe('Git itself', () => {
  it('reports the installed version', async () => {
    expect(await checkGitInstalled()).toMatch(/^\d+\.\d+/);
  });

  it('without Git on the PATH, says so in a sentence', async () => {
    vi.stubEnv('PATH', path.join(sandbox.root(), 'no-programs-here'));
    const error = await checkGitInstalled().catch((e: Error) => e);
    expect(gitFailureOf(error)).toBe('git-missing');
    expect((error as Error).message).toBe(GIT_MISSING_MESSAGE);
  });
});

describe('the remote check before Share', { timeout: 60_000 }, () => {
  it('a folder or file:// remote that is empty passes', async () => {
    const remote = bareRemote(sandbox.root());
    expect(await checkRemote(remote, 'prj-1')).toEqual({ transport: 'local', holds: 'empty', head: null, projectUid: null });
    expect(await checkRemote(`file://${remote}`, 'prj-1')).toMatchObject({ transport: 'file', holds: 'empty' });
  });

  it('a remote holding this project passes; Join learns which project it holds', async () => {
    const remote = bareRemote(sandbox.root());
    const head = await holding(remote, projectFiles('prj-1'));
    expect(await checkRemote(remote, 'prj-1')).toEqual({ transport: 'local', holds: 'this-project', head, projectUid: 'prj-1' });
    expect(await checkRemote(remote, null)).toMatchObject({ holds: 'this-project', projectUid: 'prj-1' });
  });

  it('a remote holding another project is refused in words', async () => {
    const remote = bareRemote(sandbox.root());
    await holding(remote, projectFiles('prj-other'));
    expect(await refusal(remote)).toEqual({ reason: 'other-project', message: `The repository at ${remote} holds another shared project. Choose an empty private repository for this one.` });
  });

  it('a remote holding other work (a README, or another branch) is refused; Join refuses an empty one', async () => {
    const readme = bareRemote(sandbox.root(), 'readme.git');
    await holding(readme, new Map([['README.md', '# Globex platform\n']]));
    expect(await refusal(readme)).toMatchObject({ reason: 'other-content', message: expect.stringMatching(/already holds other work/) });

    const pages = bareRemote(sandbox.root(), 'pages.git');
    const commit = await holding(pages, projectFiles('prj-1'));
    git(['--git-dir', pages, 'update-ref', 'refs/heads/gh-pages', commit]);
    git(['--git-dir', pages, 'update-ref', '-d', 'refs/heads/main']);
    expect(await refusal(pages)).toMatchObject({ reason: 'other-content' });

    expect(await refusal(bareRemote(sandbox.root(), 'empty.git'), null)).toMatchObject({ reason: 'other-content', message: expect.stringMatching(/is empty/) });
  });

  it('a repository anyone can read (git daemon --export-all on 127.0.0.1) is refused, saying why', async () => {
    expect(fs.existsSync(GIT_DAEMON)).toBe(true);
    const remote = bareRemote(sandbox.root());
    await holding(remote, projectFiles('prj-1'));
    const daemon = await startGitDaemon(sandbox.root());
    servers.push(daemon);
    const url = daemon.url('team.git');
    // The daemon does serve it: the refusal is about who can read, not about reaching it.
    expect(git(['ls-remote', url])).toContain('refs/heads/main');
    const { reason, message } = await refusal(url);
    expect(reason).toBe('public');
    expect(message).toBe(
      `Anyone can read the repository at ${url} without signing in, and a DD's interview notes are need-to-know and must stay in a private repository only its reviewers can read. Make it private, or choose a private one, and try again.`,
    );
  });

  it('over http: a repository that needs the reviewer’s credentials passes, one open to all is refused', async () => {
    expect(fs.existsSync(GIT_HTTP_BACKEND)).toBe(true);
    const remote = bareRemote(sandbox.root());
    allowHttpPush(remote);
    await holding(remote, projectFiles('prj-1'));
    const config = process.env.GIT_CONFIG_GLOBAL!;
    // The reviewer's saved credentials, as a credential helper gives them to Git.
    fs.appendFileSync(config, '[credential]\n\thelper = "!f() { echo username=ana; echo password=kite-s3cret; }; f"\n');

    const closed = await startGitHttp(sandbox.root(), { user: 'ana', password: 'kite-s3cret' });
    servers.push(closed);
    expect(await checkRemote(closed.url('team.git'), 'prj-1')).toMatchObject({ transport: 'http', holds: 'this-project' });
    // A token in the address does not make the stranger's probe succeed.
    expect(await checkRemote(closed.url('team.git').replace('http://', 'http://ana:kite-s3cret@'), 'prj-1')).toMatchObject({ holds: 'this-project' });

    const open = await startGitHttp(sandbox.root(), null);
    servers.push(open);
    expect(await refusal(open.url('team.git'))).toMatchObject({ reason: 'public' });
  });

  it('a private http remote the reviewer cannot sign in to is refused with what to do', async () => {
    bareRemote(sandbox.root());
    const closed = await startGitHttp(sandbox.root(), { user: 'ana', password: 'kite-s3cret' });
    servers.push(closed);
    const { reason, message } = await refusal(closed.url('team.git'));
    expect(reason).toBe('sign-in');
    expect(message).toMatch(/^Git could not sign in to http:\/\/127\.0\.0\.1:\d+\/team\.git with your saved credentials\. Sign in once with Git in a terminal/);
  });

  it('a remote that is not there is refused as unreachable', async () => {
    expect(await refusal(path.join(sandbox.root(), 'missing.git'))).toMatchObject({ reason: 'unreachable', message: expect.stringMatching(/could not reach a repository/) });
  });

  it('refuses a CNCF repository before talking to it, even behind an insteadOf short name', async () => {
    const direct = await refusal('git@github.com:cncf/toc.git');
    expect(direct.reason).toBe('cncf');
    expect(direct.message).toMatch(/CNCF organization on GitHub, and those are public: a DD's interview notes are need-to-know/);
    fs.appendFileSync(process.env.GIT_CONFIG_GLOBAL!, '[url "https://github.com/cncf/"]\n\tinsteadOf = team:\n');
    expect(await refusal('team:toc')).toMatchObject({ reason: 'cncf', message: expect.stringMatching(/^https:\/\/github\.com\/cncf\/toc is a repository of the CNCF/) });
  });

  it('refuses an address Git would run a program for, without running it', async () => {
    const planted = path.join(sandbox.root(), 'pwned');
    expect(await refusal(`ext::sh -c touch% ${planted}`)).toMatchObject({ reason: 'unsupported-url' });
    expect(await refusal(`--upload-pack=touch ${planted}`)).toMatchObject({ reason: 'unsupported-url' });
    expect(fs.existsSync(planted)).toBe(false);
  });
});
