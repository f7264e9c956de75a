import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Shows a failed call: a translated title for its code and the console's own detail. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : 'internal';
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="error">
      <strong>{t(`errors.${code}`, { defaultValue: t('errors.title') })}</strong>
      <p>{detail}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
