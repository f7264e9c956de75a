/**
 * Queued checks in the database: what analysts may write on a desk with roles (two analysts'
 * own connections to a real PostgreSQL, as psql would), and the settle-once rule on both
 * stores through `QueuedChecks`.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { deskAnalyst, deskWithAnalysts, queryAs, signedInAs, tryAs } from '#test/helpers/desk';
import { consolesOnStores, STORE_KINDS } from '#test/helpers/stores';
import type { QueuedFleetCheck } from './fleet-checks';

const consoles = consolesOnStores();
afterEach(() => consoles.disposeAll());

const INSERT = `INSERT INTO fleet_queued_checks
  (request_id, machine_id, ticket_id, checks, queued_by, queued_at, expires_at)
  VALUES ($1, 'pc-1', NULL, '[{"checkId":"fs.writable","params":{}}]', $2,
    '2026-12-02T10:00:00.000Z', '2099-01-01T00:00:00.000Z') RETURNING queued_by`;

function waiting(requestId: string): QueuedFleetCheck {
  return {
    requestId,
    agentId: 'pc-1',
    ticketId: null,
    checks: [{ checkId: 'fs.writable', params: {} }],
    queuedAt: '2026-12-02T10:00:00.000Z',
    expiresAt: '2099-01-01T00:00:00.000Z',
    state: 'waiting',
    run: null,
    problem: null,
  };
}

describe.each(STORE_KINDS)('queued checks on %s', (kind) => {
  it('are settled once, whichever console is first, and expire past their time', async () => {
    const desk = await consoles.open(kind);
    const queued = desk.fleet.queued;
    const id = randomUUID();
    await queued.add(waiting(id));
    expect(await queued.find(id)).toMatchObject({ state: 'waiting', agentId: 'pc-1' });
    const refused = { ...waiting(id), state: 'refused' as const, problem: 'busy' };
    const [a, b] = await Promise.all([queued.settle(refused), queued.settle(refused)]);
    expect([a, b].sort()).toEqual([false, true]);
    expect(await queued.settle({ ...waiting(id), state: 'expired' })).toBe(false);
    expect(await queued.get(id)).toMatchObject({ state: 'refused', problem: 'busy' });

    const late = randomUUID();
    await queued.add({
      ...waiting(late),
      queuedAt: '2026-12-02T10:05:00.000Z',
      expiresAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await queued.list({ machineId: 'pc-1' })).toEqual([
      expect.objectContaining({ requestId: late, state: 'expired' }),
      expect.objectContaining({ requestId: id, state: 'refused' }),
    ]);
  });
});

let run = 0;

describe('queued checks on a desk with roles', () => {
  it('analysts queue signed as themselves, settle once, and never delete or rewrite', async () => {
    run += 1;
    const tag = `${process.pid}_${run}`;
    const ada = deskAnalyst(`ada_q${tag}`, 'admin');
    const bram = deskAnalyst(`bram_q${tag}`, 'analyst');
    const cora = deskAnalyst(`cora_q${tag}`, 'analyst');
    const { ownerUrl, owner } = await deskWithAnalysts(ada, [bram, cora]);
    try {
      const bramsUrl = signedInAs(ownerUrl, bram);
      const corasUrl = signedInAs(ownerUrl, cora);
      const id = randomUUID();
      // Whatever name is given, the row is signed by whoever queued it.
      expect(await queryAs(bramsUrl, INSERT, [id, cora.login])).toEqual({
        row: { queued_by: bram.login },
      });
      const setting = (url: string, assignment: string) =>
        tryAs(url, `UPDATE fleet_queued_checks SET ${assignment} WHERE request_id = '${id}'`);
      const denied = /permission denied/;
      for (const statement of [
        `UPDATE fleet_queued_checks SET checks = '[]'`,
        `UPDATE fleet_queued_checks SET queued_by = 'x'`,
        `UPDATE fleet_queued_checks SET machine_id = 'pc-2'`,
        `UPDATE fleet_queued_checks SET expires_at = '2100-01-01T00:00:00.000Z'`,
        `DELETE FROM fleet_queued_checks`,
        `TRUNCATE fleet_queued_checks`,
      ]) {
        expect(await tryAs(corasUrl, statement)).toMatch(denied);
        expect(await tryAs(bramsUrl, statement)).toMatch(denied);
      }
      // Another analyst's console may settle it (it read the result first) ...
      expect(
        await setting(
          corasUrl,
          `state = 'refused', settled_at = '2026-12-02T11:00:00.000Z', problem = 'busy'`,
        ),
      ).toBe('ok');
      // ... once: a settled row keeps its state and answer.
      for (const url of [bramsUrl, corasUrl]) {
        expect(await setting(url, `state = 'done'`)).toMatch(/settled already/);
        expect(await setting(url, `problem = 'x'`)).toMatch(/settled already/);
      }
      // Its evidence is noted once.
      expect(await setting(bramsUrl, `evidence_id = 'e1'`)).toBe('ok');
      expect(await setting(corasUrl, `evidence_id = 'e2'`)).toMatch(/settled already/);
      expect(await setting(corasUrl, `state = 'sideways'`)).toMatch(
        /settled already|check constraint/,
      );
      const row = await owner
        .selectFrom('fleetQueuedChecks')
        .selectAll()
        .where('requestId', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        state: 'refused',
        problem: 'busy',
        evidenceId: 'e1',
        queuedBy: bram.login,
      });
    } finally {
      await owner.destroy();
    }
  });
});
