/**
 * The project's clone under the data folder (team mode, docs/team.md): a bare repository, so no
 * file of the project is ever written out loose, that can always be rebuilt from the store and
 * the remote. Refs move only after what they name is written: the local branch after a push
 * succeeded, the outgoing ref before a push is tried.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gitError, gitFailureText, runGit, text } from './git';
import { LOCAL_REF, OUTGOING_REF, REMOTE, REMOTE_REF, SHARE_BRANCH } from './git-layout';
import { commitTree, fileIds, readTree, writeTree, type ShareFiles } from './git-tree';
import { atRemote, remoteFailure } from './remote-failure';
import { remoteForm, shownUrl } from './remote-url';

export type PushResult = { status: 'pushed' } | { status: 'rejected'; why: string };

export interface CommitInfo {
  commit: string;
  name: string;
  email: string;
  /** Committer time, seconds since 1970. */
  time: number;
}

/** Where the clone's three refs stand (null: not there). */
export interface CloneRefs {
  /** The last commit this reviewer and the remote agreed on. */
  local: string | null;
  /** The remote's head as of the last fetch (null: the remote holds nothing yet). */
  remote: string | null;
  /** A commit made and not known pushed. */
  outgoing: string | null;
}

export interface ShareClone {
  readonly dir: string;
  readonly remoteUrl: string;
  /** Fetches the shared branch; resolves with where the refs then stand. */
  fetch(): Promise<CloneRefs>;
  refs(): Promise<CloneRefs>;
  /** The commit a ref names, or null. */
  resolve(ref: string): Promise<string | null>;
  readTree(commit: string | null): Promise<Map<string, string>>;
  /** Each file of a commit and its blob id: enough to tell whether files changed (see `sameFiles`). */
  fileIds(commit: string | null): Promise<Map<string, string>>;
  /** The root tree of a commit. */
  treeOf(commit: string): Promise<string>;
  /** Writes the files' objects and returns their root tree (nothing names it yet). */
  writeTree(files: ShareFiles): Promise<string>;
  /** Writes a commit of a written tree; no ref moves. */
  commitTree(tree: string, parents: readonly string[], message?: string): Promise<string>;
  /** Writes the files and a commit of them; no ref moves. */
  writeCommit(files: ShareFiles, parents: readonly string[], message?: string): Promise<string>;
  mergeBase(a: string, b: string): Promise<string | null>;
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** Pushes a commit to the shared branch; never forces: a remote that moved on rejects it. */
  push(commit: string): Promise<PushResult>;
  /** Moves refs in one transaction (null deletes). */
  setRefs(updates: ReadonlyArray<readonly [ref: string, commit: string | null]>): Promise<void>;
  /** The commits in `to` and not in `from`, newest first. */
  commitsBetween(from: string | null, to: string): Promise<CommitInfo[]>;
  /**
   * Each file changed (or deleted) by a commit in `to` and not in `from`, with the newest commit
   * that changed it: for "7 records from Ana, Ben". A Sync's merge commit counts only for the
   * files its author changed (those unlike every parent), not for what it took from the team.
   */
  changedBy(from: string | null, to: string): Promise<Map<string, CommitInfo>>;
}

async function isRepository(dir: string): Promise<boolean> {
  if (!fs.existsSync(dir)) return false;
  const probe = await runGit(['rev-parse', '--is-bare-repository'], { gitDir: dir, doing: 'open the copy of the shared project', okCodes: [0, 128] });
  return probe.code === 0 && text(probe) === 'true';
}

/**
 * What a Git process killed part way leaves in the clone: lock files (`refs/heads/main.lock`,
 * `packed-refs.lock`…) that would make every later call fail, and this module's scratch folders.
 * Only Adoption Desk uses the clone, one instance per data folder, so none is still in use.
 */
function clearLeftovers(gitDir: string): void {
  const visit = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth === 0 && entry.name.startsWith('adoption-desk-write-')) fs.rmSync(full, { recursive: true, force: true });
        else if (depth === 0 ? entry.name === 'refs' : depth > 0) visit(full, depth + 1);
      } else if (entry.name.endsWith('.lock')) {
        fs.rmSync(full, { force: true });
      }
    }
  };
  visit(gitDir, 0);
}

/**
 * Opens the clone at `dir` (a bare repository), making it when missing. A folder there that is
 * not one (a half-made or damaged clone) is moved aside, not deleted, and a new clone made:
 * everything in it comes back from the store and the remote. Idempotent.
 *
 * Open it at the start of each Sync, holding the data folder's instance lock, one Sync of a
 * project at a time: it clears what a killed Git process left behind.
 */
export async function openClone(dir: string, remoteUrl: string): Promise<ShareClone> {
  const gitDir = path.resolve(dir);
  let existing = fs.existsSync(gitDir) && fs.readdirSync(gitDir).length > 0;
  if (existing && !(await isRepository(gitDir))) {
    fs.renameSync(gitDir, `${gitDir}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    existing = false;
  }
  if (existing) {
    clearLeftovers(gitDir);
  } else {
    fs.mkdirSync(path.dirname(gitDir), { recursive: true });
    // No template: nothing of the reviewer's own Git templates (hooks, excludes) is copied in.
    await runGit(['init', '--bare', '-q', '--template=', '--object-format=sha1', `--initial-branch=${SHARE_BRANCH}`, gitDir], { doing: 'make the copy of the shared project' });
  }
  const configured = existing ? await runGit(['config', '--get', `remote.${REMOTE}.url`], { gitDir, doing: 'open the copy of the shared project', okCodes: [0, 1] }) : null;
  if (configured === null || text(configured) !== remoteUrl) {
    const set = (key: string, value: string) => runGit(['config', '--replace-all', key, value], { gitDir, doing: 'set up the copy of the shared project' });
    await set(`remote.${REMOTE}.fetch`, `+refs/heads/${SHARE_BRANCH}:${REMOTE_REF}`);
    // A reflog in the bare clone: every move of a ref can be traced after the fact.
    await set('core.logAllRefUpdates', 'always');
    // The address last: a clone whose address is set was set up whole (a kill before is redone).
    await set(`remote.${REMOTE}.url`, remoteUrl);
  }
  return cloneAt(gitDir, remoteUrl);
}

function cloneAt(gitDir: string, remoteUrl: string): ShareClone {
  const git = (args: readonly string[], doing: string, okCodes?: number[]) => runGit(args, { gitDir, doing, okCodes });
  const shown = shownUrl(remoteUrl);
  const network = { gitDir, network: true, ssh: remoteForm(remoteUrl)?.transport === 'ssh' };

  const resolve = async (ref: string) => {
    const found = await git(['rev-parse', '-q', '--verify', `${ref}^{commit}`], 'read the copy of the shared project', [0, 1, 128]);
    return found.code === 0 ? text(found) : null;
  };

  /** Commits of `to` not in `from`, newest first, each with the files it changed (`-c`: a merge, those unlike every parent). */
  const history = async (from: string | null, to: string): Promise<Map<CommitInfo, string[]>> => {
    const range = from === null ? [to] : [to, `^${from}`];
    const log = await git(['log', '-c', '--name-only', '-z', '--format=%x1e%H%x1f%an%x1f%ae%x1f%ct', ...range, '--'], 'read the shared history');
    const commits = new Map<CommitInfo, string[]>();
    for (const record of log.stdout.toString('utf8').split('\x1e')) {
      if (record === '') continue;
      const [header = '', ...names] = record.split('\0');
      const [commit, name, email, time] = header.split('\x1f');
      commits.set({ commit: commit!, name: name!, email: email!, time: Number(time) }, names.map((n) => n.replace(/^\n/, '')).filter((n) => n !== ''));
    }
    return commits;
  };

  const clone: ShareClone = {
    dir: gitDir,
    remoteUrl,
    resolve,

    async fetch() {
      try {
        await runGit(['fetch', '-q', '--no-tags', '--prune', REMOTE], { ...network, doing: `fetch from ${shown}` });
      } catch (error) {
        // An empty remote has no shared branch yet: nothing to fetch is not a failure.
        if (!/couldn't find remote ref/i.test(gitFailureText(error))) throw remoteFailure(error, remoteUrl);
        await clone.setRefs([[REMOTE_REF, null]]);
      }
      return clone.refs();
    },

    async refs() {
      const listing = await git(['for-each-ref', '--format=%(objectname) %(refname)', LOCAL_REF, REMOTE_REF, OUTGOING_REF], 'read the copy of the shared project');
      const at = new Map(
        text(listing)
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => [line.slice(line.indexOf(' ') + 1), line.slice(0, line.indexOf(' '))] as const),
      );
      return { local: at.get(LOCAL_REF) ?? null, remote: at.get(REMOTE_REF) ?? null, outgoing: at.get(OUTGOING_REF) ?? null };
    },

    readTree: (commit) => readTree(gitDir, commit),
    fileIds: (commit) => fileIds(gitDir, commit),

    async treeOf(commit) {
      return text(await git(['rev-parse', '--verify', `${commit}^{tree}`], 'read the copy of the shared project'));
    },

    writeTree: (files) => writeTree(gitDir, files),

    commitTree: (tree, parents, message) => commitTree(gitDir, tree, parents, message),

    async writeCommit(files, parents, message) {
      return commitTree(gitDir, await writeTree(gitDir, files), parents, message);
    },

    async mergeBase(a, b) {
      const found = await git(['merge-base', a, b], 'compare your copy with the team’s', [0, 1]);
      return found.code === 0 ? text(found) : null;
    },

    async isAncestor(ancestor, descendant) {
      return (await git(['merge-base', '--is-ancestor', ancestor, descendant], 'compare your copy with the team’s', [0, 1])).code === 0;
    },

    async push(commit) {
      const pushed = await atRemote(remoteUrl, () =>
        runGit(['push', '--porcelain', '--no-verify', REMOTE, `${commit}:refs/heads/${SHARE_BRANCH}`], { ...network, doing: `push to ${shown}`, okCodes: [0, 1] }),
      );
      if (pushed.code === 0) return { status: 'pushed' };
      const line = text(pushed)
        .split('\n')
        .find((l) => l.startsWith('!'));
      const summary = line?.split('\t')[2] ?? '';
      // A teammate got there first: the branch moved (non-fast-forward, fetch first), or their push
      // held its lock at that moment (a repository on a shared folder or this computer says
      // "failed to update ref" / "cannot lock ref"). Either way the Sync starts again from the fetch.
      if (/non-fast-forward|fetch first|stale info|failed to update ref|cannot lock ref/.test(summary)) return { status: 'rejected', why: summary };
      const said = summary || pushed.stderr.trim().split('\n')[0] || 'no reason given';
      throw gitError('IO_ERROR', 'failed', `The repository at ${shown} refused what you shared (Git said: “${said}”). Nothing was lost; ask whoever manages the repository.`);
    },

    async setRefs(updates) {
      const lines = updates.map(([ref, commit]) => (commit === null ? `delete ${ref}\n` : `update ${ref} ${commit}\n`));
      await runGit(['update-ref', '--stdin'], { gitDir, doing: 'record where the shared project stands', input: `start\n${lines.join('')}commit\n` });
    },

    async commitsBetween(from, to) {
      return [...(await history(from, to)).keys()];
    },

    async changedBy(from, to) {
      const changed = new Map<string, CommitInfo>();
      for (const [info, files] of await history(from, to)) for (const file of files) if (!changed.has(file)) changed.set(file, info);
      return changed;
    },
  };
  return clone;
}
