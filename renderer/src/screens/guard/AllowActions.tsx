import type { LeakHit } from '../../../../services/views';
import { useGuardActions } from './useGuardActions';
import { allowLabel } from './words';

/**
 * Under a refused hit: release it as a false positive — where it was found (the narrow
 * choice, first) or everywhere. A hit outside any entry (a heading, a Word property) can
 * only be released everywhere.
 */
export function AllowActions({ hit, projectId }: { hit: LeakHit; projectId: number }) {
  const actions = useGuardActions(projectId);
  return (
    <div className="allow-actions" role="group" aria-label={`False positive? ${allowLabel(hit.term, hit.adopterNumber, hit.entryNumber)}`}>
      <span className="allow-question">False positive?</span>
      {hit.entryNumber !== null && (
        <button type="button" className="small" onClick={() => void actions.allow(hit, false)}>
          {allowLabel(hit.term, hit.adopterNumber, hit.entryNumber)}
        </button>
      )}
      {hit.entryNumber !== null && <span className="allow-question">or</span>}
      <button
        type="button"
        className="small quiet"
        aria-label={allowLabel(hit.term, hit.adopterNumber, null)}
        onClick={() => void actions.allow(hit, true)}
      >
        {hit.entryNumber === null ? allowLabel(hit.term, hit.adopterNumber, null) : 'everywhere'}
      </button>
    </div>
  );
}
