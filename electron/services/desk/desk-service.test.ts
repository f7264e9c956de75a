import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ANALYST, callError, openTestConsole, type TestConsole } from '#test/helpers/console';

let desk: TestConsole | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

describe('the desk on the SQLite file (one PC, one analyst)', () => {
  it('keeps the console’s analyst, has no roles, and says that analysts belong to a shared desk', async () => {
    desk = await openTestConsole();
    expect(await desk.call('desk.session', {})).toEqual({
      analyst: TEST_ANALYST,
      role: null,
      roles: false,
    });
    expect(await desk.call('desk.analysts', {})).toEqual([]);
    const refused = await callError(
      desk.call('desk.addAnalyst', {
        login: 'bram',
        password: 'a long enough password',
        name: 'Bram',
        email: 'bram@example.org',
        language: 'nl',
        role: 'analyst',
        groups: [],
      }),
    );
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/shared on PostgreSQL/);
    const invalid = await callError(desk.call('desk.disableAnalyst', { login: 'Robert; DROP' }));
    expect(invalid.code).toBe('validation');
  });
});
