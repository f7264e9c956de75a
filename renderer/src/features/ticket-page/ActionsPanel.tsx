import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_ACTIONS, availableActions, type TicketAction } from '@deskside/core';
import type { ActionContext } from './action-form';
import {
  OrderForm,
  ServiceCentreForm,
  VendorCaseForm,
  VisitForm,
} from './actions/OutsideHelpForms';
import { CallLogForm, NoteForm } from './actions/RecordForms';
import {
  FeedbackForm,
  ReopenForm,
  ResolveForm,
  StatusMoveForm,
  VerifyForm,
} from './actions/StatusForms';
import { AssignForm, EditForm, TierForm } from './actions/WorkForms';

function FormFor({ action, context }: { action: TicketAction; context: ActionContext }) {
  switch (action) {
    case 'work':
    case 'waitOnUser':
    case 'waitOnVendor':
      return <StatusMoveForm context={context} action={action} />;
    case 'resolve':
      return <ResolveForm context={context} />;
    case 'confirm':
    case 'notFixed':
    case 'closeNoAnswer':
      return <VerifyForm context={context} action={action} />;
    case 'reopen':
      return <ReopenForm context={context} />;
    case 'feedback':
      return <FeedbackForm context={context} />;
    case 'assign':
      return <AssignForm context={context} />;
    case 'escalate':
    case 'deescalate':
      return <TierForm context={context} action={action} />;
    case 'edit':
      return <EditForm context={context} />;
    case 'note':
      return <NoteForm context={context} />;
    case 'call':
      return <CallLogForm context={context} />;
    case 'vendorCase':
      return <VendorCaseForm context={context} />;
    case 'visit':
      return <VisitForm context={context} />;
    case 'order':
      return <OrderForm context={context} />;
    case 'serviceCentre':
      return <ServiceCentreForm context={context} />;
  }
}

const GROUPS: ['status' | 'work' | 'record' | 'outside', readonly TicketAction[]][] = [
  ['status', [...STATUS_ACTIONS, 'feedback']],
  ['work', ['assign', 'escalate', 'deescalate', 'edit']],
  ['record', ['note', 'call']],
  ['outside', ['vendorCase', 'visit', 'order', 'serviceCentre']],
];

/**
 * The actions the ticket allows now (the workflow's own rules, asked beforehand), one form at
 * a time. An open form stays open when the ticket changes underneath, so nothing typed is lost.
 */
export function ActionsPanel({ context }: { context: Omit<ActionContext, 'done' | 'cancel'> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [recorded, setRecorded] = useState<TicketAction | null>(null);
  const { ticket } = context.detail;
  const allowed = availableActions(ticket, context.config.closure, context.now);
  return (
    <section className="panel actions-panel" aria-labelledby="ticket-actions-title">
      <h2 id="ticket-actions-title">{t('ticket.actionsTitle')}</h2>
      {GROUPS.map(([group, actions]) => {
        const shown = actions.filter((action) => allowed.includes(action));
        if (shown.length === 0) return null;
        return (
          <div
            key={group}
            className="action-group"
            role="group"
            aria-label={t(`ticket.actionGroup.${group}`)}
          >
            <span className="muted action-group-name">{t(`ticket.actionGroup.${group}`)}</span>
            {shown.map((action) => (
              <button
                key={action}
                type="button"
                className={open === action ? '' : 'secondary'}
                aria-expanded={open === action}
                onClick={() => {
                  setRecorded(null);
                  setOpen(open === action ? null : action);
                }}
              >
                {t(`ticket.action.${action}`)}
              </button>
            ))}
          </div>
        );
      })}
      {open && (
        <FormFor
          key={open}
          action={open}
          context={{
            ...context,
            done: () => {
              setRecorded(open);
              setOpen(null);
            },
            cancel: () => {
              setOpen(null);
            },
          }}
        />
      )}
      <p role="status" className="recorded">
        {recorded && t('ticket.recorded', { action: t(`ticket.action.${recorded}`) })}
      </p>
    </section>
  );
}
