import { useEffect, useId, useState } from 'react';
import type { SearchResults } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { Dialog } from '../../components/Dialog';
import { navigate } from '../../router';
import { SearchHits } from './SearchHits';
import { Outcome } from '../../components/Outcome';

/** Ctrl+K: search as you type; Enter on a result jumps there. */
export function SearchOverlay({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  useEffect(() => {
    if (!query.trim()) {
      setResults(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('search', { query, limit: 30 })
        .then((r) => current && (setResults(r), setError(null)))
        .catch((err) => current && setError(errorMessage(err)));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  return (
    <Dialog title="Search" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          navigate({ name: 'search', query });
          onClose();
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          Search summaries, notes, quotes and organizations
        </label>
        <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search summaries, notes, quotes, organizations…" />
      </form>
      <Outcome error={error} />
      {results && <SearchHits results={results} onOpen={onClose} />}
    </Dialog>
  );
}
