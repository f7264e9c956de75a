import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ReportScheduleSchema,
  type ReportDimension,
  type ReportSchedule,
  type SavedFilters,
  type SavedReport,
} from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';
import { leadsTheDesk } from '../desk/desk-session';
import { ReportResultView } from './ReportResultView';
import { formatPeriod } from './report-format';
import type { ReportTab } from './report-params';

const SCHEDULES = ReportScheduleSchema.options;

/** Saves the filters shown under a name, run by hand or on a schedule. */
function SaveReportForm({
  kind,
  filters,
  dimension,
}: {
  kind: ReportTab;
  filters: SavedFilters | null;
  dimension: ReportDimension | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [schedule, setSchedule] = useState<ReportSchedule>('none');
  const save = useApiMutation('reports.save', {
    onSuccess: () => {
      setName('');
    },
  });
  const ready =
    filters !== null && (kind === 'service' || dimension !== null) && name.trim() !== '';
  return (
    <form
      className="form inline save-report"
      aria-label={t('reports.saved.save')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        save.mutate({
          name: name.trim(),
          kind,
          filters,
          dimension: kind === 'recurring' ? dimension : null,
          schedule,
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('reports.saved.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={200}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-schedule`}>{t('reports.saved.schedule')}</label>
        <select
          id={`${id}-schedule`}
          value={schedule}
          onChange={(event) => {
            setSchedule(ReportScheduleSchema.catch('none').parse(event.target.value));
          }}
        >
          {SCHEDULES.map((option) => (
            <option key={option} value={option}>
              {t(`reports.schedule.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={!ready || save.isPending}>
        {t('reports.saved.save')}
      </button>
      {filters?.period.type === 'fixed' && schedule !== 'none' && (
        <p className="muted">{t('reports.saved.scheduleNeedsPreset')}</p>
      )}
      {save.error && <ErrorMessage error={save.error} />}
    </form>
  );
}

/** A saved report's stored runs; one opens as the report it was then. */
function SavedRuns({ report }: { report: SavedReport }) {
  const { t, i18n } = useTranslation();
  const runs = useApiQuery('reports.runs', { reportId: report.id });
  const [openId, setOpenId] = useState<number | null>(null);
  const run = useApiQuery('reports.openRun', { id: openId ?? 1 }, { enabled: openId !== null });
  const runNow = useApiMutation('reports.runNow', {
    onSuccess: (made) => {
      setOpenId(made.id);
    },
  });
  return (
    <div className="saved-runs">
      <button
        type="button"
        className="secondary"
        disabled={runNow.isPending}
        onClick={() => {
          runNow.mutate({ reportId: report.id });
        }}
      >
        {t('reports.saved.runNow')}
      </button>
      {runNow.error && <ErrorMessage error={runNow.error} />}
      {runs.data && runs.data.length === 0 && <p className="muted">{t('reports.saved.noRuns')}</p>}
      <ul>
        {runs.data?.map((summary) => (
          <li key={summary.id}>
            <button
              type="button"
              className="link"
              aria-pressed={openId === summary.id}
              onClick={() => {
                setOpenId(openId === summary.id ? null : summary.id);
              }}
            >
              {t('reports.saved.run', {
                period: formatPeriod(summary.period, i18n.language),
                when: formatDateTime(summary.ranAt, i18n.language),
              })}
            </button>
          </li>
        ))}
      </ul>
      {run.error && <ErrorMessage error={run.error} />}
      {openId !== null && run.data && (
        <ReportResultView result={run.data.result} generatedAt={run.data.ranAt} />
      )}
    </div>
  );
}

/**
 * Reports saved with their filters: open one (its filters in the address), run it, see its
 * stored runs. Saving and deleting are a lead's or an administrator's on a desk with roles.
 */
export function SavedReports({
  kind,
  filters,
  dimension,
  onOpen,
}: {
  kind: ReportTab;
  filters: SavedFilters | null;
  dimension: ReportDimension | null;
  onOpen: (report: SavedReport) => void;
}) {
  const { t } = useTranslation();
  const session = useApiQuery('desk.session', {});
  const leads = leadsTheDesk(session.data);
  const saved = useApiQuery('reports.saved', {});
  const remove = useApiMutation('reports.delete');
  const [shown, setShown] = useState<number | null>(null);
  return (
    <section className="panel saved-reports" aria-labelledby="saved-reports-heading">
      <h2 id="saved-reports-heading">{t('reports.saved.title')}</h2>
      {leads ? (
        <SaveReportForm kind={kind} filters={filters} dimension={dimension} />
      ) : (
        <p className="muted">{t('reports.saved.leadsOnly')}</p>
      )}
      {saved.error && <ErrorMessage error={saved.error} />}
      {remove.error && <ErrorMessage error={remove.error} />}
      {saved.data && saved.data.length === 0 && <p className="muted">{t('reports.saved.none')}</p>}
      <ul className="saved-list">
        {saved.data?.map((report) => (
          <li key={report.id}>
            <strong>{report.name}</strong>{' '}
            <span className="muted">
              {t(`reports.${report.kind}.title`)} · {t(`reports.schedule.${report.schedule}`)}
            </span>{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                onOpen(report);
              }}
            >
              {t('reports.saved.open')}
            </button>{' '}
            <button
              type="button"
              className="link"
              aria-expanded={shown === report.id}
              onClick={() => {
                setShown(shown === report.id ? null : report.id);
              }}
            >
              {t('reports.saved.runs')}
            </button>
            {leads && (
              <>
                {' '}
                <button
                  type="button"
                  className="link danger"
                  onClick={() => {
                    remove.mutate({ id: report.id, expectedVersion: report.version });
                  }}
                >
                  {t('reports.saved.delete')}
                </button>
              </>
            )}
            {shown === report.id && <SavedRuns report={report} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
