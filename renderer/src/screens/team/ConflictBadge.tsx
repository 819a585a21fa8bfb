import { useState } from 'react';
import { ComparePanel } from './ComparePanel';
import { names, useTeamStatus, type OpenConflict } from './useTeam';

/**
 * "Conflict: 1 text from Ben" by a field or card whose text a teammate changed too; it opens
 * Compare. Shows nothing for a project that is not shared or has no open conflict there.
 */
export function ConflictBadge({ projectId, match }: { projectId: number; match: (conflict: OpenConflict) => boolean }) {
  const { row } = useTeamStatus(projectId);
  const mine = (row?.openConflicts ?? []).filter(match);
  const [open, setOpen] = useState<string | null>(null);
  if (mine.length === 0) return null;
  const by = [...new Set(mine.flatMap((c) => c.by))];
  const label = `Conflict: ${mine.length} ${mine.length === 1 ? 'text' : 'texts'}${by.length > 0 ? ` from ${names(by)}` : ''}`;
  return (
    <span>
      <button type="button" className="small conflict-badge" title={mine.map((c) => c.what).join('; ')} onClick={() => setOpen(mine[0]!.uid)}>
        {label} — Compare
      </button>
      {open && <ComparePanel projectId={projectId} conflictUid={open} onClose={() => setOpen(null)} />}
    </span>
  );
}
