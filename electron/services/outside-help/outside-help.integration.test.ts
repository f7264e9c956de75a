import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '@deskside/core';
import { callError, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';

describe.each(STORE_KINDS)('outside help on %s', (kind) => {
  let desk: TestConsole;
  let ticket: Ticket;
  beforeEach(async () => {
    desk = await openConsoleOn(kind);
    ticket = await desk.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'Docking station dead',
    });
  });
  afterEach(async () => {
    await desk.dispose();
  });

  it('opens a vendor case and follows its reference and status', async () => {
    const opened = await desk.call('vendors.openCase', { ticketId: ticket.id, vendor: 'Dell' });
    expect(opened).toMatchObject({ vendor: 'Dell', reference: '', status: 'open', version: 1 });
    const updated = await desk.call('vendors.updateCase', {
      id: opened.id,
      expectedVersion: 1,
      reference: 'SR-99812',
      status: 'waiting-on-vendor',
    });
    expect(updated).toMatchObject({
      reference: 'SR-99812',
      status: 'waiting-on-vendor',
      version: 2,
    });
    const detail = await desk.call('tickets.get', { id: ticket.id });
    expect(detail.vendorCases).toEqual([updated]);
    expect(detail.timeline.filter((e) => e.kind === 'vendor-case')).toHaveLength(2);
  });

  it('recommends a service centre on the ticket', async () => {
    const updated = await desk.call('tickets.recommendServiceCentre', {
      ticketId: ticket.id,
      expectedVersion: ticket.version,
      name: 'Centre de réparation Liège',
      address: 'Rue de la Station 12, 4000 Liège',
      phone: '+32 4 222 33 44',
      reason: 'Authorised for this model',
    });
    expect(updated.serviceCentre).toEqual({
      name: 'Centre de réparation Liège',
      address: 'Rue de la Station 12, 4000 Liège',
      phone: '+32 4 222 33 44',
      reason: 'Authorised for this model',
    });
  });

  it('schedules an on-site visit and records every checklist result', async () => {
    const visit = await desk.call('visits.schedule', {
      ticketId: ticket.id,
      technician: 'Pieter',
      scheduledAt: '2026-03-03T14:00:00+01:00',
      checklist: ['Power supply', 'USB-C port', 'Firmware'],
    });
    expect(visit).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-03-03T13:00:00.000Z',
      completedAt: null,
    });
    const incomplete = await callError(
      desk.call('visits.record', {
        id: visit.id,
        expectedVersion: 1,
        status: 'done',
        results: [{ item: 'Power supply', result: 'ok' }],
      }),
    );
    expect(incomplete.message).toMatch(/missing: USB-C port, Firmware/);
    const done = await desk.call('visits.record', {
      id: visit.id,
      expectedVersion: 1,
      status: 'done',
      results: [
        { item: 'Power supply', result: 'ok' },
        { item: 'USB-C port', result: 'fault', note: 'Bent pins' },
        { item: 'Firmware', result: 'not-applicable' },
      ],
    });
    expect(done.checklist).toEqual([
      { item: 'Power supply', result: 'ok', note: '' },
      { item: 'USB-C port', result: 'fault', note: 'Bent pins' },
      { item: 'Firmware', result: 'not-applicable', note: '' },
    ]);
    expect(done.completedAt).not.toBeNull();
    expect(
      (
        await callError(
          desk.call('visits.record', { id: visit.id, expectedVersion: 2, status: 'cancelled' }),
        )
      ).code,
    ).toBe('invalid_transition');
  });

  it('places a replacement order and follows it', async () => {
    const order = await desk.call('orders.create', {
      ticketId: ticket.id,
      kind: 'replacement',
      item: 'WD19 dock',
      machineId: 'local',
      reason: 'USB-C port broken',
    });
    const here = await desk.call('machines.get', { id: 'local' });
    expect(order).toMatchObject({ status: 'requested', machineId: here.id });
    expect(
      await desk.call('orders.update', { id: order.id, expectedVersion: 1, status: 'ordered' }),
    ).toMatchObject({ status: 'ordered', version: 2 });
    expect((await desk.call('tickets.get', { id: ticket.id })).orders).toHaveLength(1);
  });

  it('refuses outside help on a ticket that does not exist and writes nothing', async () => {
    expect(
      (await callError(desk.call('vendors.openCase', { ticketId: 999, vendor: 'HP' }))).code,
    ).toBe('not_found');
    expect(
      (
        await callError(
          desk.call('orders.create', {
            ticketId: 999,
            kind: 'repair',
            item: 'x',
            reason: 'because',
          }),
        )
      ).code,
    ).toBe('not_found');
    expect((await desk.call('tickets.get', { id: ticket.id })).timeline).toHaveLength(1);
  });
});
