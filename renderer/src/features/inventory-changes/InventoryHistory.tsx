import { useEffect, useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryComparison, InventoryTimelineEntry } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';
import { managesModelBaselines } from '../desk/desk-session';
import { TicketPicker } from '../ticket-picker/TicketPicker';
import { BaselinesPanel } from './BaselinesPanel';
import { InventoryDiffView } from './InventoryDiffView';
import { changedSections, sourceLabel } from './labels';

const PAGE = 20;

/** Attaches the diff on screen (two kept inventories) to a ticket. */
function AttachDiff({ machineId, from, to }: { machineId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const attach = useApiMutation('tickets.attachInventoryDiff');
  return (
    <TicketPicker
      title={t('inventoryChanges.attachTitle')}
      submitLabel={t('inventoryChanges.attachSubmit')}
      pending={attach.isPending}
      error={attach.error}
      attachedTo={attach.data?.ticketId ?? null}
      onAttach={(ticketId) => {
        attach.mutate({ ticketId, machineId, fromSnapshotId: from, toSnapshotId: to });
      }}
    />
  );
}

function TimelineItem({
  entry,
  onMarkGood,
  onSetModel,
  busy,
}: {
  entry: InventoryTimelineEntry;
  onMarkGood: () => void;
  onSetModel: (() => void) | null;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { snapshot, changes } = entry;
  const date = formatDateTime(snapshot.takenAt, i18n.language);
  return (
    <li>
      <strong>{date}</strong>{' '}
      <span className="muted">
        {t('inventoryChanges.by', {
          source: sourceLabel(snapshot.source, t),
          name: snapshot.takenBy,
        })}
      </span>
      <br />
      {changes === null
        ? t('inventoryChanges.first')
        : changes.total === 0
          ? t('inventoryChanges.noChange')
          : t('inventoryChanges.changed', { sections: changedSections(changes, t) })}{' '}
      <button
        type="button"
        disabled={busy}
        onClick={onMarkGood}
        aria-label={t('inventoryChanges.markGoodOf', { date })}
      >
        {t('inventoryChanges.markGood')}
      </button>
      {onSetModel && (
        <button
          type="button"
          disabled={busy}
          onClick={onSetModel}
          aria-label={t('inventoryChanges.setModelOf', { date })}
        >
          {t('inventoryChanges.setModel')}
        </button>
      )}
    </li>
  );
}

/** One of the kept inventories on the page, by when and how it was kept. */
function SnapshotSelect({
  label,
  entries,
  value,
  onChange,
}: {
  label: string;
  entries: readonly InventoryTimelineEntry[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        {entries.map(({ snapshot }) => (
          <option key={snapshot.id} value={snapshot.id}>
            {formatDateTime(snapshot.takenAt, i18n.language)} · {sourceLabel(snapshot.source, t)}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * The machine's kept inventories and what changed in each; two of them, or everything since a
 * date, or the latest against a baseline compared section by section; baselines set and
 * cleared; a diff attached to a ticket.
 */
export function InventoryHistory({
  machineId,
  fetched,
}: {
  machineId: string;
  /** The inventory the page fetched last (it is kept in the history): refreshes the timeline. */
  fetched?: string | undefined;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [compare, setCompare] = useState<InventoryComparison | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [since, setSince] = useState('');
  const sinceId = useId();
  const titleId = useId();
  const session = useApiQuery('desk.session', {});
  const timeline = useApiQuery(
    'machines.inventoryTimeline',
    { id: machineId, limit: PAGE, offset },
    { keepPrevious: true },
  );
  const baselines = useApiQuery('machines.baselines', { id: machineId });
  const diff = useApiQuery(
    'machines.inventoryDiff',
    { id: machineId, compare: compare ?? { kind: 'since', since: new Date(0).toISOString() } },
    { enabled: compare !== null },
  );
  const { refetch: refetchTimeline } = timeline;
  const { refetch: refetchBaselines } = baselines;
  useEffect(() => {
    if (fetched === undefined) return;
    void refetchTimeline();
    void refetchBaselines();
  }, [fetched, refetchTimeline, refetchBaselines]);
  const setBaseline = useApiMutation('machines.setBaseline');
  const entries = timeline.data?.entries ?? [];
  const model = baselines.data?.model ?? null;
  const mayModel = session.data !== undefined && managesModelBaselines(session.data);
  const busy = setBaseline.isPending;

  const compareTwo = (event: SubmitEvent) => {
    event.preventDefault();
    const [a, b] = [Number(from || entries[1]?.snapshot.id), Number(to || entries[0]?.snapshot.id)];
    setCompare({ kind: 'snapshots', from: Math.min(a, b), to: Math.max(a, b) });
  };
  const compareSince = (event: SubmitEvent) => {
    event.preventDefault();
    // The state as the chosen day began, in the analyst's own time zone.
    setCompare({ kind: 'since', since: new Date(`${since}T00:00:00`).toISOString() });
  };

  return (
    <section className="inventory-history" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('inventoryChanges.title')}</h2>
      {timeline.error && <ErrorMessage error={timeline.error} />}

      <BaselinesPanel
        machineId={machineId}
        baselines={baselines}
        setBaseline={setBaseline}
        mayModel={mayModel}
        onCompare={(scope) => {
          setCompare({ kind: 'baseline', scope });
        }}
      />

      <h3>{t('inventoryChanges.timeline')}</h3>
      {timeline.data && entries.length === 0 && (
        <p className="muted">{t('inventoryChanges.empty')}</p>
      )}
      {entries.length > 0 && (
        <ol className="inventory-timeline" aria-label={t('inventoryChanges.timeline')}>
          {entries.map((entry) => (
            <TimelineItem
              key={entry.snapshot.id}
              entry={entry}
              busy={busy}
              onMarkGood={() => {
                setBaseline.mutate({ scope: 'machine', snapshotId: entry.snapshot.id });
              }}
              onSetModel={
                mayModel && model
                  ? () => {
                      setBaseline.mutate({ scope: 'model', snapshotId: entry.snapshot.id });
                    }
                  : null
              }
            />
          ))}
        </ol>
      )}
      {(offset > 0 || timeline.data?.hasMore) && (
        <p>
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => {
              setOffset(Math.max(0, offset - PAGE));
            }}
          >
            {t('inventoryChanges.newer')}
          </button>{' '}
          <button
            type="button"
            disabled={!timeline.data?.hasMore}
            onClick={() => {
              setOffset(offset + PAGE);
            }}
          >
            {t('inventoryChanges.older')}
          </button>
        </p>
      )}

      {entries.length > 1 && (
        <form
          className="panel form inline"
          onSubmit={compareTwo}
          aria-label={t('inventoryChanges.compareTwo')}
        >
          <h3>{t('inventoryChanges.compareTwo')}</h3>
          <SnapshotSelect
            label={t('inventoryChanges.earlier')}
            entries={entries}
            value={from || String(entries[1]?.snapshot.id)}
            onChange={setFrom}
          />
          <SnapshotSelect
            label={t('inventoryChanges.later')}
            entries={entries}
            value={to || String(entries[0]?.snapshot.id)}
            onChange={setTo}
          />
          <button type="submit">{t('inventoryChanges.compare')}</button>
        </form>
      )}
      {entries.length > 0 && (
        <form
          className="panel form inline"
          onSubmit={compareSince}
          aria-label={t('inventoryChanges.sinceTitle')}
        >
          <h3>{t('inventoryChanges.sinceTitle')}</h3>
          <label htmlFor={sinceId}>{t('inventoryChanges.sinceDate')}</label>
          <input
            id={sinceId}
            type="date"
            value={since}
            required
            onChange={(e) => {
              setSince(e.target.value);
            }}
          />
          <button type="submit">{t('inventoryChanges.showSince')}</button>
        </form>
      )}

      {compare && (
        <section className="panel" aria-label={t('inventoryChanges.whatChanged')}>
          <h3>{t('inventoryChanges.whatChanged')}</h3>
          {diff.isFetching && (
            <p role="status" className="muted">
              {t('inventoryChanges.comparing')}
            </p>
          )}
          {diff.error && <ErrorMessage error={diff.error} />}
          {diff.data && !diff.isFetching && (
            <>
              <InventoryDiffView comparison={diff.data} />
              <AttachDiff machineId={machineId} from={diff.data.from.id} to={diff.data.to.id} />
            </>
          )}
        </section>
      )}
    </section>
  );
}
