import { STAGES, STAGE_LABELS, USAGE_LEVELS, USAGE_LEVEL_LABELS } from '../../../../domain/vocabulary';
import { NO_FILTERS, isFiltered, type Filters } from './adopter-list';

const APPROVALS = { approved: 'Approved', waiting: 'Waiting for approval', 'not-sent': 'No summary sent' } as const;

/** A select of the filter bar: "Any" first, then the values. */
function Choice<K extends keyof Filters>({ name, label, value, options, set }: { name: K; label: string; value: Filters[K]; options: [string, string][]; set: (patch: Partial<Filters>) => void }) {
  const id = `adopter-filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set({ [name]: e.target.value } as Partial<Filters>)}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Narrows the adopter list: words (organization, industry, label, people) and one value per column. */
export function AdopterFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div role="search" className="adopter-filters field-row" aria-label="Filter the adopters">
      <div className="field w-m">
        <label htmlFor="adopter-filter-text">Find</label>
        <input
          id="adopter-filter-text"
          type="search"
          value={filters.text}
          onChange={(e) => set({ text: e.target.value })}
          placeholder="Organization, industry, label or person"
          autoComplete="off"
        />
      </div>
      <Choice name="stage" label="Stage" value={filters.stage} options={STAGES.map((s) => [s, STAGE_LABELS[s]])} set={set} />
      <Choice name="usage" label="Usage" value={filters.usage} options={[...USAGE_LEVELS.map((u): [string, string] => [u, USAGE_LEVEL_LABELS[u]]), ['none', 'Not set']]} set={set} />
      <Choice name="anonymity" label="Anonymity" value={filters.anonymity} options={[['anonymous', 'Anonymous'], ['named', 'Named']]} set={set} />
      <Choice name="approval" label="Approval" value={filters.approval} options={Object.entries(APPROVALS)} set={set} />
      {isFiltered(filters) && (
        <button type="button" className="quiet" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
