import { useTranslation } from 'react-i18next';
import { possibleStatusActions } from '@deskside/core';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatList } from '../../i18n/format';
import type { ActionContext } from './action-form';

/**
 * A refused action, said so the analyst knows what to do next: someone else changed the
 * ticket (reload, keep what you typed), or the move is not possible (here is what is).
 */
export function ActionError({
  error,
  context,
  onReload,
}: {
  error: unknown;
  context: ActionContext;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  if (!(error instanceof ApiError)) return <ErrorMessage error={error} />;
  const consoleMessage = (
    <details>
      <summary>{t('ticket.errors.consoleMessage')}</summary>
      <p>{error.message}</p>
    </details>
  );
  if (error.code === 'stale_version') {
    return (
      <div role="alert" className="error">
        <strong>{t('errors.stale_version')}</strong>
        <p>{t('ticket.errors.stale')}</p>
        <button type="button" onClick={onReload}>
          {t('ticket.errors.reload')}
        </button>
        {consoleMessage}
      </div>
    );
  }
  if (error.code === 'invalid_transition') {
    const { ticket } = context.detail;
    const possible = possibleStatusActions(ticket, context.config.closure, context.now).map(
      (action) => t(`ticket.action.${action}`),
    );
    return (
      <div role="alert" className="error">
        <strong>{t('errors.invalid_transition')}</strong>
        <p>
          {t('ticket.errors.statusNow', { status: t(`status.${ticket.status}`) })}{' '}
          {possible.length > 0
            ? t('ticket.errors.possible', { actions: formatList(possible, i18n.language) })
            : t('ticket.errors.nothingPossible')}
        </p>
        {consoleMessage}
      </div>
    );
  }
  if (error.code === 'validation') {
    return (
      <div role="alert" className="error">
        <strong>{t('errors.validation')}</strong>
        {consoleMessage}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}
