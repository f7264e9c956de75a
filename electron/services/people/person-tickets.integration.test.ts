import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callError, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';

describe.each(STORE_KINDS)('a person’s tickets on %s', (kind) => {
  let desk: TestConsole;
  beforeEach(async () => {
    desk = await openConsoleOn(kind);
  });
  afterEach(async () => {
    await desk.dispose();
  });

  it('lists the tickets the person called about, newest first, and no one else’s', async () => {
    const jan = await desk.call('people.create', { name: 'Jan de Vries' });
    const marie = await desk.call('people.create', { name: 'Marie Dubois' });
    const call = (requesterId: number, summary: string) =>
      desk.call('tickets.create', { requesterId, channel: 'phone', summary });
    const first = await call(jan.id, 'Printer jams');
    await call(marie.id, 'VPN drops');
    const second = await call(jan.id, 'Mouse broken');
    await desk.call('tickets.create', {
      requester: 'Jan de Vries',
      channel: 'email',
      summary: 'Typed by hand',
    });

    const tickets = await desk.call('people.tickets', { id: jan.id });
    expect(tickets.map((t) => [t.id, t.summary])).toEqual([
      [second.id, 'Mouse broken'],
      [first.id, 'Printer jams'],
    ]);
    expect(await desk.call('people.tickets', { id: marie.id })).toHaveLength(1);
  });

  it('answers that a person is not in the directory rather than that they never called', async () => {
    expect((await callError(desk.call('people.tickets', { id: 404 }))).code).toBe('not_found');
  });
});
