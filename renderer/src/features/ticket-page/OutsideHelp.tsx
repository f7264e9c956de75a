import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  InspectionResultSchema,
  OrderStatusSchema,
  VendorCaseStatusSchema,
  type Order,
  type VendorCase,
  type Visit,
} from '@deskside/core';
import { formatDateTime } from '../../i18n/format';
import { useActionForm, useFormField, type ActionContext } from './action-form';
import { ActionForm } from './ActionForm';
import { SelectField, TextField } from './Fields';

type Props = { context: ActionContext };

function UpdateButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="secondary small" onClick={onClick}>
      {label}
    </button>
  );
}

function VendorCaseUpdate({ context, item }: Props & { item: VendorCase }) {
  const { t } = useTranslation();
  const form = useActionForm(
    context,
    'vendors.updateCase',
    (detail) => detail.vendorCases.find((c) => c.id === item.id)?.version,
  );
  const reference = useFormField(form, 'reference', item.reference);
  const status = useFormField(form, 'status', item.status);
  return (
    <ActionForm
      title={t('ticket.outside.updateCase', { vendor: item.vendor })}
      submitLabel={t('ticket.forms.save')}
      context={context}
      form={form}
      onSubmit={() => {
        form.submit({
          id: item.id,
          expectedVersion: form.version,
          reference: reference.value,
          status: status.value,
        });
      }}
    >
      <TextField label={t('ticket.forms.reference')} {...reference} />
      <SelectField
        label={t('ticket.outside.status')}
        options={VendorCaseStatusSchema.options}
        optionLabel={(option) => t(`ticket.vendorStatus.${option}`)}
        {...status}
      />
    </ActionForm>
  );
}

type Result = (typeof InspectionResultSchema.options)[number];

function VisitRecord({ context, item }: Props & { item: Visit }) {
  const { t } = useTranslation();
  const form = useActionForm(
    context,
    'visits.record',
    (detail) => detail.visits.find((v) => v.id === item.id)?.version,
  );
  const [results, setResults] = useState<Record<string, Result>>({});
  const [outcome, setOutcome] = useState<'done' | 'cancelled'>('done');
  return (
    <ActionForm
      title={t('ticket.outside.recordVisit')}
      submitLabel={t('ticket.forms.save')}
      context={context}
      form={form}
      onSubmit={() => {
        form.submit({
          id: item.id,
          expectedVersion: form.version,
          status: outcome,
          results:
            outcome === 'done'
              ? item.checklist.map((c) => ({ item: c.item, result: results[c.item] ?? 'ok' }))
              : [],
        });
      }}
    >
      <SelectField
        label={t('ticket.outside.visitOutcome')}
        value={outcome}
        options={['done', 'cancelled'] as const}
        optionLabel={(option) => t(`ticket.visitStatus.${option}`)}
        onChange={setOutcome}
      />
      {outcome === 'done' &&
        item.checklist.map((entry) => (
          <SelectField
            key={entry.item}
            label={entry.item}
            value={results[entry.item] ?? 'ok'}
            options={InspectionResultSchema.options}
            optionLabel={(option) => t(`ticket.inspection.${option}`)}
            onChange={(result) => {
              setResults({ ...results, [entry.item]: result });
            }}
          />
        ))}
    </ActionForm>
  );
}

function OrderUpdate({ context, item }: Props & { item: Order }) {
  const { t } = useTranslation();
  const form = useActionForm(
    context,
    'orders.update',
    (detail) => detail.orders.find((o) => o.id === item.id)?.version,
  );
  const status = useFormField(form, 'status', item.status);
  return (
    <ActionForm
      title={t('ticket.outside.updateOrder', { item: item.item })}
      submitLabel={t('ticket.forms.save')}
      context={context}
      form={form}
      onSubmit={() => {
        form.submit({ id: item.id, expectedVersion: form.version, status: status.value });
      }}
    >
      <SelectField
        label={t('ticket.outside.status')}
        options={OrderStatusSchema.options}
        optionLabel={(option) => t(`ticket.orderStatus.${option}`)}
        {...status}
      />
    </ActionForm>
  );
}

/** Vendor cases, on-site visits and orders of the ticket, each with its own next step. */
export function OutsideHelp({
  context: base,
}: {
  context: Omit<ActionContext, 'done' | 'cancel'>;
}) {
  const { t, i18n } = useTranslation();
  const { vendorCases, visits, orders } = base.detail;
  const centre = base.detail.ticket.serviceCentre;
  const [editing, setEditing] = useState<string | null>(null);
  const close = () => {
    setEditing(null);
  };
  const context: ActionContext = { ...base, done: close, cancel: close };
  const date = (iso: string) => formatDateTime(iso, i18n.language);
  if (vendorCases.length + visits.length + orders.length === 0 && !centre) return null;
  return (
    <section className="panel" aria-labelledby="outside-help-title">
      <h2 id="outside-help-title">{t('ticket.outside.title')}</h2>
      <ul className="outside-list">
        {vendorCases.map((item) => (
          <li key={`case-${item.id}`}>
            <strong>{t('ticket.outside.vendorCase', { vendor: item.vendor })}</strong>{' '}
            {item.reference && <code>{item.reference}</code>}{' '}
            <span className="badge">{t(`ticket.vendorStatus.${item.status}`)}</span>{' '}
            <span className="muted">{date(item.openedAt)}</span>{' '}
            {editing === `case-${item.id}` ? (
              <VendorCaseUpdate context={context} item={item} />
            ) : (
              <UpdateButton
                label={t('ticket.outside.update')}
                onClick={() => {
                  setEditing(`case-${item.id}`);
                }}
              />
            )}
          </li>
        ))}
        {visits.map((item) => (
          <li key={`visit-${item.id}`}>
            <strong>
              {t('ticket.outside.visit', {
                technician: item.technician,
                date: date(item.scheduledAt),
              })}
            </strong>{' '}
            <span className="badge">{t(`ticket.visitStatus.${item.status}`)}</span>
            <ul className="checklist">
              {item.checklist.map((entry) => (
                <li key={entry.item}>
                  {entry.item}:{' '}
                  {entry.result
                    ? t(`ticket.inspection.${entry.result}`)
                    : t('ticket.outside.notChecked')}
                  {entry.note && ` (${entry.note})`}
                </li>
              ))}
            </ul>
            {item.status === 'scheduled' &&
              (editing === `visit-${item.id}` ? (
                <VisitRecord context={context} item={item} />
              ) : (
                <UpdateButton
                  label={t('ticket.outside.recordVisit')}
                  onClick={() => {
                    setEditing(`visit-${item.id}`);
                  }}
                />
              ))}
          </li>
        ))}
        {orders.map((item) => (
          <li key={`order-${item.id}`}>
            <strong>
              {t(`ticket.orderKind.${item.kind}`)}: {item.item}
            </strong>{' '}
            <span className="badge">{t(`ticket.orderStatus.${item.status}`)}</span>{' '}
            <span className="muted">{item.reason}</span>{' '}
            {editing === `order-${item.id}` ? (
              <OrderUpdate context={context} item={item} />
            ) : (
              <UpdateButton
                label={t('ticket.outside.update')}
                onClick={() => {
                  setEditing(`order-${item.id}`);
                }}
              />
            )}
          </li>
        ))}
        {centre && (
          <li>
            <strong>{t('ticket.outside.serviceCentre', { name: centre.name })}</strong>{' '}
            {[centre.address, centre.phone].filter(Boolean).join(', ')}{' '}
            {centre.reason && <span className="muted">{centre.reason}</span>}
          </li>
        )}
      </ul>
    </section>
  );
}
