import {
  startTransition,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DEFAULT_WORKFLOW_CONFIG, type Ticket } from '@deskside/core';
import { useApiQuery } from '../api/hooks';
import { useAddressParams } from '../app/use-address-params';
import { ErrorMessage } from '../components/ErrorMessage';
import { lazyComponent } from '../components/lazy-component';
import { useNow } from '../components/useNow';
import { isSearchShortcut } from '../features/queue/keyboard';
import { groupName } from '../features/queue/labels';
import { QueueFiltersPanel } from '../features/queue/QueueFilters';
import { QueueList } from '../features/queue/QueueList';
import { filtersFromParams } from '../features/queue/queue-params';
import { isFiltered, paramsFromFilters, type QueueFilters } from '../features/queue/queue-query';
import { useQueue } from '../features/queue/useQueue';
import { formatNumber } from '../i18n/format';

// The form (with its knowledge-base suggestions and their Markdown) loads when it is asked for,
// not with the queue.
const NewTicketForm = lazyComponent(
  () => import('../features/new-ticket/NewTicketForm'),
  'NewTicketForm',
);

/** The analyst's queue: every filter, sort and search of the ticket store, kept in the address. */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useAddressParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const config = useApiQuery('workflow.config', {});
  const groups = config.data?.groups ?? DEFAULT_WORKFLOW_CONFIG.groups;
  const queue = useQueue(filters);
  // Badges are judged at least as of the rows' arrival, so they agree with the server's filter.
  const tick = useNow();
  const now = useMemo(
    () => new Date(Math.max(tick.getTime(), queue.dataUpdatedAt)),
    [tick, queue.dataUpdatedAt],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const update = useCallback(
    (changes: Partial<QueueFilters>) => {
      setParams((current) => paramsFromFilters({ ...filtersFromParams(current), ...changes }));
    },
    [setParams],
  );
  const open = useCallback(
    (ticket: Ticket) => {
      void navigate(`/tickets/${ticket.id}`);
    },
    [navigate],
  );
  const ownerOf = useCallback(
    (ticket: Ticket) =>
      ticket.assignee ?? (ticket.groupId ? groupName(groups, ticket.groupId) : '—'),
    [groups],
  );
  const { fetchNextPage } = queue;
  const loadMore = useCallback(() => {
    void fetchNextPage();
  }, [fetchNextPage]);

  const tickets = useMemo(
    () => queue.data?.pages.flatMap((page) => page.tickets) ?? [],
    [queue.data],
  );
  const hasMore = queue.hasNextPage;

  return (
    <main className="queue-page">
      <header className="page-header">
        <h1>{t('queue.title')}</h1>
        {!creating && (
          <button
            type="button"
            onClick={() => {
              // A transition: the button stays until the form's code is there, then the form shows.
              startTransition(() => {
                setCreating(true);
              });
            }}
          >
            {t('tickets.new')}
          </button>
        )}
      </header>
      {creating && (
        <Suspense>
          <NewTicketForm
            onCreated={open}
            onCancel={() => {
              setCreating(false);
            }}
          />
        </Suspense>
      )}
      <QueueFiltersPanel
        filters={filters}
        update={update}
        categories={config.data?.categories ?? DEFAULT_WORKFLOW_CONFIG.categories}
        searchRef={searchRef}
      />
      {queue.error && <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} />}
      <p className="muted queue-count" role="status">
        {queue.isPending
          ? t('app.loading')
          : hasMore
            ? t('queue.shownMore', { number: formatNumber(tickets.length, i18n.language) })
            : t('queue.shown', { number: formatNumber(tickets.length, i18n.language) })}
      </p>
      {queue.isSuccess && tickets.length === 0 && (
        <p className="muted">{isFiltered(filters) ? t('queue.noMatch') : t('tickets.empty')}</p>
      )}
      {tickets.length > 0 && (
        <>
          <p className="muted keyboard-hint">{t('queue.keyboardHint')}</p>
          <div className="queue-header" aria-hidden="true">
            <span>{t('tickets.number')}</span>
            <span>{t('queue.slaColumn')}</span>
            <span>{t('queue.priority')}</span>
            <span>{t('tickets.summary')}</span>
            <span>{t('tickets.requester')}</span>
            <span>{t('tickets.status')}</span>
            <span>{t('queue.owner')}</span>
            <span>{t('queue.updated')}</span>
          </div>
          <QueueList
            tickets={tickets}
            hasMore={hasMore}
            loadingMore={queue.isFetchingNextPage}
            loadMore={loadMore}
            ownerOf={ownerOf}
            now={now}
            onOpen={open}
          />
        </>
      )}
    </main>
  );
}
