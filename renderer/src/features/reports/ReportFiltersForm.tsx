import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { CategorySelect } from '../kb/CategorySelect';
import { PERIOD_PRESETS, REPORT_DIMENSIONS_SHOWN, type ReportView } from './report-params';

/** A part of the page that changes the view in the address. */
interface ViewEditorProps {
  view: ReportView;
  onChange: (next: Partial<ReportView>) => void;
}

/** The period, group, category, location and department a report counts; the address keeps them. */
export function ReportFiltersForm({ view, onChange }: ViewEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const config = useApiQuery('workflow.config', {});
  const input = (key: 'location' | 'department' | 'from' | 'to', dated = false) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`reports.filter.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type={dated ? 'date' : 'text'}
        value={view[key]}
        maxLength={200}
        onChange={(event) => {
          onChange({ [key]: event.target.value });
        }}
      />
    </div>
  );
  return (
    <form
      className="panel form inline report-filters"
      role="search"
      aria-label={t('reports.filter.label')}
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-period`}>{t('reports.filter.period')}</label>
        <select
          id={`${id}-period`}
          value={view.period}
          onChange={(event) => {
            const period = [...PERIOD_PRESETS, 'custom' as const].find(
              (p) => p === event.target.value,
            );
            if (period) onChange({ period });
          }}
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t('reports.filter.lastWeeks', { count: Number.parseInt(preset, 10) })}
            </option>
          ))}
          <option value="custom">{t('reports.filter.custom')}</option>
        </select>
      </div>
      {view.period === 'custom' && (
        <>
          {input('from', true)}
          {input('to', true)}
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-group`}>{t('reports.filter.group')}</label>
        <select
          id={`${id}-group`}
          value={view.group}
          onChange={(event) => {
            onChange({ group: event.target.value });
          }}
        >
          <option value="">{t('reports.filter.anyGroup')}</option>
          {(config.data?.groups ?? []).map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </div>
      <CategorySelect
        value={view.category}
        emptyLabel={t('reports.filter.anyCategory')}
        onChange={(category) => {
          onChange({ category });
        }}
      />
      {input('location')}
      {input('department')}
    </form>
  );
}

/** Which field a recurring report groups by; for software, which program. */
export function DimensionSwitch({ view, onChange }: ViewEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="form inline dimension-switch">
      <div className="field">
        <label htmlFor={`${id}-by`}>{t('reports.groupBy')}</label>
        <select
          id={`${id}-by`}
          value={view.by}
          onChange={(event) => {
            const by = REPORT_DIMENSIONS_SHOWN.find((kind) => kind === event.target.value);
            if (by) onChange({ by });
          }}
        >
          {REPORT_DIMENSIONS_SHOWN.map((kind) => (
            <option key={kind} value={kind}>
              {t(`reports.dimensionTitle.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {view.by === 'software' && (
        <div className="field">
          <label htmlFor={`${id}-program`}>{t('reports.program')}</label>
          <input
            id={`${id}-program`}
            value={view.program}
            maxLength={300}
            placeholder={t('reports.programHint')}
            onChange={(event) => {
              onChange({ program: event.target.value });
            }}
          />
        </div>
      )}
    </div>
  );
}
