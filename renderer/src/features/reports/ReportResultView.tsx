import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  LanguageSchema,
  type RecurringGroup,
  type RecurringReport,
  type ReportDocument,
  type ReportDocumentSection,
  type ReportResult,
} from '@deskside/core';
import { useApiQuery } from '../../api/hooks';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ChartWithTable } from './ChartWithTable';
import { GroupTickets } from './GroupTickets';
import { groupLabel, recurringSections } from './recurring-document';
import { ReportExports } from './ReportExports';
import { filtersLine, type ReportLocale } from './report-format';
import { serviceFigures, serviceSections } from './service-document';

/** The report's formatting context: the analyst's language and the desk's group names. */
export function useReportLocale(): ReportLocale {
  const { t, i18n } = useTranslation();
  const config = useApiQuery('workflow.config', {});
  const groups = config.data?.groups;
  return useMemo(
    () => ({ t, locale: i18n.language, groups: groups ?? [] }),
    [t, i18n.language, groups],
  );
}

/** A report answer as the printable document its exports take. */
export function reportDocument(
  result: ReportResult,
  at: ReportLocale,
  generatedAt: string,
): ReportDocument {
  const { t, locale } = at;
  const language = LanguageSchema.catch('en').parse(locale);
  const sections =
    result.kind === 'recurring' ? recurringSections(result, at) : serviceSections(result, at);
  const dimension =
    result.kind === 'recurring'
      ? ` · ${t('reports.groupedBy', { dimension: t(`reports.dimension.${result.dimension.by}`) })}${
          result.dimension.by === 'software' ? ` (${result.dimension.program})` : ''
        }`
      : '';
  return {
    title: t(`reports.${result.kind}.title`),
    filters: (filtersLine(result.filters, at) + dimension).slice(0, 600),
    generatedAt: t('reports.generatedAt', { when: formatDateTime(generatedAt, locale) }),
    language,
    sections,
  };
}

/** The recurring report's sections: every list of groups opens the tickets behind a group. */
function RecurringBody({
  report,
  document,
}: {
  report: RecurringReport;
  document: ReportDocument;
}) {
  const { t } = useTranslation();
  const at = useReportLocale();
  const [open, setOpen] = useState<{ key: string | null; label: string } | null>(null);
  // The document's sections, in recurringSections' order, with the rows each stands for.
  const [groups, trend, grewMost, machines, ...rest] = document.sections;
  const openGroup = (list: readonly RecurringGroup[]) => (row: number) => {
    const group = list[row];
    if (!group) return null;
    const label = groupLabel(group.key, report.dimension, at);
    return (
      <button
        type="button"
        className="link"
        aria-label={t('reports.groupTickets.openNamed', { group: label })}
        onClick={() => {
          setOpen({ key: group.key, label });
        }}
      >
        {t('reports.groupTickets.open')}
      </button>
    );
  };
  const openMachine = (row: number) => {
    const machine = report.topMachines[row];
    if (!machine || machine.name === null) return null;
    return (
      <Link
        to={`/machines/${encodeURIComponent(machine.machineId)}`}
        aria-label={t('reports.openMachineNamed', { name: machine.name })}
      >
        {t('reports.openMachine')}
      </Link>
    );
  };
  const table = (
    section: ReportDocumentSection | undefined,
    rowAction?: (row: number) => ReactNode,
    actionLabel?: string,
  ) =>
    section && (
      <ChartWithTable
        key={section.heading}
        section={section}
        empty={t('reports.empty')}
        rowAction={rowAction}
        actionLabel={actionLabel}
      />
    );
  return (
    <>
      <p className="muted">
        {t('reports.recurring.total', {
          count: report.totalTickets,
          number: formatNumber(report.totalTickets, at.locale),
        })}
      </p>
      {table(groups, openGroup(report.groups), t('reports.groupTickets.open'))}
      {open && (
        <GroupTickets
          filters={report.filters}
          dimension={report.dimension}
          groupKey={open.key}
          label={open.label}
          onClose={() => {
            setOpen(null);
          }}
        />
      )}
      {table(trend)}
      {table(grewMost, openGroup(report.grewMost), t('reports.groupTickets.open'))}
      {table(machines, openMachine, t('reports.openMachine'))}
      {rest.map((section) => table(section))}
    </>
  );
}

/**
 * A report answer (asked now, or a stored run) on screen: its sections, each a chart with its
 * table, and the exports of the same document.
 */
export function ReportResultView({
  result,
  generatedAt,
}: {
  result: ReportResult;
  generatedAt: string;
}) {
  const { t } = useTranslation();
  const at = useReportLocale();
  const document = useMemo(
    () => reportDocument(result, at, generatedAt),
    [result, at, generatedAt],
  );
  return (
    <div className="report-result">
      <div className="report-meta">
        <p className="muted">
          {document.filters} · {document.generatedAt}
        </p>
        <ReportExports kind={result.kind} document={document} />
      </div>
      {result.kind === 'recurring' ? (
        <RecurringBody report={result} document={document} />
      ) : (
        <>
          <ul className="figure-cards" aria-label={t('reports.service.figures')}>
            {serviceFigures(result, at).map((figure) => (
              <li key={figure.id} className="figure-card">
                <span className="figure-label">{figure.label}</span>
                <strong className="figure-value">{figure.value}</strong>
                {figure.detail && <span className="muted">{figure.detail}</span>}
              </li>
            ))}
          </ul>
          {document.sections.slice(1).map((section) => (
            <ChartWithTable key={section.heading} section={section} empty={t('reports.empty')} />
          ))}
        </>
      )}
    </div>
  );
}
