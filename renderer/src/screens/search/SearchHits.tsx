import type { SearchHit, SearchResults } from '../../../../services/views';
import { hrefFor } from '../../router';

function Snippet({ text }: { text: string }) {
  // The service marks matches with [[ and ]]; no HTML crosses the contract.
  return (
    <>
      {text.split(/(\[\[.*?\]\])/g).map((part, i) =>
        part.startsWith('[[') && part.endsWith(']]') ? <mark key={i}>{part.slice(2, -2)}</mark> : <span key={i}>{part}</span>,
      )}
    </>
  );
}

function linkFor(projectId: number | null, hit: SearchHit): string | null {
  if (projectId === null || hit.adopterId === null) return null;
  if (hit.interviewId !== null) {
    return hrefFor({ name: 'interview', projectId, adopterId: hit.adopterId, interviewId: hit.interviewId, ...(hit.kind === 'summary' ? { focus: 'summary' } : {}) });
  }
  return hrefFor({ name: 'adopter', projectId, adopterId: hit.adopterId });
}

export function SearchHits({ results, onOpen }: { results: SearchResults; onOpen?: () => void }) {
  if (results.total === 0) return <p className="muted">No matches for “{results.query}”.</p>;
  return (
    <div className="search-results" aria-label="Search results">
      {results.groups.map((group, g) => (
        <section key={g}>
          <h3>{group.project ? group.project.name : 'Organizations in no project'}</h3>
          <ul>
            {group.hits.map((hit, i) => {
              const href = linkFor(group.project?.id ?? null, hit);
              return (
                <li key={i} data-testid="search-hit">
                  {href ? (
                    <a href={href} onClick={onOpen}>
                      {hit.title}
                    </a>
                  ) : (
                    <strong>{hit.title}</strong>
                  )}
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
