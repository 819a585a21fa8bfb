import { useEffect, useState } from 'react';
import type { ConflictComparison, ShareStatusRow } from '../../../../services/share/share-service';
import { call } from '../../client';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';

/**
 * Where a project stands with its team, read without the network: its row of the share
 * status, or null when the project is not shared. Every change reloads it (a resolved
 * conflict, an acknowledgement, an undo).
 */
export function useTeamStatus(projectId: number) {
  const { generation } = useRefresh();
  // Its own row only: the status of every shared project would open every project's clone.
  const { state, reload } = useOp('shareStatus', { projectId }, [projectId, generation]);
  const row: ShareStatusRow | null = state.status === 'ready' ? (state.value.find((r) => r.projectId === projectId) ?? null) : null;
  return { state, row, reload };
}

export type OpenConflict = ShareStatusRow['openConflicts'][number];

/** What a conflict is about and who wrote the competing text, in words: "Adopter 2's interview — summary", "Ben". */
export interface ConflictWords {
  uid: string;
  what: string;
  by: string[];
}

/**
 * The words of each open conflict, read from its comparison: the status names a conflict by
 * its record and field, which the reviewer should never have to read.
 */
export function useConflictWords(projectId: number, conflicts: readonly OpenConflict[]): ConflictWords[] {
  const [words, setWords] = useState<ConflictWords[]>([]);
  const key = conflicts.map((c) => c.uid).join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(
      conflicts.map(async (c): Promise<ConflictWords> => {
        try {
          const view: ConflictComparison = await call('compareConflict', { projectId, conflictUid: c.uid });
          return { uid: c.uid, what: view.what, by: [...new Set(view.theirs.map((t) => t.by ?? 'a teammate'))] };
        } catch {
          return { uid: c.uid, what: c.adopterNumber === null ? 'A text of the project' : `A text of Adopter ${c.adopterNumber}`, by: [] };
        }
      }),
    ).then((found) => live && setWords(found));
    return () => {
      live = false;
    };
    // The uids say which conflicts are open; their words do not change while they are.
  }, [projectId, key]);
  return words;
}

/** "Ana", "Ana and Ben", "Ana, Ben and Chloé". */
export function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? 'a teammate') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}
