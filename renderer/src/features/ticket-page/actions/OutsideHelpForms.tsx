import { useTranslation } from 'react-i18next';
import { OrderKindSchema, type Machine } from '@deskside/core';
import { useApiQuery } from '../../../api/hooks';
import { machineLabel } from '../../machines/labels';
import { useActionForm, useFormField, type ActionContext } from '../action-form';
import { ActionForm } from '../ActionForm';
import { SelectField, TextArea, TextField } from '../Fields';

type Props = { context: ActionContext };

export function VendorCaseForm({ context }: Props) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'vendors.openCase');
  const vendor = useFormField(form, 'vendor', '');
  const reference = useFormField(form, 'reference', '');
  const submit = () => {
    form.submit({
      ticketId: context.detail.ticket.id,
      vendor: vendor.value,
      reference: reference.value,
    });
  };
  return (
    <ActionForm
      action="vendorCase"
      submitLabel={t('ticket.forms.openCase')}
      context={context}
      form={form}
      onSubmit={submit}
    >
      <TextField label={t('ticket.forms.vendor')} {...vendor} />
      <TextField label={t('ticket.forms.referenceOptional')} {...reference} />
    </ActionForm>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Tomorrow at 09:00 on this computer's clock, as a datetime-local field wants it. */
function tomorrowMorning(now: Date): string {
  const day = new Date(now.getTime() + 86_400_000);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T09:00`;
}

/** A local date and time from the field, as an instant (invalid stays invalid for the schema). */
const toInstant = (local: string) => {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
};

export function VisitForm({ context }: Props) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'visits.schedule');
  const technician = useFormField(form, 'technician', '');
  const when = useFormField(form, 'scheduledAt', tomorrowMorning(context.now));
  const checklist = useFormField(form, 'checklist', '');
  const submit = () => {
    form.submit({
      ticketId: context.detail.ticket.id,
      technician: technician.value,
      scheduledAt: toInstant(when.value),
      checklist: checklist.value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    });
  };
  return (
    <ActionForm
      action="visit"
      submitLabel={t('ticket.forms.scheduleVisit')}
      context={context}
      form={form}
      onSubmit={submit}
    >
      <TextField label={t('ticket.forms.technician')} {...technician} />
      <TextField label={t('ticket.forms.when')} type="datetime-local" {...when} />
      <TextArea
        label={t('ticket.forms.checklist')}
        hint={t('ticket.forms.checklistHint')}
        rows={4}
        {...checklist}
      />
    </ActionForm>
  );
}

const NO_MACHINE = '';

export function OrderForm({ context }: Props) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'orders.create');
  const machines = useApiQuery('machines.list', {});
  const kind = useFormField<'repair' | 'replacement'>(form, 'kind', 'repair');
  const item = useFormField(form, 'item', '');
  const machineId = useFormField(form, 'machineId', NO_MACHINE);
  const reason = useFormField(form, 'reason', '');
  const list: Machine[] = machines.data ?? [];
  const machineName = (id: string) => {
    const machine = list.find((m) => m.id === id);
    return machine ? machineLabel(machine, t) : id;
  };
  const submit = () => {
    form.submit({
      ticketId: context.detail.ticket.id,
      kind: kind.value,
      item: item.value,
      machineId: machineId.value || null,
      reason: reason.value,
    });
  };
  return (
    <ActionForm
      action="order"
      submitLabel={t('ticket.forms.placeOrder')}
      context={context}
      form={form}
      onSubmit={submit}
    >
      <SelectField
        label={t('ticket.forms.orderKind')}
        options={OrderKindSchema.options}
        optionLabel={(option) => t(`ticket.orderKind.${option}`)}
        {...kind}
      />
      <TextField label={t('ticket.forms.item')} {...item} />
      <SelectField
        label={t('ticket.forms.machine')}
        options={[NO_MACHINE, ...list.map((m) => m.id)]}
        optionLabel={(id) => (id === NO_MACHINE ? t('ticket.forms.noMachine') : machineName(id))}
        {...machineId}
      />
      <TextArea label={t('ticket.forms.reason')} {...reason} />
    </ActionForm>
  );
}

/** Where the user can take the device themselves; a new recommendation replaces the last. */
export function ServiceCentreForm({ context }: Props) {
  const { t } = useTranslation();
  const form = useActionForm(context, 'tickets.recommendServiceCentre');
  const current = context.detail.ticket.serviceCentre;
  const name = useFormField(form, 'name', current?.name ?? '');
  const address = useFormField(form, 'address', current?.address ?? '');
  const phone = useFormField(form, 'phone', current?.phone ?? '');
  const reason = useFormField(form, 'reason', current?.reason ?? '');
  const submit = () => {
    form.submit({
      ticketId: context.detail.ticket.id,
      expectedVersion: form.version,
      name: name.value,
      address: address.value,
      phone: phone.value,
      reason: reason.value,
    });
  };
  return (
    <ActionForm
      action="serviceCentre"
      submitLabel={t('ticket.forms.recommend')}
      context={context}
      form={form}
      onSubmit={submit}
    >
      <TextField label={t('ticket.forms.centreName')} {...name} />
      <TextField label={t('ticket.forms.centreAddress')} {...address} />
      <TextField label={t('ticket.forms.centrePhone')} {...phone} />
      <TextArea label={t('ticket.forms.centreReason')} {...reason} />
    </ActionForm>
  );
}
