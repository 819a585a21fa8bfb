import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { SearchResults } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { Dialog } from '../../components/Dialog';
import { Outcome } from '../../components/Outcome';
import { useOp } from '../../hooks/useOp';
import { FIELD_FILTERS, openHref, placedHits, type FieldFilter, type PlacedHit } from './hits';
import { Snippet } from './SearchHits';
import './search.css';

/** Enough hits that narrowing by field or adopter (done here, over these) rarely misses one. */
const LIMIT = 200;

/**
 * Ctrl+K or /: search as you type. ↓ and ↑ move through the hits (the focus stays in the box,
 * the listbox follows with aria-activedescendant); Enter opens the chosen hit, or the first,
 * landing on the field that matched.
 */
export function SearchOverlay({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [field, setField] = useState<FieldFilter>('');
  const [projectId, setProjectId] = useState<number | null>(null);
  const [adopterId, setAdopterId] = useState<number | null>(null);
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const id = useId();

  useEffect(() => {
    if (!query.trim()) {
      setResults(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('search', { query, limit: LIMIT, ...(projectId === null ? {} : { projectId }) })
        .then((r) => current && (setResults(r), setError(null), setActive(-1)))
        .catch((err) => current && setError(errorMessage(err)));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, projectId]);

  const hits = useMemo(() => (results ? placedHits(results, field, adopterId) : []), [results, field, adopterId]);
  const optionId = (i: number) => `${id}-hit-${i}`;

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const open = (placed: PlacedHit | undefined) => {
    if (!placed?.href) return;
    onClose();
    openHref(placed.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      setActive((a) => (event.key === 'ArrowDown' ? Math.min(a + 1, hits.length - 1) : Math.max(a - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(hits[active >= 0 ? active : 0]);
    }
  };

  // Hits in list order, under a heading per project (the index into `hits` runs on across groups).
  const groups: { project: PlacedHit['project']; items: [PlacedHit, number][] }[] = [];
  hits.forEach((placed, i) => {
    const last = groups.at(-1);
    if (last && last.project?.id === placed.project?.id) last.items.push([placed, i]);
    else groups.push({ project: placed.project, items: [[placed, i]] });
  });

  const listId = `${id}-list`;
  const showList = results !== null && hits.length > 0;
  return (
    <Dialog title="Search" onClose={onClose}>
      <label htmlFor={id} className="visually-hidden">
        Search summaries, notes, quotes and organizations
      </label>
      <input
        id={id}
        className="search-box"
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Search summaries, notes, quotes, organizations…"
      />
      <SearchFilters field={field} setField={setField} projectId={projectId} setProjectId={setProjectId} adopterId={adopterId} setAdopterId={setAdopterId} />
      <Outcome error={error} />
      {results && (
        <p className="search-count muted" aria-live="polite" data-testid="search-count">
          {hits.length === 0 ? `No matches for “${results.query}”${field || adopterId !== null ? ' with these filters' : ''}.` : `${hits.length} ${hits.length === 1 ? 'hit' : 'hits'}`}
          {hits.length > 0 && <span className="search-keys"> · ↓ ↑ choose · Enter opens</span>}
          {results.total >= LIMIT && ` · the first ${LIMIT} matches: add a word or a filter to narrow`}
        </p>
      )}
      <div className="search-hits" role="listbox" id={listId} aria-label="Search results" hidden={!showList}>
        {groups.map((group) => (
          <div role="group" key={group.project?.id ?? 'none'} aria-labelledby={`${id}-g-${group.project?.id ?? 'none'}`}>
            <div className="search-group" role="presentation" id={`${id}-g-${group.project?.id ?? 'none'}`}>
              {group.project ? group.project.name : 'Organizations in no project'}
            </div>
            {group.items.map(([placed, i]) => (
              <div
                key={i}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                aria-disabled={placed.href ? undefined : true}
                className="search-hit"
                data-testid="search-hit"
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => i !== active && setActive(i)}
                onClick={() => open(placed)}
              >
                <span className="search-hit-title">{placed.hit.title}</span>
                <span className="snippet">
                  <Snippet text={placed.hit.snippet} />
                </span>
              </div>
            ))}
          </div>
        ))}
      </div>
    </Dialog>
  );
}

interface FilterProps {
  field: FieldFilter;
  setField: (field: FieldFilter) => void;
  projectId: number | null;
  setProjectId: (id: number | null) => void;
  adopterId: number | null;
  setAdopterId: (id: number | null) => void;
}

/** Field, project and adopter; the adopters are the chosen project's, so that choice comes first. */
function SearchFilters({ field, setField, projectId, setProjectId, adopterId, setAdopterId }: FilterProps) {
  const projects = useOp('listProjects', {}, []);
  const [adopters, setAdopters] = useState<{ adopterId: number; number: number; organization: string }[]>([]);
  useEffect(() => {
    setAdopters([]);
    if (projectId === null) return;
    let current = true;
    call('pipeline', { projectId })
      .then((rows) => current && setAdopters(rows))
      .catch(() => current && setAdopters([]));
    return () => {
      current = false;
    };
  }, [projectId]);
  const number = (value: string) => (value ? Number(value) : null);
  return (
    <div className="search-filters" role="group" aria-label="Narrow the search">
      <FilterSelect label="In" value={field} onChange={(v) => setField(v as FieldFilter)} all="Everything" options={FIELD_FILTERS} />
      <FilterSelect
        label="Project"
        value={projectId ?? ''}
        onChange={(v) => {
          setProjectId(number(v));
          setAdopterId(null);
        }}
        all="All projects"
        options={projects.state.status === 'ready' ? projects.state.value.map((p) => ({ value: p.id, label: p.name })) : []}
      />
      <FilterSelect
        label="Adopter"
        value={adopterId ?? ''}
        onChange={(v) => setAdopterId(number(v))}
        all={projectId === null ? 'Choose a project first' : 'All adopters'}
        options={adopters.map((a) => ({ value: a.adopterId, label: `Adopter ${a.number} – ${a.organization}` }))}
        disabled={projectId === null}
      />
    </div>
  );
}

interface FilterSelectProps {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  /** The first choice, which narrows nothing. */
  all: string;
  options: readonly { value: string | number; label: string }[];
  disabled?: boolean;
}

function FilterSelect({ label, value, onChange, all, options, disabled }: FilterSelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
