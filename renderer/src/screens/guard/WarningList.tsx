import type { Warning } from '../../../../services/views';
import { useDates } from '../../hooks/dates';
import { useGuardActions } from './useGuardActions';

/**
 * Consistency warnings, each of one adopter with a Dismiss (undoable from its toast);
 * a dismissed warning comes back by itself when the text it was about changes.
 */
export function WarningList({ warnings, projectId, label = 'Warnings' }: { warnings: readonly Warning[]; projectId: number; label?: string }) {
  const actions = useGuardActions(projectId);
  // Warnings are written with stored dates ("approved it on 2024-09-25"): shown in the format of Settings.
  const { showIn } = useDates();
  return (
    <ul className="warnings" aria-label={label}>
      {warnings.map((w, i) => (
        // Two warnings can read alike (two interviews without a month): the position tells them apart.
        <li key={`${w.key}:${i}`} data-testid="warning">
          <span>{showIn(w.message)}</span>
          {w.adopterNumber !== null && (
            <button type="button" className="small quiet" aria-label={`Dismiss for Adopter ${w.adopterNumber}: ${showIn(w.message)}`} onClick={() => void actions.dismiss(w)}>
              Dismiss
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
