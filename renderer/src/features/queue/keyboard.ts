/**
 * Keyboard navigation of the queue: arrows or j/k move one row, Page Up/Down a screenful,
 * Home/End to either end, Enter opens the ticket. Pure, so it is tested without a browser.
 */
export type QueueKeyResult =
  { kind: 'move'; index: number } | { kind: 'open'; index: number } | { kind: 'none' };

export function queueKey(
  key: string,
  current: number,
  rowCount: number,
  rowsPerPage: number,
): QueueKeyResult {
  if (rowCount === 0) return { kind: 'none' };
  const last = rowCount - 1;
  const clamp = (index: number) => Math.min(last, Math.max(0, index));
  // Nothing chosen yet: the first move lands on the first row.
  const from = current < 0 ? -1 : clamp(current);
  const step = Math.max(1, rowsPerPage - 1);
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return { kind: 'move', index: clamp(from + 1) };
    case 'ArrowUp':
    case 'k':
      return { kind: 'move', index: clamp(from - 1) };
    case 'PageDown':
      return { kind: 'move', index: clamp(from + step) };
    case 'PageUp':
      return { kind: 'move', index: clamp(from - step) };
    case 'Home':
      return { kind: 'move', index: 0 };
    case 'End':
      return { kind: 'move', index: last };
    case 'Enter':
      return from < 0 ? { kind: 'none' } : { kind: 'open', index: from };
    default:
      return { kind: 'none' };
  }
}

/** "/" jumps to the search box from anywhere on the page except a field being typed in. */
export function isSearchShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): boolean {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = target?.tagName?.toLowerCase();
  return !(tag === 'input' || tag === 'textarea' || tag === 'select' || target?.isContentEditable);
}
