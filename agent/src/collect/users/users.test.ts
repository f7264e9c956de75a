import { describe, expect, it } from 'vitest';
import { LoggedInUsersSchema } from '@deskside/core';
import { fixture, replay } from '../testing';
import { collectLoggedInUsers } from './index';
import { parseWho } from './unix';
import { parseQueryUserTime } from './windows';

const local = (...parts: [number, number, number, number, number]) =>
  new Date(parts[0], parts[1] - 1, parts[2], parts[3], parts[4]).toISOString();

describe('collectLoggedInUsers', () => {
  it('runs `who` on this machine and reads what it prints', async () => {
    const result = LoggedInUsersSchema.parse(await collectLoggedInUsers());
    for (const user of result.users) expect(user.user).not.toBe('');
  });

  it('Linux: local and remote sessions with login times', async () => {
    const { run } = replay([{ file: 'who', stdout: fixture('linux', 'who.txt') }]);
    const { users } = await collectLoggedInUsers({ platform: 'linux', run });
    expect(users).toEqual([
      {
        user: 'jdoe',
        session: 'tty2',
        remoteHost: '',
        loginAt: local(2026, 11, 23, 8, 57),
        state: '',
      },
      {
        user: 'jdoe',
        session: 'pts/1',
        remoteHost: '192.0.2.77',
        loginAt: local(2026, 11, 23, 9, 14),
        state: '',
      },
      {
        user: 'admin',
        session: 'pts/2',
        remoteHost: '2001:db8::15',
        loginAt: local(2026, 11, 22, 17, 40),
        state: '',
      },
    ]);
  });

  it('macOS: dates without a year belong to the latest such day not in the future', () => {
    const users = parseWho(fixture('macos', 'who.txt'), new Date(2025, 0, 5));
    expect(users.map((u) => [u.user, u.session, u.remoteHost, u.loginAt])).toEqual([
      ['jdoe', 'console', '', local(2024, 11, 21, 8, 2)],
      ['jdoe', 'ttys000', '', local(2024, 11, 21, 9, 30)],
      ['support', 'ttys001', '192.0.2.80', local(2024, 11, 21, 10, 12)],
    ]);
  });

  it('Windows: `query user` columns, a disconnected session without a session name', async () => {
    const { run, calls } = replay([
      { file: 'query', stdout: fixture('windows', 'query-user.txt') },
    ]);
    const { users } = await collectLoggedInUsers({ platform: 'win32', run });
    expect(calls).toEqual([['query', 'user']]);
    expect(users.map((u) => [u.user, u.session, u.state, u.loginAt])).toEqual([
      ['jdoe', 'console', 'Active', local(2024, 11, 21, 8, 2)],
      ['asmith', 'rdp-tcp#3', 'Active', local(2024, 11, 21, 13, 15)],
      ['bwilson', '', 'Disc', local(2024, 11, 20, 16, 40)],
    ]);
  });

  it('Windows: nobody logged in; a date format it cannot read stays unknown', async () => {
    const { run } = replay([{ file: 'query', stderr: 'No User exists for *\r\n', exitCode: 1 }]);
    expect(await collectLoggedInUsers({ platform: 'win32', run })).toEqual({ users: [] });
    expect(parseQueryUserTime('21.11.2024 08:02')).toBeNull();
  });
});
