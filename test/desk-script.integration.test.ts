import { afterEach, describe, expect, it } from 'vitest';
import { newPostgresDatabase } from '#test/helpers/stores';
import { openDatabaseTarget, type Db } from '../electron/services/database/open';
import { DeskAnalysts } from '../electron/services/desk/desk-roles';
import { runDesk } from '../scripts/desk';

/** Runs `npm run desk -- ...` in-process; what it printed and its exit code. */
async function desk(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDesk(
    argv,
    env,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let opened: Db | undefined;
afterEach(async () => {
  await opened?.destroy();
  opened = undefined;
});

describe('npm run desk -- set-up', () => {
  it('makes a PostgreSQL database a desk with its first administrator, and can run again', async () => {
    const url = await newPostgresDatabase();
    const login = `root_${process.pid}_${Date.now() % 100000}`;
    const args = ['set-up', '--database-url', url, '--login', login, '--name', 'Ada'];
    const env = { DESKSIDE_ADMIN_PASSWORD: 'a long enough password' };

    expect(await desk(['set-up', '--login', login])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--database-url must be a postgres:// address') as string,
    });
    expect(await desk(args)).toMatchObject({
      code: 2,
      err: expect.stringContaining('DESKSIDE_ADMIN_PASSWORD') as string,
    });
    expect(await desk(args, env)).toMatchObject({
      code: 1,
      err: expect.stringContaining('email') as string,
    });

    const withEmail = [...args, '--email', 'ada@example.org', '--language', 'nl'];
    expect(await desk(withEmail, env)).toMatchObject({ code: 0 });
    expect(await desk(withEmail, env)).toMatchObject({ code: 0 });
    opened = await openDatabaseTarget({ kind: 'postgres', url });
    const analysts = await new DeskAnalysts(opened).list();
    expect(analysts.map((a) => [a.login, a.role, a.language, a.disabled])).toEqual([
      [login, 'admin', 'nl', false],
    ]);
  });
});
