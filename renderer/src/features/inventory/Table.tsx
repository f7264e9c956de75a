import type { ReactNode } from 'react';

/** A table of rows under column headings; "None reported" when there are no rows. */
export function Table<Row>({
  columns,
  rows,
  rowKey,
  empty,
}: {
  columns: [heading: string, cell: (row: Row) => ReactNode][];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  empty: string;
}) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table>
      <thead>
        <tr>
          {columns.map(([heading]) => (
            <th key={heading} scope="col">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)}>
            {columns.map(([heading, cell]) => (
              <td key={heading}>{cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
