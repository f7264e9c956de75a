import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, WEEKDAYS, type SlaPolicy } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';
import { formatDuration } from '../../i18n/format';
import { FieldError, invalidProps } from './FieldError';
import { fieldErrors } from './field-errors';
import { SaveBar } from './SaveBar';
import { fromDraft, toDraft, type SlaDraft } from './sla-draft';
import { timeZones, weekdayName } from './calendar-labels';

const TIME_ZONE = 'sla.calendar.timeZone';
const CALENDAR = 'sla.calendar';
const AT_RISK = 'sla.atRiskShare';
const BOUNDS = ['start', 'end'] as const;
const TARGETS = ['firstResponseMinutes', 'resolutionMinutes'] as const;

/** The SLA calendar (time zone, working hours, holidays) and the targets per priority. */
export function SlaSettings({ policy }: { policy: SlaPolicy }) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const [draft, setDraft] = useState<SlaDraft>(() => toDraft(policy));
  const [holiday, setHoliday] = useState('');
  const save = useApiMutation('workflow.configure');
  const errors = fieldErrors(save.error);
  const fieldId = (path: string) => `${base}${path.replace(/\W/g, '-')}`;
  const field = (path: string) => ({
    errorProps: invalidProps(errors, path, fieldId(path)),
    error: <FieldError errors={errors} path={path} id={fieldId(path)} />,
  });
  const change = (edit: (next: SlaDraft) => void) => {
    setDraft((current) => {
      const next = structuredClone(current);
      edit(next);
      return next;
    });
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    save.mutate({ sla: fromDraft(draft) });
  };

  return (
    <form className="panel form sla" onSubmit={submit} aria-label={t('settings.sla.title')}>
      <h2>{t('settings.sla.title')}</h2>
      <p className="muted">{t('settings.sla.intro')}</p>
      <label>
        {t('settings.sla.timeZone')}
        <select
          value={draft.timeZone}
          onChange={(e) => {
            change((next) => {
              next.timeZone = e.target.value;
            });
          }}
          {...field(TIME_ZONE).errorProps}
        >
          {timeZones(draft.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        {field(TIME_ZONE).error}
      </label>

      <h3>{t('settings.sla.workingHours')}</h3>
      <p className="muted">{t('settings.sla.timeHint')}</p>
      {field(CALENDAR).error}
      <table className="working-hours">
        <tbody>
          {WEEKDAYS.map((day) => {
            const dayName = weekdayName(day, i18n.language);
            return (
              <tr key={day}>
                <th scope="row">{dayName}</th>
                <td>
                  {draft.workingHours[day].length === 0 && (
                    <span className="muted">{t('settings.sla.closed')}</span>
                  )}
                  {draft.workingHours[day].map((period, index) => {
                    const path = `sla.calendar.workingHours.${day}.${index}`;
                    const n = index + 1;
                    return (
                      <div className="period" key={index}>
                        {BOUNDS.map((bound) => (
                          <span key={bound} className="period-bound">
                            <input
                              className="time"
                              inputMode="numeric"
                              maxLength={5}
                              placeholder="08:30"
                              value={period[bound]}
                              aria-label={t(`settings.sla.${bound}`, { day: dayName, n })}
                              onChange={(e) => {
                                change((next) => {
                                  next.workingHours[day][index]![bound] = e.target.value;
                                });
                              }}
                              {...field(`${path}.${bound}`).errorProps}
                            />
                            {field(`${path}.${bound}`).error}
                          </span>
                        ))}
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('settings.sla.removePeriod', { day: dayName, n })}
                          onClick={() => {
                            change((next) => {
                              next.workingHours[day].splice(index, 1);
                            });
                          }}
                        >
                          {t('settings.sla.remove')}
                        </button>
                        {field(path).error}
                      </div>
                    );
                  })}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('settings.sla.addPeriod', { day: dayName })}
                    onClick={() => {
                      change((next) => {
                        next.workingHours[day].push({ start: '09:00', end: '17:00' });
                      });
                    }}
                  >
                    {t('settings.sla.add')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>{t('settings.sla.holidays')}</h3>
      <ul className="holidays">
        {draft.holidays.map((date, index) => (
          <li key={date}>
            <span>
              {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' }).format(
                new Date(`${date}T12:00:00Z`),
              )}
            </span>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                change((next) => {
                  next.holidays.splice(index, 1);
                });
              }}
            >
              {t('settings.sla.removeHoliday', { date })}
            </button>
            {field(`sla.calendar.holidays.${index}`).error}
          </li>
        ))}
      </ul>
      <div className="inline-field">
        <label>
          {t('settings.sla.holiday')}
          <input
            type="date"
            value={holiday}
            onChange={(e) => {
              setHoliday(e.target.value);
            }}
          />
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!holiday || draft.holidays.includes(holiday)}
          onClick={() => {
            change((next) => {
              next.holidays.push(holiday);
            });
            setHoliday('');
          }}
        >
          {t('settings.sla.addHoliday')}
        </button>
      </div>

      <h3>{t('settings.sla.targets')}</h3>
      <table className="targets">
        <thead>
          <tr>
            <th scope="col">{t('settings.sla.priority')}</th>
            <th scope="col">{t('settings.sla.firstResponse')}</th>
            <th scope="col">{t('settings.sla.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((priority) => (
            <tr key={priority}>
              <th scope="row">{t('settings.sla.priorityN', { n: priority })}</th>
              {TARGETS.map((target) => {
                const path = `sla.targets.${priority}.${target}`;
                const minutes = Number(draft.targets[priority][target]);
                return (
                  <td key={target}>
                    <input
                      inputMode="numeric"
                      className="minutes"
                      value={draft.targets[priority][target]}
                      aria-label={t(`settings.sla.${target}`, { n: priority })}
                      onChange={(e) => {
                        change((next) => {
                          next.targets[priority][target] = e.target.value;
                        });
                      }}
                      {...field(path).errorProps}
                    />{' '}
                    <span className="muted">
                      {Number.isFinite(minutes) && minutes > 0
                        ? formatDuration(minutes * 60, i18n.language)
                        : ''}
                    </span>
                    {field(path).error}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        {t('settings.sla.atRisk')}
        <input
          inputMode="numeric"
          className="minutes"
          value={draft.atRiskPercent}
          onChange={(e) => {
            change((next) => {
              next.atRiskPercent = e.target.value;
            });
          }}
          {...field(AT_RISK).errorProps}
        />
        {field(AT_RISK).error}
      </label>
      <SaveBar save={save} errors={errors} />
    </form>
  );
}
