import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  REPORT_SERIES_COLOURS,
  type ReportDocumentChart,
  type ReportDocumentSection,
} from '@deskside/core';
import { formatNumber } from '../../i18n/format';

const colour = (index: number) =>
  REPORT_SERIES_COLOURS[index % REPORT_SERIES_COLOURS.length] ?? REPORT_SERIES_COLOURS[0];

/**
 * A chart drawn with recharts. It is hidden from screen readers: the table beside it holds
 * the same figures, and is what they read.
 */
function ReportChart({ chart }: { chart: ReportDocumentChart }) {
  const { i18n } = useTranslation();
  const data = chart.categories.map((category, at) => ({
    category,
    ...Object.fromEntries(chart.series.map((series, index) => [`s${index}`, series.values[at]])),
  }));
  const shared = {
    width: 640,
    height: 240,
    data,
    accessibilityLayer: false,
    margin: { top: 8, right: 16, bottom: 8, left: 8 },
  };
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
    <XAxis key="x" dataKey="category" tick={{ fontSize: 11 }} interval="preserveStartEnd" />,
    <YAxis
      key="y"
      tick={{ fontSize: 11 }}
      allowDecimals={false}
      tickFormatter={(value: number) => formatNumber(value, i18n.language)}
    />,
    <Tooltip key="tip" formatter={(value) => formatNumber(Number(value), i18n.language)} />,
    ...(chart.series.length > 1 ? [<Legend key="legend" />] : []),
  ];
  return (
    <div className="report-chart" aria-hidden="true" data-chart-kind={chart.kind}>
      {chart.kind === 'bar' ? (
        <BarChart {...shared}>
          {axes}
          {chart.series.map((series, index) => (
            <Bar
              key={series.name}
              dataKey={`s${index}`}
              name={series.name}
              fill={colour(index)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      ) : (
        <LineChart {...shared}>
          {axes}
          {chart.series.map((series, index) => (
            <Line
              key={series.name}
              dataKey={`s${index}`}
              name={series.name}
              stroke={colour(index)}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </div>
  );
}

/**
 * One section of a report on screen: its heading, its chart, and a real table of the same
 * figures (captioned with the heading) that screen readers read instead of the chart. The
 * same section goes into the CSV and the PDF. `rowAction` adds a last column (open a group).
 */
export function ChartWithTable({
  section,
  rowAction,
  actionLabel,
  empty,
}: {
  section: ReportDocumentSection;
  rowAction?: (row: number) => ReactNode;
  actionLabel?: string;
  empty?: string;
}) {
  const { columns, rows } = section.table;
  return (
    <section className="panel report-section">
      <h3>{section.heading}</h3>
      {section.chart && rows.length > 0 && <ReportChart chart={section.chart} />}
      {rows.length === 0 && empty ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="list report-table">
          <caption className="visually-hidden">{section.heading}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  className={column.align === 'end' ? 'num' : undefined}
                >
                  {column.label}
                </th>
              ))}
              {rowAction && (
                <th scope="col">
                  <span className="visually-hidden">{actionLabel}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, at) => (
              <tr key={at}>
                {row.map((cell, column) =>
                  column === 0 ? (
                    <th key={column} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td
                      key={column}
                      className={columns[column]?.align === 'end' ? 'num' : undefined}
                    >
                      {cell}
                    </td>
                  ),
                )}
                {rowAction && <td>{rowAction(at)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
