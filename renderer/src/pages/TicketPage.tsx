import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DEFAULT_WORKFLOW_CONFIG } from '@deskside/core';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { TicketArticles } from '../features/kb/TicketArticles';
import { useNow } from '../components/useNow';
import { groupName } from '../features/queue/labels';
import { ActionsPanel } from '../features/ticket-page/ActionsPanel';
import { AgentConversation } from '../features/ticket-page/AgentConversation';
import { OutsideHelp } from '../features/ticket-page/OutsideHelp';
import { TicketHeader } from '../features/ticket-page/TicketHeader';
import { Timeline } from '../features/ticket-page/Timeline';
import { EvidenceList } from '../features/ticket-page/EvidenceList';
import { FleetQueuedChecks } from '../features/fleet-checks/FleetQueuedChecks';
import { MailToRequester } from '../features/ticket-page/MailToRequester';

export function TicketPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const detail = useApiQuery('tickets.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  const config = useApiQuery('workflow.config', {});
  const info = useApiQuery('app.info', {});
  const now = useNow();
  const workflow = config.data ?? DEFAULT_WORKFLOW_CONFIG;
  const context = detail.data && {
    detail: detail.data,
    config: workflow,
    analyst: info.data?.analyst ?? '',
    now,
    reload: async () => (await detail.refetch()).data,
  };

  return (
    <main className="ticket-page">
      <p>
        <Link to="/tickets">← {t('tickets.back')}</Link>
      </p>
      {detail.error && <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && context && (
        <>
          <TicketHeader detail={detail.data} config={workflow} now={now} />
          <ActionsPanel context={context} />
          <OutsideHelp context={context} />
          <AgentConversation detail={detail.data} />
          <MailToRequester ticketId={detail.data.ticket.id} />
          <h2>{t('ticket.timeline.title')}</h2>
          <Timeline
            entries={detail.data.timeline}
            groupName={(group) => groupName(workflow.groups, group)}
          />
          <h2>{t('evidence.title')}</h2>
          <EvidenceList evidence={detail.data.evidence} />
          <FleetQueuedChecks request={{ ticketId: detail.data.ticket.id }} />
          <TicketArticles ticket={detail.data.ticket} />
        </>
      )}
    </main>
  );
}
