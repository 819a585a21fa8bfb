/**
 * Where a shared project stands, without asking the network (team mode's status line, `share
 * status`): whether the store holds changes not yet sent, and whether the last fetch saw
 * teammates' changes not yet taken.
 */
import type { ShareClone } from './git-clone';
import { sameFiles, type ShareFiles } from './git-tree';

export interface ShareGitStatus {
  /** The last commit this reviewer and the remote agreed on (null: never synced). */
  agreed: string | null;
  /** The store differs from what was last agreed, or a commit is waiting to be pushed. */
  changedHere: boolean;
  /** The last fetch found teammates' commits that a Sync has not taken yet. */
  teamAhead: boolean;
}

export async function shareStatus(clone: ShareClone, mine: ShareFiles): Promise<ShareGitStatus> {
  const refs = await clone.refs();
  const local = refs.outgoing ?? refs.local;
  const changedHere = refs.outgoing !== null || !sameFiles(mine, await clone.fileIds(refs.local));
  const teamAhead = refs.remote !== null && refs.remote !== local && (local === null || !(await clone.isAncestor(refs.remote, local)));
  return { agreed: refs.local, changedHere, teamAhead };
}
