import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, workingSpans, type BusinessCalendar } from './calendar';

const calendar: BusinessCalendar = { ...DEFAULT_CALENDAR, holidays: ['2026-04-06'] };
const spans = (cal: BusinessCalendar, from: string, until: string) =>
  [...workingSpans(cal, Date.parse(from), Date.parse(until))].map(({ start, end }) => [
    new Date(start).toISOString(),
    new Date(end).toISOString(),
  ]);

describe('working spans', () => {
  it('follow the local working hours across a daylight-saving change and skip holidays', () => {
    // Brussels moves to summer time on Sunday 29 March 2026; Easter Monday is a holiday.
    expect(spans(calendar, '2026-03-27T10:00:00Z', '2026-04-08T00:00:00Z')).toEqual([
      ['2026-03-27T10:00:00.000Z', '2026-03-27T11:30:00.000Z'],
      ['2026-03-27T12:00:00.000Z', '2026-03-27T16:30:00.000Z'],
      ['2026-03-30T06:30:00.000Z', '2026-03-30T10:30:00.000Z'],
      ['2026-03-30T11:00:00.000Z', '2026-03-30T15:30:00.000Z'],
      ['2026-03-31T06:30:00.000Z', '2026-03-31T10:30:00.000Z'],
      ['2026-03-31T11:00:00.000Z', '2026-03-31T15:30:00.000Z'],
      ['2026-04-01T06:30:00.000Z', '2026-04-01T10:30:00.000Z'],
      ['2026-04-01T11:00:00.000Z', '2026-04-01T15:30:00.000Z'],
      ['2026-04-02T06:30:00.000Z', '2026-04-02T10:30:00.000Z'],
      ['2026-04-02T11:00:00.000Z', '2026-04-02T15:30:00.000Z'],
      ['2026-04-03T06:30:00.000Z', '2026-04-03T10:30:00.000Z'],
      ['2026-04-03T11:00:00.000Z', '2026-04-03T15:30:00.000Z'],
      ['2026-04-07T06:30:00.000Z', '2026-04-07T10:30:00.000Z'],
      ['2026-04-07T11:00:00.000Z', '2026-04-07T15:30:00.000Z'],
    ]);
  });

  it('are the same when the days are walked again, from any instant within them', () => {
    const first = spans(calendar, '2026-03-20T00:00:00Z', '2026-04-10T00:00:00Z');
    // The second walk starts mid-day and meets days the first has already kept.
    const again = spans(calendar, '2026-03-30T07:00:00Z', '2026-04-10T00:00:00Z');
    expect(again[0]).toEqual(['2026-03-30T07:00:00.000Z', '2026-03-30T10:30:00.000Z']);
    expect(again.slice(1)).toEqual(first.slice(first.length - again.length + 1));
    expect(
      spans(structuredClone(calendar), '2026-03-20T00:00:00Z', '2026-04-10T00:00:00Z'),
    ).toEqual(first);
  });
});
