import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketAction } from '@deskside/core';
import type { ActionContext } from './action-form';
import { ActionError } from './ActionError';

/** The frame of every action form: title, fields, a refusal explained, send and cancel. */
export function ActionForm({
  action,
  title,
  submitLabel,
  context,
  form,
  onSubmit,
  children,
}: {
  /** Titles the form and its button with the action's name, unless they are given. */
  action?: TicketAction;
  title?: string | undefined;
  submitLabel?: string | undefined;
  context: ActionContext;
  form: { mutation: { error: Error | null; isPending: boolean }; reload: () => Promise<void> };
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const pending = form.mutation.isPending;
  const heading = title ?? (action ? t(`ticket.action.${action}`) : '');
  return (
    <form
      noValidate
      className="panel form action-form"
      aria-label={heading}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3>{heading}</h3>
      {children}
      {form.mutation.error && (
        <ActionError
          error={form.mutation.error}
          context={context}
          onReload={() => void form.reload()}
        />
      )}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? t('ticket.saving') : (submitLabel ?? heading)}
        </button>
        <button type="button" className="secondary" onClick={context.cancel}>
          {t('ticket.cancel')}
        </button>
      </div>
    </form>
  );
}
