/**
 * One Sync of a shared project (team mode, docs/team.md; issue 19, "Share, Join, Sync"): open the
 * clone, export the store's project as files, and let the Git side (git-sync.ts) fetch, hand the
 * three sides to the app's field-by-field merge when the team moved on, commit and push. The merge
 * callback writes the result into the store as one undoable change ("Sync with the team: 7
 * records from Ana, Ben") with the acknowledgements publishing must wait for, in one transaction.
 *
 * The store is the truth: a refused side (a hand-broken file, a newer format) throws before
 * anything is written, and a Sync killed anywhere is completed by the next one.
 */
import type { Store } from '../../db/store';
import { DeskError } from '../../domain/errors';
import { filesToSnapshot, snapshotToFiles } from '../../templates/share/format';
import { INTERVIEW_TEXTS, PROJECT_FILE, SHARE_FOLDERS } from '../../templates/share/format-paths';
import { mergeSnapshots, type MergeReport } from '../../templates/share/merge';
import { sameRecord } from '../../templates/share/merge-values';
import { recordId, type ShareKind, type ShareSnapshot } from '../../templates/share/records';
import { openClone, type ShareClone } from './git-clone';
import { syncLoop, type SyncSides } from './git-sync';
import { shownUrl } from './remote-url';
import { cloneDirFor } from './share-clone-dir';
import { arrivedOf, syncChangeLabel, syncReport, type SyncReport, type SyncStatus } from './share-report';
import { applySnapshot, projectSnapshot, recordAcknowledgements, saveShareLink } from './store';

/** The project record's stable id: the project's name in every store and in the remote's format file. */
export function projectUidOf(snapshot: ShareSnapshot): string {
  for (const record of snapshot.values()) if (record.kind === 'project') return record.uid;
  throw new DeskError('INTERNAL', 'The project has no stable id to share it by.');
}

export function sameSnapshot(a: ShareSnapshot, b: ShareSnapshot): boolean {
  if (a.size !== b.size) return false;
  for (const [id, record] of a) {
    const other = b.get(id);
    if (!other || !sameRecord(record, other)) return false;
  }
  return true;
}

const KIND_OF_FOLDER = new Map<string, ShareKind>(Object.entries(SHARE_FOLDERS).map(([kind, folder]) => [folder, kind as ShareKind]));
const TEXT_SUFFIXES = Object.values(INTERVIEW_TEXTS).map((suffix) => `.${suffix}`);

/** The record a file of the share format holds (an interview's text files are the interview's), or null. */
export function recordIdOfPath(file: string): string | null {
  const slash = file.indexOf('/');
  if (slash < 0) return null;
  const kind = KIND_OF_FOLDER.get(file.slice(0, slash));
  const name = file.slice(slash + 1);
  if (!kind || name.includes('/')) return null;
  const suffix = kind === 'interview' ? TEXT_SUFFIXES.find((s) => name.endsWith(s)) : undefined;
  const uid = suffix ? name.slice(0, -suffix.length) : name.endsWith('.json') ? name.slice(0, -'.json'.length) : null;
  return uid ? recordId(kind, uid) : null;
}

/** Who last changed each record among the commits that arrived: the remote's authors of the merge. */
async function theirAuthors(clone: ShareClone, sides: SyncSides, projectUid: string): Promise<Map<string, string>> {
  const authors = new Map<string, string>();
  for (const [file, info] of await clone.changedBy(sides.baseCommit, sides.theirsCommit)) {
    const id = file === PROJECT_FILE ? recordId('project', projectUid) : recordIdOfPath(file);
    if (id !== null && !authors.has(id)) authors.set(id, info.name);
  }
  return authors;
}

/** A side's files as records, or the refusal in words naming the first problems (nothing is written). */
export function readSide(files: ReadonlyMap<string, string>, remoteUrl: string): ShareSnapshot {
  const read = filesToSnapshot(files);
  if ('snapshot' in read) return read.snapshot;
  const problems = read.problems.slice(0, 5).map((p) => `${p.file}: ${p.message}`);
  throw new DeskError(
    'VALIDATION',
    `The team's copy of the project at ${shownUrl(remoteUrl)} cannot be read, so nothing was changed here. ${problems.join(' ')}${read.problems.length > 5 ? ` (and ${read.problems.length - 5} more)` : ''}`,
    { problems: read.problems },
  );
}

export interface SyncTarget {
  projectId: number;
  remoteUrl: string;
  agreedCommit: string | null;
}

/**
 * One Sync: the report of what it did. `status` overrides the outcome's word for the report of a
 * Share or a Join. The caller holds the one-at-a-time guard (share-clone-dir.ts). A push that lost
 * a race with a teammate's is retried from the fetch by syncLoop (services/share/git-sync.ts).
 */
export async function syncShared(store: Store, target: SyncTarget, options: { reportAs?: SyncStatus } = {}): Promise<SyncReport> {
  // What a try merged into the store stays merged when the next try starts: the report tells it all.
  return syncOnce(store, target, options, { before: projectSnapshot(store, target.projectId), merges: [] });
}

async function syncOnce(store: Store, target: SyncTarget, options: { reportAs?: SyncStatus }, done: { before: ShareSnapshot; merges: MergeReport[] }): Promise<SyncReport> {
  const { projectId, remoteUrl } = target;
  const { before, merges } = done;
  const projectUid = projectUidOf(before);
  const clone = await openClone(cloneDirFor(store.file, projectUid), remoteUrl);

  const outcome = await syncLoop(clone, {
    agreed: target.agreedCommit,
    exportFiles: () => snapshotToFiles(projectSnapshot(store, projectId)),
    merge: async (sides) => {
      const authors = await theirAuthors(clone, sides, projectUid);
      const base = sides.base.size === 0 ? new Map() : readSide(sides.base, remoteUrl);
      const theirs = readSide(sides.theirs, remoteUrl);
      // From here to the return nothing awaits: the store read is the one the merge is written over,
      // so an edit saved while Git fetched is part of "mine", never overwritten.
      const mine = projectSnapshot(store, projectId);
      const { merged, report } = mergeSnapshots({ base, mine, theirs, theirAuthors: authors });
      const label = syncChangeLabel(report);
      if (!sameSnapshot(merged, mine) || report.acknowledgements.length > 0) {
        store.change(label, () => {
          if (!sameSnapshot(merged, mine)) applySnapshot(store, { projectId }, merged, { label, authors: arrivedOf(report).authors });
          if (report.acknowledgements.length > 0) recordAcknowledgements(store, projectId, report.acknowledgements);
        });
      }
      merges.push(report);
      return snapshotToFiles(merged);
    },
  });

  const at = store.clock().toISOString();
  const report = syncReport({
    status: options.reportAs ?? outcome.status,
    commit: outcome.commit,
    at,
    attempts: outcome.attempts,
    merges,
    merged: projectSnapshot(store, projectId),
    mine: before,
  });
  saveShareLink(store, { projectId, remoteUrl, agreedCommit: outcome.commit, lastSyncAt: at, lastReport: report });
  return report;
}
