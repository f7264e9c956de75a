import { z } from 'zod';
import { BusinessCalendarSchema, DEFAULT_CALENDAR, workingSpans, type Span } from './calendar';
import { PAUSED_STATUSES, STOPPED_STATUSES, type TicketStatus } from './lifecycle';
import type { Priority } from './priority';

const TargetSchema = z.object({
  /** Business minutes from creation to the first answer to the user. */
  firstResponseMinutes: z.number().int().positive(),
  /** Business minutes from creation to resolution, not counting paused time. */
  resolutionMinutes: z.number().int().positive(),
});

export const SlaPolicySchema = z.object({
  calendar: BusinessCalendarSchema,
  targets: z.object({
    1: TargetSchema,
    2: TargetSchema,
    3: TargetSchema,
    4: TargetSchema,
    5: TargetSchema,
  }),
  /** A clock is "at risk" once less than this share of its target is left. */
  atRiskShare: z.number().gt(0).lt(1),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  calendar: DEFAULT_CALENDAR,
  targets: {
    1: { firstResponseMinutes: 15, resolutionMinutes: 4 * 60 },
    2: { firstResponseMinutes: 30, resolutionMinutes: 8 * 60 },
    3: { firstResponseMinutes: 2 * 60, resolutionMinutes: 3 * 8 * 60 },
    4: { firstResponseMinutes: 4 * 60, resolutionMinutes: 5 * 8 * 60 },
    5: { firstResponseMinutes: 8 * 60, resolutionMinutes: 10 * 8 * 60 },
  },
  atRiskShare: 0.25,
};

export interface StatusChange {
  status: TicketStatus;
  at: string;
}

export interface SlaInput {
  priority: Priority;
  /** Every status the ticket has had, oldest first; the first is its creation. */
  statusHistory: readonly StatusChange[];
  firstRespondedAt: string | null;
  now: string;
}

export type ClockState = 'running' | 'paused' | 'at_risk' | 'breached' | 'met';

export interface SlaClock {
  targetMinutes: number;
  elapsedMinutes: number;
  state: ClockState;
  atRisk: boolean;
  breached: boolean;
  /** The clock has stopped for good: answered (first response) or resolved. */
  finished: boolean;
  /** When the target is (or was) reached; null while paused or when met in time. */
  dueAt: string | null;
  /** When the clock turns (or turned) "at risk"; null under the same conditions. */
  atRiskAt: string | null;
}

export interface SlaStatus {
  firstResponse: SlaClock;
  resolution: SlaClock;
}

const MINUTE = 60_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The spans in which a clock ran: between status changes, in non-paused statuses. */
function runningSpans(history: readonly StatusChange[], until: number): Span[] {
  const spans: Span[] = [];
  history.forEach((change, index) => {
    const start = Date.parse(change.at);
    const next = history[index + 1];
    const end = Math.min(next ? Date.parse(next.at) : until, until);
    const runs =
      !PAUSED_STATUSES.includes(change.status) && !STOPPED_STATUSES.includes(change.status);
    if (runs && end > start) spans.push({ start, end });
  });
  return spans;
}

/**
 * Business time the clock ran, and the instant it reached `thresholds` (in ms of business
 * time), walking on past `openFrom` into the future when the clock is still running.
 */
function walk(
  spans: readonly Span[],
  policy: SlaPolicy,
  thresholds: readonly number[],
  openFrom: number | null,
): { elapsed: number; reached: (number | null)[] } {
  let elapsed = 0;
  const reached: (number | null)[] = thresholds.map(() => null);
  const consume = (span: Span) => {
    const length = span.end - span.start;
    thresholds.forEach((threshold, i) => {
      if (reached[i] === null && elapsed + length >= threshold) {
        reached[i] = span.start + (threshold - elapsed);
      }
    });
    elapsed += length;
  };
  for (const span of spans) {
    for (const working of workingSpans(policy.calendar, span.start, span.end)) consume(working);
  }
  const ranFor = elapsed;
  if (openFrom !== null && reached.some((r) => r === null)) {
    for (const working of workingSpans(policy.calendar, openFrom)) {
      consume(working);
      if (reached.every((r) => r !== null)) break;
    }
  }
  return { elapsed: ranFor, reached };
}

function clock(
  spans: readonly Span[],
  targetMinutes: number,
  policy: SlaPolicy,
  finished: boolean,
  runningNow: boolean,
  now: number,
): SlaClock {
  const target = targetMinutes * MINUTE;
  const riskPoint = target * (1 - policy.atRiskShare);
  const { elapsed, reached } = walk(spans, policy, [target, riskPoint], runningNow ? now : null);
  const breached = elapsed > target;
  const atRisk = !finished && !breached && elapsed >= riskPoint;
  const state: ClockState = finished
    ? breached
      ? 'breached'
      : 'met'
    : breached
      ? 'breached'
      : !runningNow
        ? 'paused'
        : atRisk
          ? 'at_risk'
          : 'running';
  const show = runningNow || breached;
  return {
    targetMinutes,
    elapsedMinutes: elapsed / MINUTE,
    state,
    atRisk,
    breached,
    finished,
    dueAt: show ? iso(reached[0] ?? null) : null,
    atRiskAt: show || atRisk ? iso(reached[1] ?? null) : null,
  };
}

/**
 * The two SLA clocks of a ticket at `now`: first response (stops at the first answer) and
 * resolution (stops when resolved, resumes when reopened). Both count business time only
 * (the policy's calendar) and stand still while the ticket waits on the user or a vendor.
 */
export function computeSla(input: SlaInput, policy: SlaPolicy): SlaStatus {
  const now = Date.parse(input.now);
  const target = policy.targets[input.priority];
  const current = input.statusHistory.at(-1)?.status ?? 'new';
  const paused = PAUSED_STATUSES.includes(current);
  const stopped = STOPPED_STATUSES.includes(current);

  const responded = input.firstRespondedAt ? Date.parse(input.firstRespondedAt) : null;
  const responseEnd = responded === null ? now : Math.min(responded, now);
  const firstResponse = clock(
    runningSpans(input.statusHistory, responseEnd),
    target.firstResponseMinutes,
    policy,
    responded !== null,
    responded === null && !paused && !stopped,
    now,
  );
  const resolution = clock(
    runningSpans(input.statusHistory, now),
    target.resolutionMinutes,
    policy,
    stopped,
    !paused && !stopped,
    now,
  );
  return { firstResponse, resolution };
}

/** What the store keeps to filter and sort the queue by SLA without recomputing it. */
export interface SlaFields {
  slaDueAt: string | null;
  slaAtRiskAt: string | null;
  /** A clock that is still running has passed its target. */
  slaBreached: boolean;
}

export function slaFields(status: SlaStatus): SlaFields {
  const open = [status.firstResponse, status.resolution].filter((c) => !c.finished);
  const earliest = (values: (string | null)[]) =>
    values.filter((v): v is string => v !== null).sort()[0] ?? null;
  return {
    slaDueAt: earliest(open.map((c) => c.dueAt)),
    slaAtRiskAt: earliest(open.map((c) => c.atRiskAt)),
    slaBreached: open.some((c) => c.breached),
  };
}

/** The SLA columns of a ticket just created: both clocks start at `createdAt`. */
export function slaAtCreation(
  priority: Priority,
  createdAt: string,
  policy: SlaPolicy,
): Pick<SlaFields, 'slaDueAt' | 'slaAtRiskAt'> {
  const status = computeSla(
    {
      priority,
      statusHistory: [{ status: 'new', at: createdAt }],
      firstRespondedAt: null,
      now: createdAt,
    },
    policy,
  );
  const { slaDueAt, slaAtRiskAt } = slaFields(status);
  return { slaDueAt, slaAtRiskAt };
}
