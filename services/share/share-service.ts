/**
 * Share, Join, Sync and what surrounds them, as contract operations (team mode, docs/team.md;
 * issue 19). None is public: nothing here produces the DD's text; the publishing gate
 * (acknowledgements, open conflicts) is the store side's. Every operation that touches a clone
 * runs one at a time per project (share-clone-dir.ts), and refuses while another program holds
 * the data folder. Sync is never automatic: only these operations start one.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Store } from '../../db/store';
import { DeskError } from '../../domain/errors';
import { entityId, longText } from '../../domain/fields';
import { snapshotToFiles } from '../../templates/share/format';
import { compareView } from '../../templates/share/merge-compare';
import { textFields } from '../../templates/share/merge-rules';
import { recordId, SHARE_KINDS, type ShareKind, type ShareSnapshot } from '../../templates/share/records';
import type { ServiceGroup } from '../contract';
import { checkGitInstalled } from './git';
import { openClone } from './git-clone';
import { mergeFileProposal } from './git-merge-file';
import { shareStatus as gitShareStatus } from './git-status';
import { checkRemote } from './remote-check';
import { shownUrl } from './remote-url';
import { cloneDirFor, oneAtATime, refuseWhileHeldElsewhere } from './share-clone-dir';
import { describeRecord, fieldWords, reportSentences, type SyncReport } from './share-report';
import { projectUidOf, readSide, syncShared } from './share-sync';
import {
  acknowledge,
  applySnapshot,
  listShareLinks,
  openConflictsOf,
  pendingAcknowledgements,
  projectIdOfUid,
  projectSnapshot,
  resolveConflict,
  saveShareLink,
  shareLinkOf,
  type ShareLink,
} from './store';

const remoteUrl = z.string().trim().min(1, 'Give the address of the team’s private repository.').max(2000, 'That address is too long for a repository.');
const conflictUid = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'That is not the id of a conflict.');

export const shareInputs = {
  share: z.object({ projectId: entityId, remoteUrl }).strict(),
  join: z.object({ remoteUrl }).strict(),
  sync: z.object({ projectId: entityId }).strict(),
  status: z.object({ projectId: entityId.optional() }).strict(),
  acknowledge: z.object({ projectId: entityId, ids: z.array(entityId).min(1).max(1000) }).strict(),
  resolve: z.object({ projectId: entityId, conflictUid, text: longText('The chosen text') }).strict(),
  compare: z.object({ projectId: entityId, conflictUid }).strict(),
};

export type { SyncReport } from './share-report';

/** One shared project's status line and what stands behind it; read without the network. */
export interface ShareStatusRow {
  projectId: number;
  projectName: string;
  slug: string;
  /** The team's repository, with any password or token hidden. */
  remote: string;
  lastSyncAt: string | null;
  /** Changes from teammates (anonymity off, allowances) waiting for an acknowledgement: public exports wait. */
  toAcknowledge: { id: number; adopterNumber: number | null; what: string; by: string | null; at: string }[];
  /** `what`: "Adopter 2's interview — summary"; `by`: the teammates whose texts compete with yours. */
  openConflicts: { uid: string; recordKind: string; recordUid: string; field: string; adopterNumber: number | null; what: string; by: string[] }[];
  /** This store holds changes the team has not had yet (null: not known while another program holds the data folder). */
  changedHere: boolean | null;
  /** The last Sync's fetch saw teammates' changes not yet taken (null: not known, likewise). */
  teamAhead: boolean | null;
  /** "Synced 09:12 · 2 to review · changes to send". */
  line: string;
  /** What the last Sync did (kept with the link), so the report can be read again after leaving the screen. */
  lastReport: SyncReport | null;
}

export interface ConflictComparison {
  conflictUid: string;
  /** "Adopter 2's interview — summary". */
  what: string;
  recordKind: ShareKind;
  recordUid: string;
  field: string;
  adopterNumber: number | null;
  base: string | null;
  /** The text the record holds here now (yours). */
  mine: string | null;
  theirs: { text: string; by: string | null }[];
  /** Git's line merge of base, mine and the first competing text, when their changes do not overlap; only a proposal. */
  proposal: string | null;
}

type ShareOps = 'shareProject' | 'joinShared' | 'syncProject' | 'shareStatus' | 'acknowledgeSync' | 'resolveSyncConflict' | 'compareConflict';

const pad = (n: number) => String(n).padStart(2, '0');

/** "Synced 09:12" today, "Synced 2 Dec 09:12" before (the reviewer's local time). */
export function syncedWords(lastSyncAt: string | null, now: Date): string {
  if (lastSyncAt === null) return 'Never synced';
  const at = new Date(lastSyncAt);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (at.toDateString() === now.toDateString()) return `Synced ${time}`;
  return `Synced ${at.getDate()} ${at.toLocaleString('en-US', { month: 'short' })} ${time}`;
}

export function statusLine(row: Omit<ShareStatusRow, 'line' | 'lastReport'>, now: Date): string {
  const parts = [syncedWords(row.lastSyncAt, now)];
  const review = row.toAcknowledge.length + row.openConflicts.length;
  if (review > 0) parts.push(`${review} to review`);
  if (row.changedHere) parts.push('changes to send');
  if (row.teamAhead) parts.push('teammates’ changes waiting');
  return parts.join(' · ');
}

/** What an open conflict is about and who wrote the texts competing with this reviewer's, in words. */
function conflictWords(snapshot: ShareSnapshot, uid: string): { what: string; by: string[] } {
  const conflict = snapshot.get(recordId('conflict', uid));
  const view = conflict ? compareView(snapshot, conflict) : null;
  if (!view) return { what: 'A text of the project', by: [] };
  return {
    what: `${describeRecord(snapshot, view.about.kind, view.about.uid).what} — ${fieldWords(view.about.field)}`,
    by: [...new Set(view.theirs.map((t) => t.by ?? 'a teammate'))],
  };
}

function linkOrRefuse(store: Store, projectId: number): ShareLink {
  const link = shareLinkOf(store, projectId);
  if (link) return link;
  const name = store.read(() => store.tables.project.get(projectId).name);
  throw new DeskError('NOT_FOUND', `${name} is not shared with a team yet: share it first (Share project…, or adoption-desk share init).`);
}

/** The store's table of a kind of record, as far as resolving a text needs it. */
type TextTable = {
  findByUid(uid: string): ({ id: number; version: number; deletedAt?: string | null } & Record<string, unknown>) | undefined;
  update(id: number, version: number, patch: Record<string, unknown>): unknown;
};

export function shareServices(store: Store): ServiceGroup<ShareOps> {
  const guarded = <T>(key: string, work: () => Promise<T>): Promise<T> =>
    oneAtATime(`${store.file}\0${key}`, async () => {
      refuseWhileHeldElsewhere(store.file);
      return work();
    });

  const status = async (link: ShareLink): Promise<ShareStatusRow> => {
    const project = store.read(() => store.tables.project.get(link.projectId));
    const snapshot = projectSnapshot(store, link.projectId);
    const files = snapshotToFiles(snapshot);
    // While another program holds the data folder its Sync may be using the clone: the status
    // then says only what the store knows.
    const git = await guarded(link.projectUid, async () => gitShareStatus(await openClone(cloneDirFor(store.file, link.projectUid), link.remoteUrl), files)).catch(
      (error: unknown) => {
        if (error instanceof DeskError && error.code === 'ALREADY_OPEN') return { changedHere: null, teamAhead: null };
        throw error;
      },
    );
    const row = {
      projectId: link.projectId,
      projectName: project.name,
      slug: project.slug,
      remote: shownUrl(link.remoteUrl),
      lastSyncAt: link.lastSyncAt,
      toAcknowledge: pendingAcknowledgements(store, link.projectId),
      openConflicts: openConflictsOf(store, link.projectId).map((c) => ({ ...c, ...conflictWords(snapshot, c.uid) })),
      changedHere: git.changedHere,
      teamAhead: git.teamAhead,
    };
    // The report this app saved after the Sync (share-sync.ts): read back as it was written.
    return { ...row, line: statusLine(row, store.clock()), lastReport: (link.lastReport as SyncReport | null) ?? null };
  };

  return {
    shareProject: async ({ projectId, remoteUrl: url }): Promise<SyncReport> => {
      const project = store.read(() => store.tables.project.getLive(projectId));
      const existing = shareLinkOf(store, projectId);
      if (existing) throw new DeskError('DUPLICATE', `${project.name} is already shared with ${shownUrl(existing.remoteUrl)}; Sync it instead.`);
      const projectUid = projectUidOf(projectSnapshot(store, projectId));
      return guarded(projectUid, async () => {
        await checkGitInstalled();
        await checkRemote(url, projectUid);
        // The link is saved by the first Sync, once the project reached the team.
        return syncShared(store, { projectId, remoteUrl: url, agreedCommit: null }, { reportAs: 'shared' });
      });
    },

    joinShared: async ({ remoteUrl: url }): Promise<SyncReport & { projectId: number }> => {
      await checkGitInstalled();
      const remote = await checkRemote(url, null);
      const projectUid = remote.projectUid!;
      return guarded(projectUid, async () => {
        const here = projectIdOfUid(store, projectUid);
        if (here !== null) {
          const name = store.read(() => store.tables.project.get(here).name);
          throw new DeskError('DUPLICATE', `This store already holds the project shared at ${shownUrl(url)} (${name}): Sync it instead of joining it again.`);
        }
        const clone = await openClone(cloneDirFor(store.file, projectUid), url);
        const refs = await clone.fetch();
        if (refs.remote === null) throw new DeskError('VALIDATION', `The repository at ${shownUrl(url)} is empty: no one has shared a project there yet.`);
        // The whole project is read and checked before anything is written: a broken file imports nothing.
        const snapshot = readSide(await clone.readTree(refs.remote), url);
        const authors = [...new Set((await clone.commitsBetween(null, refs.remote)).map((c) => c.name))].sort();
        const { projectId } = applySnapshot(store, null, snapshot, { label: `Join the team’s project${authors.length > 0 ? ` from ${authors.join(', ')}` : ''}`, authors });
        // Linked at once: should the Sync below fail, the next Sync completes the Join.
        saveShareLink(store, { projectId, remoteUrl: url, agreedCommit: null, lastSyncAt: null });
        // The first Sync finds the same records on both sides and records where the team stands.
        const report = await syncShared(store, { projectId, remoteUrl: url, agreedCommit: null }, { reportAs: 'joined' });
        const joined = { ...report, arrived: { count: snapshot.size, authors } };
        return { ...joined, sentences: reportSentences(joined), projectId };
      });
    },

    syncProject: async ({ projectId }): Promise<SyncReport> => {
      const link = linkOrRefuse(store, projectId);
      return guarded(link.projectUid, () => syncShared(store, link));
    },

    shareStatus: async ({ projectId }): Promise<ShareStatusRow[]> => {
      // A project not shared has no row: the screens ask for their own project, shared or not.
      const one = projectId === undefined ? null : shareLinkOf(store, projectId);
      const links = projectId === undefined ? listShareLinks(store) : one ? [one] : [];
      const rows: ShareStatusRow[] = [];
      for (const link of links) rows.push(await status(link));
      return rows;
    },

    acknowledgeSync: ({ projectId, ids }) => {
      linkOrRefuse(store, projectId);
      acknowledge(store, projectId, ids);
      return pendingAcknowledgements(store, projectId);
    },

    resolveSyncConflict: ({ projectId, conflictUid: uid, text }) => {
      const conflict = openConflictsOf(store, projectId).find((c) => c.uid === uid);
      if (!conflict) throw new DeskError('NOT_FOUND', 'That conflict is no longer open; it may have been resolved already, here or by a teammate in a Sync.');
      const kind = conflict.recordKind as ShareKind;
      if (!(SHARE_KINDS as readonly string[]).includes(kind) || !textFields(kind).includes(conflict.field) || kind === 'conflict' || kind === 'dismissal') {
        throw new DeskError('VALIDATION', `The conflict is about ${fieldWords(conflict.field)}, which is not a text Adoption Desk can set.`);
      }
      const what = describeRecord(projectSnapshot(store, projectId), kind, conflict.recordUid).what;
      store.change(`Resolve conflict: ${what} — ${fieldWords(conflict.field)}`, () => {
        const table = store.tables[kind] as unknown as TextTable;
        const record = table.findByUid(conflict.recordUid);
        if (!record || record.deletedAt) throw new DeskError('NOT_FOUND', `${what} is no longer here (deleted or in the trash); restore it to resolve the conflict.`);
        if (record[conflict.field] !== text) table.update(record.id, record.version, { [conflict.field]: text });
        resolveConflict(store, projectId, uid);
      });
      return { resolved: uid, openConflicts: openConflictsOf(store, projectId).length };
    },

    compareConflict: async ({ projectId, conflictUid: uid }): Promise<ConflictComparison> => {
      const snapshot = projectSnapshot(store, projectId);
      const conflict = snapshot.get(recordId('conflict', uid));
      const view = conflict ? compareView(snapshot, conflict) : null;
      if (!view) throw new DeskError('NOT_FOUND', 'That conflict is no longer open; it may have been resolved already, here or by a teammate in a Sync.');
      const described = describeRecord(snapshot, view.about.kind, view.about.uid);
      const first = view.theirs[0];
      const proposed = first ? await mergeFileProposal(view.base ?? '', view.mine ?? '', first.text, path.dirname(store.file)) : null;
      return {
        conflictUid: uid,
        what: conflictWords(snapshot, uid).what,
        recordKind: view.about.kind,
        recordUid: view.about.uid,
        field: view.about.field,
        adopterNumber: described.adopterNumber,
        base: view.base,
        mine: view.mine,
        theirs: view.theirs,
        proposal: proposed?.clean ? proposed.text : null,
      };
    },
  };
}
