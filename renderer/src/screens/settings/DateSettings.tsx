import { DATE_FORMATS, DATE_FORMAT_LABELS, TYPED_ORDERS, TYPED_ORDER_LABELS, resolveDateFormat, formatDate } from '../../../../domain/date-format';
import type { Settings } from '../../../../services/views';

/** How dates are shown everywhere on screen, and how a typed "3/6/2025" is read. */
export function DateSettings({ current, update }: { current: Settings; update: (patch: Partial<Settings>) => Promise<void> }) {
  const system = formatDate('2025-06-03', resolveDateFormat('system'));
  return (
    <>
      <div className="field">
        <label htmlFor="date-format">Dates are shown as</label>
        <select id="date-format" value={current.dateFormat} onChange={(e) => void update({ dateFormat: e.target.value as Settings['dateFormat'] })} aria-describedby="date-format-hint">
          {DATE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f === 'system' ? `${DATE_FORMAT_LABELS.system} (${system})` : DATE_FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
        <p id="date-format-hint" className="hint">
          On every screen. The published Adoption section keeps the TOC’s month and year.
        </p>
      </div>
      <div className="field">
        <label htmlFor="typed-order">A typed date like 3/6/2025 is</label>
        <select id="typed-order" value={current.typedDateOrder} onChange={(e) => void update({ typedDateOrder: e.target.value as Settings['typedDateOrder'] })}>
          {TYPED_ORDERS.map((o) => (
            <option key={o} value={o}>
              {TYPED_ORDER_LABELS[o]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
