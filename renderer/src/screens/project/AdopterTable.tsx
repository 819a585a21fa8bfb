import { useEffect, useRef, type MouseEvent } from 'react';
import { USAGE_LEVEL_LABELS } from '../../../../domain/vocabulary';
import type { PipelineRow } from '../../../../services/views';
import { useDates } from '../../hooks/dates';
import { hrefFor } from '../../router';
import type { SortKey, SortState } from './adopter-list';
import { StageSelect } from './StageSelect';

const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: 'adopter', label: 'Adopter' },
  { key: 'industry', label: 'Industry' },
  { key: 'stage', label: 'Stage' },
  { key: 'since', label: 'In stage since', className: 'date' },
  { key: 'usage', label: 'Usage' },
  { key: 'interview', label: 'Interviewed', className: 'date' },
  { key: 'next', label: 'Next' },
];

interface Props {
  projectId: number;
  rows: PipelineRow[];
  sort: SortState;
  onSort: (key: SortKey) => void;
  chosen: ReadonlySet<number>;
  /** A row's box was clicked: with shift, the range from the last one clicked. */
  onChoose: (row: PipelineRow, checked: boolean, range: boolean) => void;
  onChooseAll: (checked: boolean) => void;
  onChanged: () => void;
  caption: string;
}

/** The header box: checked when every visible row is chosen, half when some are. */
function ChooseAll({ rows, chosen, onChooseAll }: Pick<Props, 'rows' | 'chosen' | 'onChooseAll'>) {
  const box = useRef<HTMLInputElement>(null);
  const count = rows.filter((r) => chosen.has(r.adopterId)).length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && count < rows.length;
  }, [count, rows.length]);
  return (
    <input ref={box} type="checkbox" checked={rows.length > 0 && count === rows.length} onChange={(e) => onChooseAll(e.target.checked)} aria-label="Choose every adopter shown" />
  );
}

export function AdopterTable({ projectId, rows, sort, onSort, chosen, onChoose, onChooseAll, onChanged, caption }: Props) {
  const { show } = useDates();
  return (
    <table className="table pipeline adopter-list" aria-label="Adopters">
      <caption className="adopter-list-caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="choose">
            <ChooseAll rows={rows} chosen={chosen} onChooseAll={onChooseAll} />
          </th>
          {COLUMNS.map((c) => {
            const sorted = sort.key === c.key;
            return (
              <th key={c.key} scope="col" aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="sort" onClick={() => onSort(c.key)}>
                  {c.label}
                  <span className="sort-mark" aria-hidden="true">
                    {sorted ? (sort.descending ? '▼' : '▲') : '↕'}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const isChosen = chosen.has(row.adopterId);
          const since = row.stageDates[row.stage];
          return (
            <tr key={row.adopterId} data-testid="pipeline-row" className={`stage-${row.stage}${isChosen ? ' chosen' : ''}`}>
              <td className="choose">
                <input
                  type="checkbox"
                  checked={isChosen}
                  aria-label={`Choose Adopter ${row.number} – ${row.organization}`}
                  onChange={() => {}}
                  onClick={(e: MouseEvent<HTMLInputElement>) => onChoose(row, e.currentTarget.checked, e.shiftKey)}
                />
              </td>
              <th scope="row">
                <a href={hrefFor({ name: 'adopter', projectId, adopterId: row.adopterId })}>
                  Adopter {row.number} – {row.organization}
                </a>
                {row.anonymous && <span className="badge anonymous">Anonymous</span>}
              </th>
              <td>{row.industry ?? '–'}</td>
              <td>
                <StageSelect row={row} onChanged={onChanged} />
              </td>
              <td className="date">{since ? show(since) : '–'}</td>
              <td>{row.usageLevel ? USAGE_LEVEL_LABELS[row.usageLevel] : '–'}</td>
              <td className="date">{row.interviewDate ? show(row.interviewDate) : '–'}</td>
              <td className={row.next.overdue ? 'overdue' : undefined}>
                {row.next.text}
                {row.next.overdue && row.next.due ? ` since ${show(row.next.due)}` : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
