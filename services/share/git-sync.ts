/**
 * One Sync's exchange with the remote (team mode, docs/team.md): fetch; if the team moved on,
 * hand base, mine and theirs to the app's field-by-field merge (a callback that also writes the
 * result into the store); commit with both parents; push; and when someone pushed first, start
 * again from the fetch, a few times at most. Git never merges content here.
 *
 * Crash safety: the store is the truth and every attempt starts from it. A commit is written
 * before a ref names it, the outgoing ref is set before the push, the local branch moves only
 * after the push succeeded. Killed anywhere, the next Sync finds either nothing new (and pushes
 * what is outgoing) or a remote that already holds its own commit (and only moves refs).
 */
import { gitError } from './git';
import type { CloneRefs, CommitInfo, ShareClone } from './git-clone';
import { LOCAL_REF, OUTGOING_REF, REMOTE_REF } from './git-layout';
import { sameFiles, type ShareFiles } from './git-tree';

export interface SyncSides {
  /** The last state both sides shared (empty when they share none: a first Join). */
  base: ReadonlyMap<string, string>;
  /** The store's project as files now. */
  mine: ReadonlyMap<string, string>;
  /** The remote's files. */
  theirs: ReadonlyMap<string, string>;
  baseCommit: string | null;
  theirsCommit: string;
  /** The commits that arrived (in theirs, not in mine), newest first: who changed what, when. */
  arrived: readonly CommitInfo[];
}

export interface SyncOptions {
  /** The store's project as files, read afresh on every attempt (a merge writes into the store). */
  exportFiles(): ShareFiles | Promise<ShareFiles>;
  /** Merges the three sides, writes the result into the store (one undoable change), returns it as files. */
  merge(sides: SyncSides): ShareFiles | Promise<ShareFiles>;
  /**
   * The commit the store last recorded as agreed (`SyncOutcome.commit` of its last Sync). Used
   * when the clone had to be made anew (deleted, moved aside): the merge then starts from that
   * base, once fetched, instead of from nothing.
   */
  agreed?: string | null;
  /** Attempts in all (the first and the retries after a rejected push); 3 unless said. */
  attempts?: number;
  message?: string;
}

export interface SyncOutcome {
  /** 'up-to-date': nothing moved; 'took-theirs': the team's changes taken, nothing of mine to send; 'pushed'. */
  status: 'up-to-date' | 'took-theirs' | 'pushed';
  /** Where this reviewer and the remote now agree (null: both still empty). */
  commit: string | null;
  attempts: number;
  /** Every commit that arrived during this Sync, newest first. */
  arrived: CommitInfo[];
  /** True when the merge callback ran (the store may have changed). */
  merged: boolean;
}

const equalFiles = (a: ShareFiles, b: ShareFiles): boolean => a.size === b.size && [...a].every(([file, content]) => b.get(file) === content);

/** Fetch → merge when the remote moved → commit → push, retried from the fetch when a push is rejected. */
export async function syncLoop(clone: ShareClone, options: SyncOptions): Promise<SyncOutcome> {
  const attempts = options.attempts ?? 3;
  const arrived = new Map<string, CommitInfo>();
  let merged = false;
  const done = async (status: SyncOutcome['status'], commit: string | null, attempt: number, refs?: CloneRefs) => {
    if (commit !== null && !(refs && refs.local === commit && refs.remote === commit && refs.outgoing === null)) {
      await clone.setRefs([[LOCAL_REF, commit], [REMOTE_REF, commit], [OUTGOING_REF, null]]);
    }
    return { status, commit, attempts: attempt, arrived: [...arrived.values()], merged };
  };

  for (let attempt = 1; attempt <= attempts; attempt++) {
    const refs = await clone.fetch();
    const { remote } = refs;
    // What this side last built: an outgoing commit not known pushed, else the agreed branch.
    const local = refs.outgoing ?? refs.local ?? (options.agreed ? await clone.resolve(options.agreed) : null);
    const remoteMoved = remote !== null && remote !== local && (local === null || !(await clone.isAncestor(remote, local)));
    let outgoing: string;

    if (remoteMoved) {
      const baseCommit = local === null ? null : await clone.mergeBase(local, remote);
      const [base, mine, theirs, news] = await Promise.all([clone.readTree(baseCommit), options.exportFiles(), clone.readTree(remote), clone.commitsBetween(local, remote)]);
      for (const info of news) if (!arrived.has(info.commit)) arrived.set(info.commit, info);
      const result = await options.merge({ base, mine, theirs, baseCommit, theirsCommit: remote, arrived: news });
      merged = true;
      if (equalFiles(result, theirs)) return done('took-theirs', remote, attempt, refs);
      outgoing = await clone.commitTree(await clone.writeTree(result), local === null ? [remote] : [local, remote], options.message);
    } else {
      const [mine, ids] = await Promise.all([options.exportFiles(), clone.fileIds(local)]);
      const unchanged = local !== null && sameFiles(mine, ids);
      if (unchanged && local === remote) return done('up-to-date', local, attempt, refs);
      if (local === null && remote === null && mine.size === 0) return done('up-to-date', null, attempt);
      outgoing = unchanged ? local! : await clone.commitTree(await clone.writeTree(mine), local === null ? [] : [local], options.message);
    }

    await clone.setRefs([[OUTGOING_REF, outgoing]]);
    const pushed = await clone.push(outgoing);
    if (pushed.status === 'pushed') return done('pushed', outgoing, attempt);
  }
  throw gitError(
    'CONFLICT',
    'push-race',
    `Your teammates kept syncing while Adoption Desk tried ${attempts} times to send your changes. Nothing was lost: your changes are kept here, and the next Sync sends them.`,
  );
}
