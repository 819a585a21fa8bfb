import { LoadedView } from '../../components/Loaded';
import { useOp } from '../../hooks/useOp';
import { SearchHits } from './SearchHits';

export function SearchScreen({ query }: { query: string }) {
  const { state, reload } = useOp('search', { query: query || ' ', limit: 200 }, [query]);
  return (
    <section className="screen" aria-labelledby="search-title">
      <h2 id="search-title" className="screen-title">
        Search: “{query}”
      </h2>
      {query.trim() ? <LoadedView state={state} retry={() => void reload()}>{(results) => <SearchHits results={results} />}</LoadedView> : <p className="muted">Press Ctrl K to search.</p>}
    </section>
  );
}
