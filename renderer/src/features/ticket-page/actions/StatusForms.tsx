import { useTranslation } from 'react-i18next';
import { ResolutionCodeSchema, type ResolutionCode, type TicketAction } from '@deskside/core';
import { useActionForm, useFormField, type ActionContext } from '../action-form';
import { ActionForm } from '../ActionForm';
import { SelectField, TextArea } from '../Fields';

type Props = { context: ActionContext };

const STATUS_OF = {
  work: 'in_progress',
  waitOnUser: 'waiting_on_user',
  waitOnVendor: 'waiting_on_vendor',
} as const;

/** Start work, or wait on the user or a vendor (the SLA clock stands still while waiting). */
export function StatusMoveForm({
  context,
  action,
}: Props & { action: 'work' | 'waitOnUser' | 'waitOnVendor' }) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'tickets.setStatus');
  const note = useFormField(form, 'note', '');
  const { id } = context.detail.ticket;
  const submit = () => {
    form.submit({ id, expectedVersion: form.version, status: STATUS_OF[action], note: note.value });
  };
  return (
    <ActionForm action={action} context={context} form={form} onSubmit={submit}>
      {action !== 'work' && <p className="muted">{t('ticket.forms.waitHint')}</p>}
      <TextArea label={t('ticket.forms.noteOptional')} {...note} />
    </ActionForm>
  );
}

export function ResolveForm({ context }: Props) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'tickets.resolve');
  const code = useFormField<ResolutionCode>(form, 'resolutionCode', 'fixed');
  const notes = useFormField(form, 'resolutionNotes', '');
  const { id } = context.detail.ticket;
  const submit = () => {
    form.submit({
      id,
      expectedVersion: form.version,
      resolutionCode: code.value,
      resolutionNotes: notes.value,
    });
  };
  return (
    <ActionForm action="resolve" context={context} form={form} onSubmit={submit}>
      <SelectField
        label={t('ticket.forms.resolutionCode')}
        options={ResolutionCodeSchema.options}
        optionLabel={(option) => t(`ticket.resolutionCode.${option}`)}
        {...code}
      />
      <TextArea label={t('ticket.forms.resolutionNotes')} rows={4} {...notes} />
    </ActionForm>
  );
}

const OUTCOME_OF = {
  confirm: 'confirmed',
  notFixed: 'not_confirmed',
  closeNoAnswer: 'no_answer',
} as const;

/** Verification with the user: confirmed or no answer closes it, not fixed sends it back. */
export function VerifyForm({
  context,
  action,
}: Props & { action: Extract<TicketAction, 'confirm' | 'notFixed' | 'closeNoAnswer'> }) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'tickets.verify');
  const comment = useFormField(form, 'comment', '');
  const { id } = context.detail.ticket;
  const submit = () => {
    form.submit({
      id,
      expectedVersion: form.version,
      outcome: OUTCOME_OF[action],
      comment: comment.value,
    });
  };
  return (
    <ActionForm action={action} context={context} form={form} onSubmit={submit}>
      <p className="muted">{t(`ticket.forms.verifyHint.${action}`)}</p>
      <TextArea label={t('ticket.forms.commentOptional')} {...comment} />
    </ActionForm>
  );
}

export function ReopenForm({ context }: Props) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'tickets.reopen');
  const reason = useFormField(form, 'reason', '');
  const { id } = context.detail.ticket;
  const submit = () => {
    form.submit({ id, expectedVersion: form.version, reason: reason.value });
  };
  return (
    <ActionForm action="reopen" context={context} form={form} onSubmit={submit}>
      <TextArea label={t('ticket.forms.reason')} {...reason} />
    </ActionForm>
  );
}

const RATINGS = ['1', '2', '3', '4', '5'] as const;

export function FeedbackForm({ context }: Props) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'tickets.feedback');
  const rating = useFormField<(typeof RATINGS)[number]>(form, 'rating', '5');
  const comment = useFormField(form, 'comment', '');
  const { id } = context.detail.ticket;
  const submit = () => {
    form.submit({ id, rating: Number(rating.value), comment: comment.value });
  };
  return (
    <ActionForm
      action="feedback"
      submitLabel={t('ticket.forms.saveFeedback')}
      context={context}
      form={form}
      onSubmit={submit}
    >
      <SelectField
        label={t('ticket.forms.rating')}
        options={RATINGS}
        optionLabel={(option) => t(`ticket.rating.${option}`)}
        {...rating}
      />
      <TextArea label={t('ticket.forms.userComment')} {...comment} />
    </ActionForm>
  );
}
