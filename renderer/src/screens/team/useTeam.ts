import { andList } from '../../../../domain/vocabulary';
import type { ShareStatusRow } from '../../../../services/share/share-service';
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

/** "Ana", "Ana and Ben", "Ana, Ben and Chloé"; "a teammate" when the Sync named no one. */
export const names = (list: readonly string[]): string => andList(list) || 'a teammate';
