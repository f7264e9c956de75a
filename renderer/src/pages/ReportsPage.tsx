import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedReport } from '@deskside/core';
import { useApiQuery } from '../api/hooks';
import { useAddressParams } from '../app/use-address-params';
import { ErrorMessage } from '../components/ErrorMessage';
import { useDebounced } from '../features/kb/use-debounced';
import { DimensionSwitch, ReportFiltersForm } from '../features/reports/ReportFiltersForm';
import { ReportResultView } from '../features/reports/ReportResultView';
import {
  dimensionOf,
  filtersOf,
  localDate,
  paramsOfView,
  REPORT_TABS,
  savedFiltersOf,
  viewFromParams,
  viewOfSaved,
  type ReportView,
} from '../features/reports/report-params';
import { SavedReports } from '../features/reports/SavedReports';

const TYPING_PAUSE_MS = 400;

/** The report of the tab shown, for its filters (and the recurring report's dimension). */
function ReportAnswer({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const [today] = useState(() => localDate(new Date()));
  const filters = useMemo(() => filtersOf(view, today), [view, today]);
  const program = useDebounced(view.program, TYPING_PAUSE_MS);
  const dimension = useMemo(() => dimensionOf({ ...view, program }), [view, program]);
  const asked = filters ?? { period: { from: today, to: today } };
  const recurring = useApiQuery(
    'reports.recurring',
    { filters: asked, dimension: dimension ?? { by: 'category' } },
    {
      enabled: view.tab === 'recurring' && filters !== null && dimension !== null,
      keepPrevious: true,
    },
  );
  const service = useApiQuery(
    'reports.service',
    { filters: asked },
    { enabled: view.tab === 'service' && filters !== null, keepPrevious: true },
  );
  if (!filters) return <p className="muted">{t('reports.filter.incomplete')}</p>;
  if (view.tab === 'recurring' && !dimension) {
    return <p className="muted">{t('reports.programNeeded')}</p>;
  }
  const report = view.tab === 'recurring' ? recurring : service;
  return (
    <>
      {report.error && <ErrorMessage error={report.error} />}
      {report.isPending && <p role="status">{t('app.loading')}</p>}
      {report.data && (
        <ReportResultView
          result={report.data}
          generatedAt={new Date(report.dataUpdatedAt).toISOString()}
        />
      )}
    </>
  );
}

/**
 * Reports for the desk's lead: recurring problems and service figures over a period, filtered,
 * each figure's table beside its chart, exported as CSV or PDF; the view lives in the address,
 * so a link re-opens it. Saved reports keep a view under a name, run on a schedule.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useAddressParams();
  const view = viewFromParams(params);
  const change = (next: Partial<ReportView>) => {
    setParams(paramsOfView({ ...view, ...next }));
  };
  const open = (report: SavedReport) => {
    setParams(
      paramsOfView(
        viewOfSaved(report.kind, report.filters, report.dimension, localDate(new Date())),
      ),
    );
  };
  return (
    <main className="reports-page">
      <header className="page-header">
        <h1>{t('reports.title')}</h1>
      </header>
      <div className="tabs" role="tablist" aria-label={t('reports.title')}>
        {REPORT_TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`report-tab-${tab}`}
            aria-controls="report-panel"
            aria-selected={view.tab === tab}
            className={view.tab === tab ? 'active' : undefined}
            onClick={() => {
              change({ tab });
            }}
          >
            {t(`reports.${tab}.title`)}
          </button>
        ))}
      </div>
      <ReportFiltersForm view={view} onChange={change} />
      <div role="tabpanel" id="report-panel" aria-labelledby={`report-tab-${view.tab}`}>
        <h2>{t(`reports.${view.tab}.title`)}</h2>
        {view.tab === 'recurring' && <DimensionSwitch view={view} onChange={change} />}
        <ReportAnswer view={view} />
      </div>
      <SavedReports
        kind={view.tab}
        filters={savedFiltersOf(view)}
        dimension={dimensionOf(view)}
        onOpen={open}
      />
    </main>
  );
}
