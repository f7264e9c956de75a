import { describe, expect, it } from 'vitest';
import { BusinessTimeTable } from './business-time';
import { DEFAULT_CALENDAR, workingSpans, type BusinessCalendar } from './calendar';
import { computeSla, DEFAULT_SLA_POLICY } from './sla';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);

/** The reference: what the SLA clocks sum, span by span (luxon per day). */
const walked = (calendar: BusinessCalendar, start: number, end: number) => {
  let total = 0;
  for (const span of workingSpans(calendar, start, end)) total += span.end - span.start;
  return total;
};

// Brussels: summer time from Sunday 2026-03-29, winter time from Sunday 2026-10-25; Easter
// Monday 2026-04-06 a holiday. Office day 08:30-12:30 and 13:00-17:30 (8.5 h).
const brussels: BusinessCalendar = { ...DEFAULT_CALENDAR, holidays: ['2026-04-06'] };

describe('business time table', () => {
  const table = new BusinessTimeTable(
    brussels,
    at('2026-03-01T00:00:00Z'),
    at('2026-11-30T00:00:00Z'),
  );

  it('counts a Friday afternoon to Monday morning across a weekend as two hours', () => {
    // Friday 2026-03-27 16:30 local (15:30Z, winter) to 17:30: 1 h; Monday 2026-03-30
    // 08:30 local (06:30Z, summer) to 09:30 (07:30Z): 1 h. 2 h in all.
    expect(table.between(at('2026-03-27T15:30:00Z'), at('2026-03-30T07:30:00Z'))).toBe(2 * HOUR);
  });

  it('skips a holiday: Friday before Easter to the Tuesday after', () => {
    // Thursday 2026-04-02 17:00 local (15:00Z) to 17:30: 0.5 h; Friday 2026-04-03: 8.5 h;
    // Easter Monday: 0; Tuesday 2026-04-07 08:30 to 09:00 (07:00Z): 0.5 h. 9.5 h.
    expect(table.between(at('2026-04-02T15:00:00Z'), at('2026-04-07T07:00:00Z'))).toBe(9.5 * HOUR);
  });

  it('keeps 17:30 at 17:30 local on both daylight-saving changes', () => {
    // Friday 2026-10-23 (summer, 17:30 = 15:30Z) to Monday 2026-10-26 (winter, 08:30 = 07:30Z).
    expect(table.between(at('2026-10-23T15:00:00Z'), at('2026-10-26T08:30:00Z'))).toBe(1.5 * HOUR);
    // Lunch is not business time; inside one working period minutes count one for one.
    expect(table.between(at('2026-05-05T10:00:00Z'), at('2026-05-05T11:30:00Z'))).toBe(60 * MINUTE);
  });

  it('agrees with the SLA walk to the millisecond over many random spans', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const from = at('2026-03-01T00:00:00Z');
    const width = at('2026-11-29T00:00:00Z') - from;
    for (let i = 0; i < 2_000; i++) {
      const a = from + Math.floor(random() * width);
      const b = Math.min(a + Math.floor(random() * 20 * 24 * HOUR), from + width);
      expect(table.between(a, b)).toBe(walked(brussels, a, b));
    }
  });

  it('agrees with the resolution clock computeSla runs for a ticket resolved days later', () => {
    const createdAt = '2026-03-26T14:10:00.000Z';
    const resolvedAt = '2026-04-08T09:45:00.000Z';
    const sla = computeSla(
      {
        priority: 3,
        statusHistory: [
          { status: 'new', at: createdAt },
          { status: 'resolved', at: resolvedAt },
        ],
        firstRespondedAt: createdAt,
        now: resolvedAt,
      },
      { ...DEFAULT_SLA_POLICY, calendar: brussels },
    );
    expect(table.between(at(createdAt), at(resolvedAt))).toBe(
      sla.resolution.elapsedMinutes * MINUTE,
    );
  });

  it('works in a zone whose offset is not whole hours, with weekend work days', () => {
    const kolkata: BusinessCalendar = {
      timeZone: 'Asia/Kolkata',
      workingHours: {
        mon: [],
        tue: [{ start: '09:00', end: '18:00' }],
        wed: [{ start: '09:00', end: '18:00' }],
        thu: [{ start: '09:00', end: '18:00' }],
        fri: [{ start: '09:00', end: '18:00' }],
        sat: [{ start: '10:00', end: '14:00' }],
        sun: [{ start: '10:00', end: '14:00' }],
      },
      holidays: ['2026-01-26'],
    };
    const start = at('2026-01-01T00:00:00Z');
    const end = at('2026-03-01T00:00:00Z');
    const india = new BusinessTimeTable(kolkata, start, end);
    for (let t = start; t < end; t += 97 * MINUTE) {
      expect(india.between(start, t)).toBe(walked(kolkata, start, t));
    }
  });

  it('refuses instants outside its days', () => {
    expect(() => table.at(at('2025-12-31T00:00:00Z'))).toThrow(RangeError);
    expect(table.between(at('2026-05-05T11:00:00Z'), at('2026-05-05T10:00:00Z'))).toBe(0);
  });
});
