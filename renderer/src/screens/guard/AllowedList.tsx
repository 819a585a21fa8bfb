import type { LeakHit } from '../../../../services/views';
import { quoted } from './words';

/**
 * What the guard found and let through because the reviewer allowed it: shown beside the
 * section so an allowance's effect is visible, each with the way to the adopter's screen
 * where the allowance can be noted or removed.
 */
export function AllowedList({ allowed, adopterHref }: { allowed: readonly LeakHit[]; adopterHref: (adopterNumber: number) => string | null }) {
  if (allowed.length === 0) return null;
  return (
    <section className="card allowed-card" aria-labelledby="allowed-title">
      <h3 id="allowed-title">Released by your allowances ({allowed.length})</h3>
      <ul className="allowed-hits">
        {allowed.map((hit, i) => {
          const href = adopterHref(hit.adopterNumber);
          return (
            <li key={i} data-testid="allowed-hit">
              {quoted(hit.term)} of anonymous Adopter {hit.adopterNumber} in {hit.entryNumber === null ? '' : `Adopter ${hit.entryNumber}'s entry, `}line {hit.line}
              <span className="guard-from"> — allowed as {hit.allowedBy}</span>
              {href && (
                <>
                  {' '}
                  <a href={href}>Allowances of Adopter {hit.adopterNumber}</a>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
