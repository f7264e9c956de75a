import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '@deskside/core';
import { isSearchShortcut, queueKey } from './keyboard';
import { filtersFromParams } from './queue-params';
import {
  DEFAULT_FILTERS,
  FIRST_QUEUE_RANGE,
  QUEUE_PAGE_SIZE,
  firstQueuePage,
  isFiltered,
  nextQueueRange,
  paramsFromFilters,
  queueQuery,
  toggled,
} from './queue-query';

describe('queue filters in the address', () => {
  it('round-trips every filter', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      mine: true,
      myGroups: true,
      slaAtRisk: true,
      status: ['new' as const, 'reopened' as const],
      priority: [1 as const, 2 as const],
      channel: ['phone' as const],
      category: 'printer/paper-jam',
      search: 'εκτυπωτής χαρτί',
      sort: 'sla' as const,
      direction: 'desc' as const,
    };
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });

  it('drops what it does not know instead of sending it to the console', () => {
    const params = new URLSearchParams(
      'status=new,exploded,new&priority=0,3,9&channel=fax&category=../x&sort=colour&dir=up&mine=yes',
    );
    expect(filtersFromParams(params)).toEqual({
      ...DEFAULT_FILTERS,
      status: ['new'],
      priority: [3],
    });
  });

  it('keeps the default queue out of the address', () => {
    expect(paramsFromFilters(DEFAULT_FILTERS).toString()).toBe('');
    expect(isFiltered(DEFAULT_FILTERS)).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, sort: 'id' })).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, search: 'vpn' })).toBe(true);
  });

  it('asks for the open queue when no status is chosen, one page at a time', () => {
    expect(queueQuery(DEFAULT_FILTERS, { limit: 100, offset: 200 })).toEqual({
      mine: false,
      myGroups: false,
      slaAtRisk: false,
      status: [...OPEN_STATUSES],
      search: '',
      limit: 100,
      offset: 200,
    });
    expect(
      queueQuery(
        { ...DEFAULT_FILTERS, channel: ['chat'], search: '  vpn ' },
        { limit: 1, offset: 0 },
      ),
    ).toMatchObject({ channel: ['chat'], search: 'vpn' });
  });

  it('asks for a small first page, then full pages after it until the console has no more', () => {
    expect(firstQueuePage(DEFAULT_FILTERS)).toMatchObject(FIRST_QUEUE_RANGE);
    expect(FIRST_QUEUE_RANGE.limit).toBeLessThan(QUEUE_PAGE_SIZE);
    const second = nextQueueRange(FIRST_QUEUE_RANGE, true);
    expect(second).toEqual({ offset: FIRST_QUEUE_RANGE.limit, limit: QUEUE_PAGE_SIZE });
    expect(nextQueueRange(second!, true)).toEqual({
      offset: FIRST_QUEUE_RANGE.limit + QUEUE_PAGE_SIZE,
      limit: QUEUE_PAGE_SIZE,
    });
    expect(nextQueueRange(second!, false)).toBeUndefined();
    // The contract reaches offset 100,000 and no further.
    expect(nextQueueRange({ offset: 99_900, limit: 100 }, true)).toEqual({
      offset: 100_000,
      limit: QUEUE_PAGE_SIZE,
    });
    expect(nextQueueRange({ offset: 100_000, limit: 100 }, true)).toBeUndefined();
  });

  it('toggles one value of a list', () => {
    expect(toggled([1, 2], 2)).toEqual([1]);
    expect(toggled([1], 3)).toEqual([1, 3]);
  });
});

describe('queue keyboard', () => {
  it('moves one row, a page, or to either end, and stays inside the list', () => {
    expect(queueKey('ArrowDown', -1, 10, 5)).toEqual({ kind: 'move', index: 0 });
    expect(queueKey('j', 3, 10, 5)).toEqual({ kind: 'move', index: 4 });
    expect(queueKey('k', 0, 10, 5)).toEqual({ kind: 'move', index: 0 });
    expect(queueKey('ArrowDown', 9, 10, 5)).toEqual({ kind: 'move', index: 9 });
    expect(queueKey('PageDown', 2, 10, 5)).toEqual({ kind: 'move', index: 6 });
    expect(queueKey('PageUp', 2, 10, 5)).toEqual({ kind: 'move', index: 0 });
    expect(queueKey('End', 2, 10, 5)).toEqual({ kind: 'move', index: 9 });
    expect(queueKey('Home', 7, 10, 5)).toEqual({ kind: 'move', index: 0 });
  });

  it('opens the chosen row with Enter, and does nothing on an empty list', () => {
    expect(queueKey('Enter', 4, 10, 5)).toEqual({ kind: 'open', index: 4 });
    expect(queueKey('Enter', -1, 10, 5)).toEqual({ kind: 'none' });
    expect(queueKey('ArrowDown', -1, 0, 5)).toEqual({ kind: 'none' });
    expect(queueKey('x', 1, 10, 5)).toEqual({ kind: 'none' });
  });

  it('takes "/" for the search box unless a field is being typed in', () => {
    const press = (tagName: string, extra = {}) =>
      isSearchShortcut({
        key: '/',
        ctrlKey: false,
        metaKey: false,
        altKey: false,
        target: { tagName } as unknown as EventTarget,
        ...extra,
      });
    expect(press('DIV')).toBe(true);
    expect(press('INPUT')).toBe(false);
    expect(press('TEXTAREA')).toBe(false);
    expect(press('DIV', { ctrlKey: true })).toBe(false);
  });
});
