/**
 * "This computer" on a shared desk: two analysts' consoles, each on its own PC, share one
 * PostgreSQL. Evidence and tickets from one PC name that PC in the other console too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_MACHINE_ID } from '@deskside/core';
import { callError, type TestConsole } from '#test/helpers/console';
import { newPostgresDatabase, openConsoleOn } from '#test/helpers/stores';

const ADA_PC = { id: '0b9c6f2e-3d41-5a7b-8c9d-1e2f3a4b5c6d', hostname: 'PC-ADA' };
const BRAM_PC = { id: '7a1e4c2b-9f3d-5e6a-8b7c-2d1e0f9a8b7c', hostname: 'PC-BRAM' };

const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const desk of consoles.splice(0)) await desk.dispose();
});

describe('this computer on a desk shared by two consoles', () => {
  it('is a machine with its PC’s own id, named the same in the other console', async () => {
    const databaseUrl = await newPostgresDatabase();
    const ada = await openConsoleOn('postgres', { databaseUrl, thisComputer: ADA_PC });
    consoles.push(ada);
    const bram = await openConsoleOn('postgres', { databaseUrl, thisComputer: BRAM_PC });
    consoles.push(bram);

    // Each console lists its own PC first, by its id, as this computer.
    const [adasOwn] = await ada.call('machines.list', {});
    expect(adasOwn).toMatchObject({ id: ADA_PC.id, name: 'PC-ADA', thisComputer: true });
    expect(await ada.call('machines.get', { id: LOCAL_MACHINE_ID })).toEqual(adasOwn);
    const bramsList = await bram.call('machines.list', {});
    expect(bramsList.map((m) => m.id)).toEqual([BRAM_PC.id]);

    // Ada attaches her PC's inventory to a ticket about her PC.
    const snapshot = await ada.call('machines.inventory', { id: LOCAL_MACHINE_ID });
    expect(snapshot.machineId).toBe(ADA_PC.id);
    const ticket = await ada.call('tickets.create', {
      requester: 'Sam',
      channel: 'phone',
      summary: 'Outlook freezes',
      machineId: ADA_PC.id,
    });
    const evidence = await ada.call('tickets.attachInventory', {
      ticketId: ticket.id,
      snapshotId: snapshot.snapshotId,
    });
    expect(evidence).toMatchObject({ machineId: ADA_PC.id, machineName: 'PC-ADA' });

    // Bram's console names Ada's PC, not his own, and says why it cannot reach it.
    const seen = await bram.call('tickets.get', { id: ticket.id });
    expect(seen.ticket.machineId).toBe(ADA_PC.id);
    expect(await bram.call('machines.get', { id: ADA_PC.id })).toMatchObject({
      id: ADA_PC.id,
      name: 'PC-ADA',
      transport: 'local',
      thisComputer: false,
    });
    const unreachable = await callError(bram.call('machines.inventory', { id: ADA_PC.id }));
    expect(unreachable.code).toBe('machine_unreachable');
    expect(unreachable.message).toContain('PC-ADA');
    // A ticket about Bram's PC is his to create; an unknown PC is refused.
    await expect(
      bram.call('tickets.create', {
        requester: 'Kim',
        channel: 'chat',
        summary: 'VPN',
        machineId: BRAM_PC.id,
      }),
    ).resolves.toMatchObject({ machineId: BRAM_PC.id });
    const unknown = await callError(
      bram.call('tickets.create', {
        requester: 'Kim',
        channel: 'chat',
        summary: 'VPN',
        machineId: '5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f',
      }),
    );
    expect(unknown.code).toBe('validation');
  });
});
