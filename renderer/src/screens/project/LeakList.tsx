import type { LeakHit } from '../../../../services/views';
import { AllowActions } from '../guard/AllowActions';

/**
 * The guard's findings, each a link to the place to fix (the interview whose summary holds
 * it), and, for a false positive, the allowance that releases it.
 */
export function LeakList({ leaks, linkFor, projectId }: { leaks: readonly LeakHit[]; linkFor: (hit: LeakHit) => string | null; projectId: number }) {
  if (leaks.length === 0) return null;
  return (
    <div className="card leak-card" role="alert" aria-labelledby="leaks-title">
      <h3 id="leaks-title">Refused by the anonymity guard</h3>
      <ul className="leaks">
        {leaks.map((hit, i) => {
          const href = linkFor(hit);
          const text = `'${hit.term}' (${hit.kind === 'organization' ? 'the organization' : hit.kind} of anonymous Adopter ${hit.adopterNumber}) in ${
            hit.entryNumber === null ? '' : `Adopter ${hit.entryNumber}'s entry, `
          }line ${hit.line}`;
          return (
            <li key={i} data-testid="leak">
              {href ? <a href={href}>{text}</a> : text}
              <q className="excerpt">{hit.excerpt}</q>
              <AllowActions hit={hit} projectId={projectId} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
