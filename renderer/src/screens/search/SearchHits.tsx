import type { SearchResults } from '../../../../services/views';
import { hitHref } from './hits';

export function Snippet({ text }: { text: string }) {
  // The service marks matches with [[ and ]]; no HTML crosses the contract.
  return (
    <>
      {text.split(/(\[\[.*?\]\])/g).map((part, i) =>
        part.startsWith('[[') && part.endsWith(']]') ? <mark key={i}>{part.slice(2, -2)}</mark> : <span key={i}>{part}</span>,
      )}
    </>
  );
}

/** The results page (#/search?q=…): every hit as a link to its field. */
export function SearchHits({ results }: { results: SearchResults }) {
  if (results.total === 0) return <p className="muted">No matches for “{results.query}”.</p>;
  return (
    <div className="search-results" aria-label="Search results">
      {results.groups.map((group, g) => (
        <section key={g}>
          <h3>{group.project ? group.project.name : 'Organizations in no project'}</h3>
          <ul>
            {group.hits.map((hit, i) => {
              const href = hitHref(group.project?.id ?? null, hit);
              return (
                <li key={i} data-testid="search-hit">
                  {href ? <a href={href}>{hit.title}</a> : <strong>{hit.title}</strong>}
                  <p className="snippet">
                    <Snippet text={hit.snippet} />
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
