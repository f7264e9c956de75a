import { describe, expect, it } from 'vitest';
import { ticketReportFacts, type FactsEntry } from './reports-facts';
import { BusinessTimeTable } from './workflow/business-time';
import { DEFAULT_SLA_POLICY } from './workflow/sla';

// Brussels office hours 08:30-12:30 and 13:00-17:30; May 2026 is UTC+2.
const policy = DEFAULT_SLA_POLICY;
const table = new BusinessTimeTable(
  policy.calendar,
  Date.parse('2026-05-01T00:00:00Z'),
  Date.parse('2026-06-01T00:00:00Z'),
);
const created = '2026-05-05T08:00:00.000Z';
const entry = (kind: string, at: string, data: Record<string, unknown> = {}): FactsEntry => ({
  kind,
  at,
  data,
});
const resolution = (at: string) => entry('resolution', at, { from: 'new', to: 'resolved' });
const facts = (entries: FactsEntry[], resolvedAt: string | null, priority: 1 | 3 = 3) =>
  ticketReportFacts({ createdAt: created, resolvedAt, priority }, entries, table, policy);

describe('ticket report facts', () => {
  it('count a quick resolution with nothing else as first contact', () => {
    const at = '2026-05-05T08:45:00.000Z';
    expect(facts([resolution(at)], at)).toEqual({
      resolveBusinessMs: 45 * 60_000,
      slaMet: true,
      escalated: false,
      reopened: false,
      firstContact: true,
    });
  });

  it('refuse first contact after an hour, after waiting, or after a hand-over between groups', () => {
    expect(
      facts([resolution('2026-05-05T09:01:00.000Z')], '2026-05-05T09:01:00.000Z').firstContact,
    ).toBe(false);
    const waited = [
      entry('status', '2026-05-05T08:10:00.000Z', { from: 'new', to: 'waiting_on_user' }),
      entry('status', '2026-05-05T08:20:00.000Z', { from: 'waiting_on_user', to: 'in_progress' }),
      resolution('2026-05-05T08:30:00.000Z'),
    ];
    expect(facts(waited, '2026-05-05T08:30:00.000Z').firstContact).toBe(false);
    const firstGroup = entry('assignment', '2026-05-05T08:05:00.000Z', {
      from: { assignee: null, groupId: null },
      groupId: 'service-desk',
    });
    const quick = resolution('2026-05-05T08:30:00.000Z');
    expect(facts([firstGroup, quick], quick.at).firstContact).toBe(true);
    const handed = entry('assignment', '2026-05-05T08:10:00.000Z', {
      from: { assignee: null, groupId: 'service-desk' },
      groupId: 'network',
    });
    expect(facts([firstGroup, handed, quick], quick.at).firstContact).toBe(false);
    expect(facts([entry('vendor-case', created), quick], quick.at).firstContact).toBe(false);
  });

  it('see a reopen after closing and after a resolution the user did not confirm', () => {
    const closedAndReopened = [
      resolution('2026-05-05T08:10:00.000Z'),
      entry('verification', '2026-05-05T08:20:00.000Z', { from: 'resolved', to: 'closed' }),
      entry('reopened', '2026-05-06T08:00:00.000Z', { from: 'closed', to: 'reopened' }),
      resolution('2026-05-06T09:00:00.000Z'),
    ];
    const result = facts(closedAndReopened, '2026-05-06T09:00:00.000Z');
    expect([result.reopened, result.firstContact]).toEqual([true, false]);
    const notConfirmed = [
      resolution('2026-05-05T08:10:00.000Z'),
      entry('verification', '2026-05-05T08:20:00.000Z', { from: 'resolved', to: 'in_progress' }),
    ];
    expect(facts(notConfirmed, null)).toMatchObject({
      reopened: true,
      resolveBusinessMs: null,
      slaMet: null,
    });
  });

  it('run the SLA clock only outside waiting statuses, against the priority target', () => {
    // Priority 1: 4 h. Created Tue 10:00 local, resolved Wed 10:30: Tue 2.5 h + 4.5 h, Wed 2 h = 9 h.
    const late = '2026-05-06T08:30:00.000Z';
    expect(facts([resolution(late)], late, 1)).toMatchObject({
      resolveBusinessMs: 9 * 3_600_000,
      slaMet: false,
    });
    // Waiting on the vendor from Tue 10:30 to Wed 10:00: the clock ran 30 + 30 minutes.
    const paused = [
      entry('status', '2026-05-05T08:30:00.000Z', { from: 'new', to: 'waiting_on_vendor' }),
      entry('status', '2026-05-06T08:00:00.000Z', { from: 'waiting_on_vendor', to: 'in_progress' }),
      resolution(late),
    ];
    expect(facts(paused, late, 1)).toMatchObject({
      resolveBusinessMs: 9 * 3_600_000,
      slaMet: true,
    });
    expect(facts([entry('escalation', created)], null).escalated).toBe(true);
  });
});
