/**
 * Before a project is shared to a remote (team mode, docs/team.md): the address is not the CNCF
 * organization's on GitHub, Git reaches it with the reviewer's own credentials, a stranger
 * cannot read it, and it is empty or already holds this very project. A DD's interview notes
 * are need-to-know: every refusal says why, in words.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gitError, runGit, text } from './git';
import { atRemote } from './remote-failure';
import { SHARE_BRANCH, SHARE_FORMAT_FILE } from './git-layout';
import { anonymousUrl, privacyDecision, shownUrl, type RemoteTransport } from './remote-url';

export interface RemoteCheck {
  transport: RemoteTransport;
  /** 'empty': nothing shared there yet; 'this-project': it holds this project at `head`. */
  holds: 'empty' | 'this-project';
  head: string | null;
  /** The project the remote holds (for Join), or null when it is empty. */
  projectUid: string | null;
}

const WHY_PRIVATE = "a DD's interview notes are need-to-know and must stay in a private repository only its reviewers can read";

function refuseByAddress(reason: 'cncf' | 'unsupported-url', url: string): never {
  if (reason === 'cncf') {
    throw gitError(
      'VALIDATION',
      'cncf',
      `${shownUrl(url)} is a repository of the CNCF organization on GitHub, and those are public: ${WHY_PRIVATE}. Create a private repository for the DD's reviewers and share to it.`,
    );
  }
  throw gitError('VALIDATION', 'unsupported-url', `Adoption Desk shares only through https, ssh, git:// or a folder on this computer, and “${shownUrl(url)}” is none of these.`);
}

/** The remote's refs (`refs/heads/main` → commit), read with the reviewer's own credentials. */
async function listRefs(url: string, ssh: boolean): Promise<Map<string, string>> {
  const result = await atRemote(url, () => runGit(['ls-remote', '--', url], { doing: `read the repository at ${shownUrl(url)}`, network: true, ssh }));
  return parseRefs(text(result));
}

function parseRefs(listing: string): Map<string, string> {
  const refs = new Map<string, string>();
  for (const line of listing.split('\n')) {
    const [oid, ref] = line.split('\t');
    if (oid && ref) refs.set(ref, oid);
  }
  return refs;
}

/**
 * Asks as a stranger: no credential helper, no askpass program, no password in the address, no
 * saved header or .netrc (an empty home), prompts off. A remote that still answers is public.
 */
async function readableByStrangers(url: string): Promise<boolean> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-stranger-'));
  try {
    await runGit(['ls-remote', '--', anonymousUrl(url)], {
      doing: 'ask the repository as a stranger would',
      network: true,
      config: ['credential.helper=', 'core.askPass=', 'http.extraHeader='],
      env: { HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_ASKPASS: '', SSH_ASKPASS: '' },
    });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** The project a remote's shared branch names in its format file, or undefined when it names none. */
async function projectAt(url: string, shown: string): Promise<string | undefined> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-check-'));
  try {
    await runGit(['init', '--bare', '-q', scratch], { doing: 'prepare a check of the repository' });
    await runGit(['fetch', '-q', '--no-tags', '--depth=1', '--', url, `refs/heads/${SHARE_BRANCH}`], { gitDir: scratch, doing: `read the repository at ${shown}`, network: true });
    const file = await runGit(['cat-file', 'blob', `FETCH_HEAD:${SHARE_FORMAT_FILE}`], { gitDir: scratch, doing: 'read the shared format file', okCodes: [0, 128] });
    if (file.code !== 0) return undefined;
    const format = JSON.parse(file.stdout.toString('utf8')) as { projectUid?: unknown };
    return typeof format.projectUid === 'string' ? format.projectUid : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Checks a remote before sharing the project `projectUid` to it, or before joining it (`null`:
 * it must hold a project, any); resolves with what it holds, or throws a DeskError saying why it
 * is refused.
 */
export async function checkRemote(url: string, projectUid: string | null): Promise<RemoteCheck> {
  const decision = privacyDecision(url);
  if (decision.action === 'refuse') refuseByAddress(decision.reason, url);
  // The reviewer's `url.<base>.insteadOf` settings may turn a short name into a CNCF address.
  const expanded = text(await runGit(['ls-remote', '--get-url', '--', url], { doing: `read the address ${shownUrl(url)}` }));
  const final = privacyDecision(expanded);
  if (final.action === 'refuse') refuseByAddress(final.reason, expanded);
  const shown = shownUrl(url);

  const refs = await listRefs(url, final.form.transport === 'ssh');
  // The probe asks where Git would really go: the expanded address (a stranger has no insteadOf).
  if (final.action === 'probe' && (await readableByStrangers(expanded))) {
    throw gitError('VALIDATION', 'public', `Anyone can read the repository at ${shown} without signing in, and ${WHY_PRIVATE}. Make it private, or choose a private one, and try again.`);
  }
  const transport = final.form.transport;
  if (refs.size === 0) {
    if (projectUid === null) throw gitError('VALIDATION', 'other-content', `The repository at ${shown} is empty: no one has shared a project there yet.`);
    return { transport, holds: 'empty', head: null, projectUid: null };
  }
  const head = refs.get(`refs/heads/${SHARE_BRANCH}`);
  const project = head === undefined ? undefined : await projectAt(url, shown);
  if (project === undefined) {
    throw gitError('VALIDATION', 'other-content', `The repository at ${shown} already holds other work and no shared project. Choose an empty private repository for this project.`);
  }
  if (projectUid !== null && project !== projectUid) {
    throw gitError('VALIDATION', 'other-project', `The repository at ${shown} holds another shared project. Choose an empty private repository for this one.`);
  }
  return { transport, holds: 'this-project', head: head ?? null, projectUid: project };
}
