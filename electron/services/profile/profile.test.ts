import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ANALYST, callError, openTestConsole, type TestConsole } from '#test/helpers/console';

let desk: TestConsole;
beforeEach(async () => {
  desk = await openTestConsole();
});
afterEach(async () => {
  await desk.dispose();
});

describe('the analyst profile', () => {
  it('starts as the user name in no group', async () => {
    expect(await desk.call('profile.get', {})).toEqual({
      analyst: TEST_ANALYST,
      displayName: null,
      groups: [],
    });
  });

  it('keeps the name shown and the groups, and "my groups" in the queue follows them', async () => {
    const config = await desk.call('workflow.config', {});
    const groups = config.groups.map((g) => (g.id === 'network' ? { ...g, members: ['bob'] } : g));
    await desk.call('workflow.configure', { groups });
    const ticket = await desk.call('tickets.create', {
      requester: 'Jan',
      channel: 'phone',
      summary: 'VPN',
      groupId: 'network',
    });

    const profile = await desk.call('profile.update', {
      displayName: '  Ana Lyst ',
      groups: ['network', 'workplace'],
    });
    expect(profile).toEqual({
      analyst: TEST_ANALYST,
      displayName: 'Ana Lyst',
      groups: ['workplace', 'network'],
    });
    const network = (await desk.call('workflow.config', {})).groups.find((g) => g.id === 'network');
    expect(network?.members).toEqual(['bob', TEST_ANALYST]);
    const mine = await desk.call('tickets.queue', { myGroups: true });
    expect(mine.tickets.map((t) => t.id)).toEqual([ticket.id]);

    expect(
      await desk.call('profile.update', { displayName: null, groups: ['workplace'] }),
    ).toMatchObject({ displayName: null, groups: ['workplace'] });
    const after = (await desk.call('workflow.config', {})).groups.find((g) => g.id === 'network');
    expect(after?.members).toEqual(['bob']);
  });

  it('refuses a group that does not exist, naming it, and changes nothing', async () => {
    await desk.call('profile.update', { displayName: 'Ana', groups: ['workplace'] });
    const error = await callError(
      desk.call('profile.update', { displayName: 'Someone else', groups: ['workplace', 'nope'] }),
    );
    expect(error).toMatchObject({ code: 'validation', issues: [{ path: 'groups.1' }] });
    expect(await desk.call('profile.get', {})).toMatchObject({
      displayName: 'Ana',
      groups: ['workplace'],
    });
    expect((await callError(desk.call('profile.update', { displayName: 'a\u0007b' }))).code).toBe(
      'validation',
    );
  });
});

describe('groups', () => {
  it('cannot be removed while tickets are assigned to them', async () => {
    await desk.call('tickets.create', {
      requester: 'Jan',
      channel: 'phone',
      summary: 'VPN',
      groupId: 'network',
    });
    const { groups } = await desk.call('workflow.config', {});
    const error = await callError(
      desk.call('workflow.configure', { groups: groups.filter((g) => g.id !== 'network') }),
    );
    expect(error).toMatchObject({ code: 'conflict', issues: [{ path: 'groups' }] });
    expect(error.message).toMatch(/has 1 tickets/);
    const without = groups.filter((g) => g.id !== 'identity');
    expect((await desk.call('workflow.configure', { groups: without })).groups).toHaveLength(3);
  });
});
