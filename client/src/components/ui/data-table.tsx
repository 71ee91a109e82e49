import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  numeric?: boolean;
  /** Short values whose cells must not break inside (a period code, a link of two words); numeric cells never break. */
  nowrap?: boolean;
  cell: (row: T) => ReactNode;
}

interface Props<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  caption?: ReactNode;
  captionHidden?: boolean;
}

const cellClass = (c: { numeric?: boolean; nowrap?: boolean }) => (c.numeric ? 'num' : c.nowrap ? 'nowrap' : undefined);

/** A plain data table: header cells with scope, numeric columns aligned right, horizontal scroll on small screens. */
export function DataTable<T>({ columns, rows, rowKey, caption, captionHidden }: Props<T>) {
  return (
    <div className="table-wrap">
      <table className="data">
        {caption && <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} className={cellClass(c)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
