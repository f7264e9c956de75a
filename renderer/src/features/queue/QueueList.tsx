import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Ticket } from '@deskside/core';
import { queueKey } from './keyboard';
import { QueueRow, rowId } from './QueueRow';

const ROW_HEIGHT = 44;
/** How close to the end of the loaded rows the next page is asked for. */
const PREFETCH_ROWS = 30;

let firstRenderMarked = false;

/**
 * Tells the `console.first_paint_ms` benchmark (and the browser's performance timeline) when
 * the queue first showed tickets: the frame after the rows were committed.
 */
function markFirstRender() {
  if (firstRenderMarked) return;
  firstRenderMarked = true;
  requestAnimationFrame(() => {
    performance.mark('deskside:queue-rendered');
  });
}

interface QueueListProps {
  tickets: Ticket[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  ownerOf: (ticket: Ticket) => string;
  now: Date;
  onOpen: (ticket: Ticket) => void;
}

/**
 * The queue as a virtualised listbox: only the rows in view are in the page, whatever the
 * queue's length, and the next page loads as the end comes near. The list has the keyboard
 * focus; the chosen row is its active descendant.
 */
export function QueueList({
  tickets,
  hasMore,
  loadingMore,
  loadMore,
  ownerOf,
  now,
  onOpen,
}: QueueListProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  // No React Compiler here: the virtualiser's functions are only called while rendering.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tickets.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Before the list is measured (its first render), as tall as the window: the first rows
    // are in the first frame rather than one render later.
    initialRect: { width: 0, height: window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= tickets.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastShown, tickets.length, loadMore]);

  useEffect(() => {
    if (tickets.length > 0) markFirstRender();
  }, [tickets.length]);

  // A shorter list (new filter) must not leave the choice past its end.
  const chosen = active < tickets.length ? active : tickets.length - 1;
  const setSize = hasMore ? -1 : tickets.length;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const rowsPerPage = Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT);
    const result = queueKey(event.key, chosen, tickets.length, rowsPerPage);
    if (result.kind === 'none') return;
    event.preventDefault();
    if (result.kind === 'open') {
      const ticket = tickets[result.index];
      if (ticket) onOpen(ticket);
      return;
    }
    setActive(result.index);
    virtualizer.scrollToIndex(result.index, { align: 'auto' });
  };

  const activeTicket = tickets[chosen];
  return (
    <div
      ref={scroller}
      className="queue-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('queue.listLabel')}
      aria-busy={loadingMore}
      aria-activedescendant={activeTicket ? rowId(activeTicket.id) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (chosen < 0 && tickets.length > 0) setActive(0);
      }}
    >
      <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const ticket = tickets[item.index]!;
          return (
            <QueueRow
              key={ticket.id}
              ticket={ticket}
              owner={ownerOf(ticket)}
              position={item.index + 1}
              setSize={setSize}
              active={item.index === chosen}
              now={now}
              top={item.start}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
