import { useTranslation } from 'react-i18next';
import { useActionForm, useFormField, type ActionContext } from '../action-form';
import { ActionForm } from '../ActionForm';
import { SelectField, TextArea } from '../Fields';

type Props = { context: ActionContext };

/** An internal note: for the desk, never sent to the user. */
export function NoteForm({ context }: Props) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'tickets.addEntry');
  const body = useFormField(form, 'body', '');
  const submit = () => {
    form.submit({ ticketId: context.detail.ticket.id, kind: 'note', body: body.value });
  };
  return (
    <ActionForm
      action="note"
      submitLabel={t('ticket.forms.addNote')}
      context={context}
      form={form}
      onSubmit={submit}
    >
      <TextArea label={t('ticket.forms.note')} rows={4} {...body} />
    </ActionForm>
  );
}

const KINDS = ['call', 'email', 'chat'] as const;
const DIRECTIONS = ['inbound', 'outbound'] as const;

/** A call, e-mail or chat with the user; the first answer to the user stops the response clock. */
export function CallLogForm({ context }: Props) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'tickets.addEntry');
  const kind = useFormField<(typeof KINDS)[number]>(form, 'kind', 'call');
  const direction = useFormField<(typeof DIRECTIONS)[number]>(form, 'direction', 'inbound');
  const body = useFormField(form, 'body', '');
  const submit = () => {
    form.submit({
      ticketId: context.detail.ticket.id,
      kind: kind.value,
      direction: direction.value,
      body: body.value,
    });
  };
  return (
    <ActionForm
      action="call"
      submitLabel={t('ticket.forms.logContact')}
      context={context}
      form={form}
      onSubmit={submit}
    >
      <SelectField
        label={t('ticket.forms.contactKind')}
        options={KINDS}
        optionLabel={(option) => t(`ticket.contact.${option}`)}
        {...kind}
      />
      <SelectField
        label={t('ticket.forms.direction')}
        options={DIRECTIONS}
        optionLabel={(option) => t(`ticket.direction.${option}`)}
        {...direction}
      />
      <TextArea label={t('ticket.forms.whatWasSaid')} rows={4} {...body} />
    </ActionForm>
  );
}
