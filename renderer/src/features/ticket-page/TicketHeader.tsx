import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { slaBadge, type TicketDetail, type WorkflowConfig } from '@deskside/core';
import { useApiQuery } from '../../api/hooks';
import { Facts } from '../../components/Facts';
import { formatDateTime } from '../../i18n/format';
import { machineLabel } from '../machines/labels';
import { categoryLabel, groupName } from '../queue/labels';
import { PriorityBadge, SlaBadge } from '../queue/SlaBadge';
import { SlaClocks } from './SlaClocks';

interface MachineRef {
  key: string;
  name: string;
  machineId: string | null;
}

/** The machines the ticket is about: the requester's, and those evidence or orders name. */
function machinesOf(detail: TicketDetail, personal: MachineRef[]): MachineRef[] {
  const found = new Map<string, MachineRef>();
  const add = (ref: MachineRef) => {
    if (!found.has(ref.key)) found.set(ref.key, ref);
  };
  for (const item of detail.evidence) {
    if (item.kind === 'mail-attachment') continue;
    add({ key: item.machineId, name: item.machineName, machineId: item.machineId });
  }
  personal.forEach(add);
  return [...found.values()];
}

function Requester({ detail }: { detail: TicketDetail }) {
  const { t } = useTranslation();
  const { ticket } = detail;
  const person = useApiQuery(
    'people.get',
    { id: ticket.requesterId ?? 0 },
    { enabled: ticket.requesterId !== null },
  );
  const details = person.data
    ? [person.data.department, person.data.location, person.data.phone, person.data.email].filter(
        Boolean,
      )
    : [];
  return (
    <>
      {ticket.requesterId === null ? (
        ticket.requester
      ) : (
        <Link to={`/people/${ticket.requesterId}`}>{ticket.requester}</Link>
      )}
      {details.length > 0 && <span className="muted requester-details">{details.join(' · ')}</span>}
      {ticket.requesterId === null && (
        <span className="muted requester-details">{t('ticket.header.notInDirectory')}</span>
      )}
    </>
  );
}

function Machines({ detail }: { detail: TicketDetail }) {
  const { t } = useTranslation();
  const { requesterId } = detail.ticket;
  const person = useApiQuery(
    'people.get',
    { id: requesterId ?? 0 },
    { enabled: requesterId !== null },
  );
  const personal = (person.data?.machines ?? []).map((m) => ({
    key: m.machineId ?? `name:${m.name}`,
    name: m.name,
    machineId: m.machineId,
  }));
  const machines = machinesOf(detail, personal);
  if (machines.length === 0) return <span className="muted">{t('ticket.header.noMachine')}</span>;
  return (
    <span className="machine-list">
      {machines.map((machine) =>
        machine.machineId ? (
          <Link key={machine.key} to={`/machines/${machine.machineId}`}>
            {machineLabel({ id: machine.machineId, name: machine.name }, t)}
          </Link>
        ) : (
          <span key={machine.key}>{machine.name}</span>
        ),
      )}
    </span>
  );
}

/** Title, status, priority and SLA at a glance; who, which machine, and the SLA clocks. */
export function TicketHeader({
  detail,
  config,
  now,
}: {
  detail: TicketDetail;
  config: WorkflowConfig;
  now: Date;
}) {
  const { t, i18n } = useTranslation();
  const { ticket } = detail;
  const date = (iso: string) => formatDateTime(iso, i18n.language);
  const owner = [ticket.assignee, ticket.groupId ? groupName(config.groups, ticket.groupId) : null]
    .filter(Boolean)
    .join(' · ');
  const facts: [string, ReactNode][] = [
    [t('tickets.requester'), <Requester key="requester" detail={detail} />],
    [t('ticket.header.machine'), <Machines key="machines" detail={detail} />],
    [t('tickets.channel'), t(`channel.${ticket.channel}`)],
    [t('queue.category'), ticket.category ? categoryLabel(ticket.category, t) : '—'],
    [
      t('ticket.header.impactUrgency'),
      `${t(`ticket.level.${ticket.impact}`)} / ${t(`ticket.level.${ticket.urgency}`)}`,
    ],
    [t('queue.owner'), owner || t('ticket.header.unassigned')],
    [t('ticket.header.tier'), t(`ticket.tier.${ticket.tier}`)],
    [
      t('tickets.created'),
      t('tickets.createdBy', { name: ticket.createdBy, date: date(ticket.createdAt) }),
    ],
    [t('queue.updated'), date(ticket.updatedAt)],
  ];
  if (ticket.resolutionCode) {
    facts.push([
      t('ticket.header.resolution'),
      t(`ticket.resolutionCode.${ticket.resolutionCode}`),
    ]);
  }
  if (ticket.feedbackRating !== null) {
    facts.push([
      t('ticket.header.feedback'),
      t(`ticket.rating.${ticket.feedbackRating}`, { defaultValue: String(ticket.feedbackRating) }),
    ]);
  }
  return (
    <>
      <header className="page-header ticket-header">
        <h1>
          {t('tickets.ticketTitle', { id: ticket.id })}: {ticket.summary}
        </h1>
        <div className="ticket-badges">
          <span className="badge">{t(`status.${ticket.status}`)}</span>
          <PriorityBadge priority={ticket.priority} />
          <SlaBadge badge={slaBadge(ticket, now)} />
        </div>
      </header>
      <section className="panel" aria-label={t('ticket.header.details')}>
        <Facts items={facts} />
        <SlaClocks sla={detail.sla} now={now} />
        {ticket.description && <p className="description">{ticket.description}</p>}
        {ticket.errorMessages && (
          <p className="description">
            <strong>{t('ticket.header.errorMessages')}</strong> {ticket.errorMessages}
          </p>
        )}
        {ticket.stepsTried && (
          <p className="description">
            <strong>{t('ticket.header.stepsTried')}</strong> {ticket.stepsTried}
          </p>
        )}
        {ticket.resolutionNotes && (
          <p className="description">
            <strong>{t('ticket.header.resolutionNotes')}</strong> {ticket.resolutionNotes}
          </p>
        )}
      </section>
    </>
  );
}
