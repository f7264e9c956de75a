import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar';
import type { TicketStatus } from './lifecycle';
import { computeSla, slaFields, SlaPolicySchema, type SlaPolicy } from './sla';

const weekday = [{ start: '09:00', end: '17:00' }];
const calendar: BusinessCalendar = {
  timeZone: 'Europe/Brussels',
  workingHours: {
    mon: weekday,
    tue: weekday,
    wed: weekday,
    thu: weekday,
    fri: weekday,
    sat: [],
    sun: [],
  },
  holidays: ['2026-12-25', '2026-04-06'],
};
const target = (firstResponseMinutes: number, resolutionMinutes: number) => ({
  firstResponseMinutes,
  resolutionMinutes,
});
const policy: SlaPolicy = SlaPolicySchema.parse({
  calendar,
  targets: {
    1: target(60, 240),
    2: target(60, 480),
    3: target(120, 960),
    4: target(240, 1920),
    5: target(480, 3840),
  },
  atRiskShare: 0.25,
});
const allDay = [{ start: '00:00', end: '24:00' }];
const roundTheClock: SlaPolicy = {
  ...policy,
  calendar: {
    ...calendar,
    workingHours: {
      mon: allDay,
      tue: allDay,
      wed: allDay,
      thu: allDay,
      fri: allDay,
      sat: allDay,
      sun: allDay,
    },
  },
};

type Step = [TicketStatus, string];
const history = (...steps: Step[]) => steps.map(([status, at]) => ({ status, at }));

interface Row {
  name: string;
  steps: Step[];
  now: string;
  elapsed: number;
  state: string;
  dueAt: string | null;
  atRiskAt?: string | null;
  policy?: SlaPolicy;
}

// Times are UTC; Brussels is UTC+1 in winter (CET) and UTC+2 in summer (CEST). 2026's
// changes: Sunday 29 March and Sunday 25 October.
const rows: Row[] = [
  {
    name: 'over a weekend: Friday 15:00 + 4 business hours is Monday 11:00',
    steps: [['new', '2026-03-06T14:00:00Z']],
    now: '2026-03-07T12:00:00Z',
    elapsed: 120,
    state: 'running',
    dueAt: '2026-03-09T10:00:00.000Z',
    atRiskAt: '2026-03-09T09:00:00.000Z',
  },
  {
    name: 'over Christmas: Thursday 24th 16:00, the 25th is a holiday, due Monday 28th 12:00',
    steps: [['new', '2026-12-24T15:00:00Z']],
    now: '2026-12-25T10:00:00Z',
    elapsed: 60,
    state: 'running',
    dueAt: '2026-12-28T11:00:00.000Z',
  },
  {
    name: 'into summer time: Friday 27 March 16:00 CET, due Monday 30 March 12:00 CEST',
    steps: [['new', '2026-03-27T15:00:00Z']],
    now: '2026-03-27T15:30:00Z',
    elapsed: 30,
    state: 'running',
    dueAt: '2026-03-30T10:00:00.000Z',
  },
  {
    name: 'into winter time: Friday 23 October 16:00 CEST, due Monday 26 October 12:00 CET',
    steps: [['new', '2026-10-23T14:00:00Z']],
    now: '2026-10-23T14:00:00Z',
    elapsed: 0,
    state: 'running',
    dueAt: '2026-10-26T11:00:00.000Z',
  },
  {
    name: 'Easter Monday is a holiday: Friday 3 April 16:00, due Tuesday 7 April 12:00',
    steps: [['new', '2026-04-03T14:00:00Z']],
    now: '2026-04-06T10:00:00Z',
    elapsed: 60,
    state: 'running',
    dueAt: '2026-04-07T10:00:00.000Z',
  },
  {
    name: 'a ticket created on Saturday starts counting on Monday 09:00',
    steps: [['new', '2026-03-07T10:00:00Z']],
    now: '2026-03-09T09:00:00Z',
    elapsed: 60,
    state: 'running',
    dueAt: '2026-03-09T12:00:00.000Z',
  },
  {
    name: 'round the clock, the spring-forward day has 23 hours',
    steps: [['new', '2026-03-28T11:00:00Z']],
    now: '2026-03-29T10:00:00Z',
    elapsed: 23 * 60,
    state: 'breached',
    dueAt: '2026-03-28T15:00:00.000Z',
    policy: roundTheClock,
  },
  {
    name: 'waiting on the user overnight does not count',
    steps: [
      ['new', '2026-03-02T08:00:00Z'],
      ['waiting_on_user', '2026-03-02T09:00:00Z'],
      ['in_progress', '2026-03-03T09:00:00Z'],
    ],
    now: '2026-03-03T10:00:00Z',
    elapsed: 120,
    state: 'running',
    dueAt: '2026-03-03T12:00:00.000Z',
  },
  {
    name: 'waiting on a vendor right now: paused, no due time',
    steps: [
      ['new', '2026-03-02T08:00:00Z'],
      ['in_progress', '2026-03-02T08:30:00Z'],
      ['waiting_on_vendor', '2026-03-02T10:00:00Z'],
    ],
    now: '2026-03-04T14:00:00Z',
    elapsed: 120,
    state: 'paused',
    dueAt: null,
    atRiskAt: null,
  },
  {
    name: 'at risk once less than a quarter of the target is left',
    steps: [['new', '2026-03-02T08:00:00Z']],
    now: '2026-03-02T11:30:00Z',
    elapsed: 210,
    state: 'at_risk',
    dueAt: '2026-03-02T12:00:00.000Z',
    atRiskAt: '2026-03-02T11:00:00.000Z',
  },
  {
    name: 'breached once the target has passed',
    steps: [['new', '2026-03-02T08:00:00Z']],
    now: '2026-03-02T13:00:00Z',
    elapsed: 300,
    state: 'breached',
    dueAt: '2026-03-02T12:00:00.000Z',
  },
  {
    name: 'resolved in time: met, and the clock stays stopped',
    steps: [
      ['new', '2026-03-02T08:00:00Z'],
      ['resolved', '2026-03-02T10:00:00Z'],
    ],
    now: '2026-03-06T10:00:00Z',
    elapsed: 120,
    state: 'met',
    dueAt: null,
  },
  {
    name: 'reopened: the clock resumes from where it stopped',
    steps: [
      ['new', '2026-03-02T08:00:00Z'],
      ['resolved', '2026-03-02T09:00:00Z'],
      ['closed', '2026-03-02T11:00:00Z'],
      ['reopened', '2026-03-03T08:00:00Z'],
    ],
    now: '2026-03-03T09:00:00Z',
    elapsed: 120,
    state: 'running',
    dueAt: '2026-03-03T11:00:00.000Z',
  },
];

describe('the resolution clock', () => {
  it.each(rows)('$name', (row) => {
    const sla = computeSla(
      { priority: 1, statusHistory: history(...row.steps), firstRespondedAt: null, now: row.now },
      row.policy ?? policy,
    );
    expect(sla.resolution.elapsedMinutes).toBe(row.elapsed);
    expect(sla.resolution.state).toBe(row.state);
    expect(sla.resolution.dueAt).toBe(row.dueAt);
    if (row.atRiskAt !== undefined) expect(sla.resolution.atRiskAt).toBe(row.atRiskAt);
  });
});

describe('the first-response clock', () => {
  const created = history(['new', '2026-03-02T08:00:00Z']);
  it.each([
    {
      respondedAt: '2026-03-02T08:30:00Z',
      now: '2026-03-02T12:00:00Z',
      state: 'met',
      breached: false,
    },
    {
      respondedAt: '2026-03-02T09:30:00Z',
      now: '2026-03-02T12:00:00Z',
      state: 'breached',
      breached: true,
    },
    { respondedAt: null, now: '2026-03-02T08:50:00Z', state: 'at_risk', breached: false },
    { respondedAt: null, now: '2026-03-02T08:20:00Z', state: 'running', breached: false },
  ])(
    'answered at $respondedAt, looked at $now: $state',
    ({ respondedAt, now, state, breached }) => {
      const sla = computeSla(
        { priority: 1, statusHistory: created, firstRespondedAt: respondedAt, now },
        policy,
      );
      expect(sla.firstResponse.state).toBe(state);
      expect(sla.firstResponse.breached).toBe(breached);
    },
  );

  it('uses the targets of the ticket’s priority', () => {
    const now = '2026-03-02T09:30:00Z';
    const p1 = computeSla(
      { priority: 1, statusHistory: created, firstRespondedAt: null, now },
      policy,
    );
    const p3 = computeSla(
      { priority: 3, statusHistory: created, firstRespondedAt: null, now },
      policy,
    );
    expect(p1.firstResponse.state).toBe('breached');
    expect(p3.firstResponse.state).toBe('at_risk');
    expect(p3.resolution.dueAt).toBe('2026-03-03T16:00:00.000Z');
  });
});

describe('the fields the queue filters on', () => {
  it('take the earliest due time of the clocks still running, and ignore finished ones', () => {
    const statusHistory = history(['new', '2026-03-02T08:00:00Z']);
    const answeredLate = computeSla(
      {
        priority: 1,
        statusHistory,
        firstRespondedAt: '2026-03-02T09:30:00Z',
        now: '2026-03-02T09:40:00Z',
      },
      policy,
    );
    expect(slaFields(answeredLate)).toEqual({
      slaDueAt: '2026-03-02T12:00:00.000Z',
      slaAtRiskAt: '2026-03-02T11:00:00.000Z',
      slaBreached: false,
    });
    const unanswered = computeSla(
      { priority: 1, statusHistory, firstRespondedAt: null, now: '2026-03-02T08:10:00Z' },
      policy,
    );
    expect(slaFields(unanswered).slaDueAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('refuses a calendar in an unknown time zone or without working time', () => {
    expect(
      SlaPolicySchema.safeParse({ ...policy, calendar: { ...calendar, timeZone: 'Mars/Olympus' } })
        .success,
    ).toBe(false);
    const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(
      SlaPolicySchema.safeParse({ ...policy, calendar: { ...calendar, workingHours: none } })
        .success,
    ).toBe(false);
  });
});
