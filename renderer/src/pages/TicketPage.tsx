import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { Facts } from '../components/Facts';
import { TicketArticles } from '../features/kb/TicketArticles';
import { EvidenceList } from '../features/tickets/EvidenceList';
import { formatDateTime } from '../i18n/format';

export function TicketPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const detail = useApiQuery('tickets.get', { id }, { enabled: Number.isInteger(id) && id > 0 });

  return (
    <main>
      <p>
        <Link to="/tickets">← {t('tickets.back')}</Link>
      </p>
      {detail.error && <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && (
        <>
          <header className="page-header">
            <h1>
              {t('tickets.ticketTitle', { id: detail.data.ticket.id })}:{' '}
              {detail.data.ticket.summary}
            </h1>
            <span className="badge">{t(`status.${detail.data.ticket.status}`)}</span>
          </header>
          <section className="panel" aria-label={t('tickets.title')}>
            <Facts
              items={[
                [t('tickets.requester'), detail.data.ticket.requester],
                [t('tickets.channel'), t(`channel.${detail.data.ticket.channel}`)],
                [
                  t('tickets.created'),
                  t('tickets.createdBy', {
                    name: detail.data.ticket.createdBy,
                    date: formatDateTime(detail.data.ticket.createdAt, i18n.language),
                  }),
                ],
              ]}
            />
            {detail.data.ticket.description && (
              <p className="description">{detail.data.ticket.description}</p>
            )}
          </section>
          <h2>{t('evidence.title')}</h2>
          <EvidenceList evidence={detail.data.evidence} />
          <TicketArticles ticket={detail.data.ticket} />
        </>
      )}
    </main>
  );
}
