import { useTranslation } from 'react-i18next';
import { formatBytes, formatPercent } from '../../i18n/format';
import type { TransferView } from './useTransfers';

/** Progress of an export or import under way, with the button that cancels it. */
export function TransferProgress({
  view,
  onCancel,
  label,
}: {
  view: TransferView;
  onCancel: () => void;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  let phase: string;
  let done: number;
  let total: number;
  let amount: string;
  switch (view.step) {
    case 'sending':
    case 'saving':
      phase = t(`settings.data.phase.${view.step}`);
      ({ done, total } = view);
      amount = t('settings.data.of', {
        done: formatBytes(done, locale),
        total: formatBytes(total, locale),
      });
      break;
    case 'working': {
      const { job } = view;
      phase = t(`settings.data.phase.${job.phase}`);
      ({ done, total } = job);
      const number = new Intl.NumberFormat(locale);
      amount =
        job.unit === 'bytes'
          ? t('settings.data.of', {
              done: formatBytes(done, locale),
              total: formatBytes(total, locale),
            })
          : t('settings.data.records', { done: number.format(done), total: number.format(total) });
      break;
    }
    default:
      return null;
  }
  const percent = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  return (
    <div className="transfer-progress">
      <progress
        max={100}
        value={percent}
        aria-label={label}
        aria-valuetext={`${phase} ${formatPercent(percent, locale)}`}
      />
      <p aria-live="polite">
        <strong>{phase}</strong> {formatPercent(percent, locale)} · {amount}
      </p>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('settings.data.cancel')}
      </button>
    </div>
  );
}
