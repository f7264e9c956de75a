import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  LanguageSchema,
  type FailingCheck,
  type RecurringGroup,
  type RecurringReport,
  type ReportDocument,
  type ReportDocumentSection,
  type ReportResult,
} from '@deskside/core';
import { useApiQuery } from '../../api/hooks';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ChartWithTable } from './ChartWithTable';
import { checkName } from '../checks/result-text';
import { CheckTickets, GroupTickets } from './GroupTickets';
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

/** What a button of the recurring report opened: a group's tickets, or a failing check's. */
type Opened = { section: string; label: string } & (
  | { kind: 'group'; key: string | null }
  | { kind: 'check'; check: Pick<FailingCheck, 'checkId' | 'code' | 'location'> }
);

/**
 * The recurring report's sections: every group, and every check failing on several machines,
 * opens the tickets behind it under its table; each busiest machine links to its page.
 */
function RecurringBody({
  report,
  document,
}: {
  report: RecurringReport;
  document: ReportDocument;
}) {
  const { t } = useTranslation();
  const at = useReportLocale();
  const [open, setOpen] = useState<Opened | null>(null);
  // The document's sections, in recurringSections' order, with the rows each stands for.
  const [groups, trend, grewMost, machines, failing, ...rest] = document.sections;
  const opener = (opened: Opened) => (
    <button
      type="button"
      className="link"
      aria-label={t('reports.groupTickets.openNamed', { group: opened.label })}
      onClick={() => {
        setOpen(opened);
      }}
    >
      {t('reports.groupTickets.open')}
    </button>
  );
  const openGroup =
    (section: ReportDocumentSection | undefined, list: readonly RecurringGroup[]) =>
    (row: number) => {
      const group = list[row];
      if (!group || !section) return null;
      const label = groupLabel(group.key, report.dimension, at);
      return opener({ section: section.heading, label, kind: 'group', key: group.key });
    };
  const openCheck = (row: number) => {
    const check = report.failingChecks[row];
    if (!check || !failing) return null;
    const label = [
      checkName(t, check.checkId),
      check.code,
      check.location ?? t('reports.noKey'),
    ].join(' · ');
    const { checkId, code, location } = check;
    return opener({
      section: failing.heading,
      label,
      kind: 'check',
      check: { checkId, code, location },
    });
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
  const close = () => {
    setOpen(null);
  };
  const table = (
    section: ReportDocumentSection | undefined,
    rowAction?: (row: number) => ReactNode,
    actionLabel?: string,
  ) =>
    section && (
      <Fragment key={section.heading}>
        <ChartWithTable
          section={section}
          empty={t('reports.empty')}
          rowAction={rowAction}
          actionLabel={actionLabel}
        />
        {open?.section === section.heading &&
          (open.kind === 'group' ? (
            <GroupTickets
              filters={report.filters}
              dimension={report.dimension}
              groupKey={open.key}
              label={open.label}
              onClose={close}
            />
          ) : (
            <CheckTickets
              filters={report.filters}
              check={open.check}
              label={open.label}
              onClose={close}
            />
          ))}
      </Fragment>
    );
  return (
    <>
      <p className="muted">
        {t('reports.recurring.total', {
          count: report.totalTickets,
          number: formatNumber(report.totalTickets, at.locale),
        })}
      </p>
      {table(groups, openGroup(groups, report.groups), t('reports.groupTickets.open'))}
      {table(trend)}
      {table(grewMost, openGroup(grewMost, report.grewMost), t('reports.groupTickets.open'))}
      {table(machines, openMachine, t('reports.openMachine'))}
      {table(failing, openCheck, t('reports.groupTickets.open'))}
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
