import type { Alignment, Inline } from '../../../../markdown/read';
import { Inlines } from './Inlines';

/** Alignment as a class (styles.css): the page's CSP allows no inline styles in markup. */
const alignClass = (align: Alignment | undefined) => (align ? `align-${align}` : undefined);

/** A GFM table: the first row is the header, each column keeps its alignment. */
export function Table({ align, rows }: { align: readonly Alignment[]; rows: readonly (readonly Inline[][])[] }) {
  const [header, ...body] = rows;
  return (
    <table className="md-table">
      <thead>
        <tr>
          {header?.map((cell, c) => (
            <th key={c} scope="col" className={alignClass(align[c])}>
              <Inlines inlines={cell} />
            </th>
          ))}
        </tr>
      </thead>
      {body.length > 0 && (
        <tbody>
          {body.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={alignClass(align[c])}>
                  <Inlines inlines={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      )}
    </table>
  );
}
