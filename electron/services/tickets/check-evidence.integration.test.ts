import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, EvidenceSchema, type CheckRun } from '@deskside/core';
import { followRun } from '#test/helpers/check-runs';
import { callError, type TestConsole } from '#test/helpers/console';
import { openConsoleOn, STORE_KINDS } from '#test/helpers/stores';
import { exportData, importData } from '#test/helpers/transfers';
import { checkRunEvidence, sha256Hex } from './evidence';

// Check results attached to a ticket: evidence of their own kind, hashed and immutable like an
// inventory, on SQLite and on PostgreSQL.
const consoles: TestConsole[] = [];
afterEach(async () => {
  await Promise.all(consoles.splice(0).map((desk) => desk.dispose()));
});

const quickChecks = [
  { checkId: 'memory.pressure', params: { warnAbovePercent: 100, failAbovePercent: 100 } },
  { checkId: 'fs.writable' },
] as const;

async function finishedRun(desk: TestConsole): Promise<CheckRun> {
  const started = await desk.call('machines.startChecks', {
    id: 'local',
    checks: [...quickChecks],
  });
  return (await followRun(desk, started)).at(-1)!;
}

const ticket = (desk: TestConsole, summary: string, machineId: string | null = null) =>
  desk.call('tickets.create', { requester: 'Joost', channel: 'phone', summary, machineId });

describe.each(STORE_KINDS)('check results as evidence on %s', (kind) => {
  it('are attached with their parameters and a SHA-256 of their canonical JSON', async () => {
    const desk = await openConsoleOn(kind);
    consoles.push(desk);
    const { id } = await ticket(desk, 'Slow laptop');
    const run = await finishedRun(desk);
    const evidence = await desk.call('tickets.attachCheckRun', { ticketId: id, runId: run.runId });
    const here = await desk.call('machines.get', { id: 'local' });
    expect(evidence).toMatchObject({
      kind: 'checks',
      ticketId: id,
      machineId: here.id,
      transport: 'local',
      takenAt: run.startedAt,
    });
    if (evidence.kind !== 'checks') throw new Error('expected check results');
    expect(evidence.content.state).toBe('done');
    expect(evidence.content.checks.map((check) => check.checkId)).toEqual([
      'memory.pressure',
      'fs.writable',
    ]);
    expect(evidence.content.checks[0]?.params).toEqual({
      warnAbovePercent: 100,
      failAbovePercent: 100,
    });
    expect(evidence.content.results.map((result) => result.code)).toEqual([
      'memory.pressure.ok',
      'fs.writable.ok',
    ]);
    expect(evidence.sha256).toBe(sha256Hex(canonicalJson(evidence.content)));

    const detail = await desk.call('tickets.get', { id });
    expect(detail.evidence.map((item) => EvidenceSchema.parse(item))).toEqual([evidence]);
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'evidence',
      data: { evidenceId: evidence.id, evidenceKind: 'checks', sha256: evidence.sha256 },
    });
    const stored = await desk.db
      .selectFrom('evidence')
      .select('content')
      .where('id', '=', evidence.id)
      .executeTakeFirstOrThrow();
    expect(sha256Hex(stored.content)).toBe(evidence.sha256);
    await expect(
      desk.db
        .updateTable('evidence')
        .set({ content: '{}' })
        .where('id', '=', evidence.id)
        .execute(),
    ).rejects.toThrow(/immutable/);
  });

  it('travel through an export and an import with their hash checked', async () => {
    const source = await openConsoleOn(kind);
    const target = await openConsoleOn(kind);
    consoles.push(source, target);
    const { id } = await ticket(source, 'Disk full', 'local');
    await source.call('tickets.attachCheckRun', {
      ticketId: id,
      runId: (await finishedRun(source)).runId,
    });
    const json = await exportData(source, 'json');
    await importData(target, 'json', json);
    const imported = await target.call('tickets.get', { id });
    // The PC's own id travels with the ticket: the target console names the source's PC.
    expect(imported.ticket.machineId).toBe((await source.call('machines.get', { id: 'local' })).id);
    expect(imported.evidence.map((item) => item.kind)).toEqual(['checks']);

    const forged = JSON.parse(json) as { evidence: { content: { results: { code: string }[] } }[] };
    forged.evidence[0]!.content.results[0]!.code = 'memory.pressure.critical';
    const fresh = await openConsoleOn(kind);
    consoles.push(fresh);
    const refused = await callError(importData(fresh, 'json', JSON.stringify(forged)));
    expect(refused.message).toMatch(/evidence\.0\.sha256/);
  });

  it('are refused while the checks run, for a run not held, and for a missing ticket', async () => {
    const desk = await openConsoleOn(kind);
    consoles.push(desk);
    const { id } = await ticket(desk, 'Printer');
    const running = await desk.call('machines.startChecks', {
      id: 'local',
      checks: [{ checkId: 'cpu.load', params: { sampleMs: 5_000 } }],
    });
    const early = await callError(
      desk.call('tickets.attachCheckRun', { ticketId: id, runId: running.runId }),
    );
    expect(early.code).toBe('conflict');
    await desk.call('machines.cancelChecks', { runId: running.runId });
    await followRun(desk, running);
    const unknown = await callError(
      desk.call('tickets.attachCheckRun', { ticketId: id, runId: crypto.randomUUID() }),
    );
    expect(unknown.code).toBe('not_found');
    const noTicket = await callError(
      desk.call('tickets.attachCheckRun', {
        ticketId: 999,
        runId: (await finishedRun(desk)).runId,
      }),
    );
    expect(noTicket.code).toBe('not_found');
    expect((await desk.call('tickets.get', { id })).evidence).toEqual([]);
  });

  it('make a machine’s tickets, with the tickets about it', async () => {
    const desk = await openConsoleOn(kind);
    consoles.push(desk);
    const about = await ticket(desk, 'About this computer', 'local');
    const withEvidence = await ticket(desk, 'Evidence from this computer');
    await ticket(desk, 'Someone else’s problem');
    await desk.call('tickets.attachCheckRun', {
      ticketId: withEvidence.id,
      runId: (await finishedRun(desk)).runId,
    });
    const listed = await desk.call('machines.tickets', { id: 'local' });
    expect(listed.map((t) => t.summary)).toEqual([withEvidence.summary, about.summary]);
    // `local` names this PC by its own id, which is what the ticket keeps.
    expect(about.machineId).toBe((await desk.call('machines.get', { id: 'local' })).id);
    const unknownMachine = await callError(ticket(desk, 'Nowhere', crypto.randomUUID()));
    expect(unknownMachine.code).toBe('validation');
    expect(unknownMachine.issues?.[0]?.path).toBe('machineId');
  });
});

describe('a run as evidence', () => {
  const run: CheckRun = {
    runId: crypto.randomUUID(),
    machineId: 'local',
    machineName: 'pc',
    transport: 'local',
    startedAt: '2026-11-23T10:00:00.000Z',
    finishedAt: '2026-11-23T10:00:01.000Z',
    state: 'failed',
    version: 3,
    checks: [{ checkId: 'disk.free', params: {}, state: 'queued', result: null }],
    error: { code: 'machine_unreachable', message: 'gone' },
  };

  it('has nothing to attach when it failed or nothing came back', () => {
    expect(() => checkRunEvidence(run)).toThrow(/no results to attach/);
    expect(() => checkRunEvidence({ ...run, state: 'cancelled', error: null })).toThrow(
      /no results to attach/,
    );
  });
});
