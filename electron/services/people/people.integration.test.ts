import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callError, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';

describe.each(STORE_KINDS)('the people directory on %s', (kind) => {
  let desk: TestConsole;
  beforeEach(async () => {
    desk = await openConsoleOn(kind);
  });
  afterEach(async () => {
    await desk.dispose();
  });

  it('keeps who people are, where they sit and which machines are theirs', async () => {
    const person = await desk.call('people.create', {
      name: 'Γιώργος Παπαδόπουλος',
      department: 'Logistics',
      location: 'Athens, warehouse office',
      phone: '+30 21 0123 4567',
      email: 'g.papadopoulos@example.org',
      machines: [{ name: 'LOG-PC-07', machineId: 'local' }, { name: 'Scanner gun 3' }],
    });
    // `local` is this computer, kept by the PC's own id so every console names it.
    const here = await desk.call('machines.get', { id: 'local' });
    expect(person).toMatchObject({
      version: 1,
      machines: [
        { name: 'LOG-PC-07', machineId: here.id },
        { name: 'Scanner gun 3', machineId: null },
      ],
    });
    expect(await desk.call('people.get', { id: person.id })).toEqual(person);
    const updated = await desk.call('people.update', {
      id: person.id,
      expectedVersion: 1,
      name: person.name,
      location: 'Piraeus',
    });
    expect(updated).toMatchObject({ version: 2, location: 'Piraeus', machines: [] });
  });

  it('finds people by name or e-mail, ignoring case', async () => {
    await desk.call('people.create', { name: 'Jan de Vries', email: 'jan@example.org' });
    await desk.call('people.create', { name: 'Marie Dubois', email: 'MARIE@example.org' });
    expect((await desk.call('people.list', { search: 'VRIES' })).map((p) => p.name)).toEqual([
      'Jan de Vries',
    ]);
    expect((await desk.call('people.list', { search: 'marie@' })).map((p) => p.name)).toEqual([
      'Marie Dubois',
    ]);
    expect((await desk.call('people.list', { search: '%' })).length).toBe(0);
    await desk.call('people.create', { name: 'Γιώργος Παπαδόπουλος' });
    await desk.call('people.create', { name: 'Élodie Lefèvre' });
    expect((await desk.call('people.list', { search: 'ΓΙΩΡΓΟΣ' })).map((p) => p.name)).toEqual([
      'Γιώργος Παπαδόπουλος',
    ]);
    expect((await desk.call('people.list', { search: 'lefevre' })).map((p) => p.name)).toEqual([
      'Élodie Lefèvre',
    ]);
    expect((await desk.call('people.list', {})).length).toBe(4);
  });

  it('refuses a bad e-mail address or phone number, naming the field', async () => {
    expect(
      (await callError(desk.call('people.create', { name: 'X', email: 'not-an-address' })))
        .issues?.[0]?.path,
    ).toBe('email');
    expect(
      (await callError(desk.call('people.create', { name: 'X', phone: 'call me' }))).issues?.[0]
        ?.path,
    ).toBe('phone');
    expect(await desk.call('people.list', {})).toEqual([]);
  });
});
