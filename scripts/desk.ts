/**
 * `npm run desk -- set-up --database-url postgres://owner@host/desk --login ada --name "Ada
 * Jansen" --email ada@example.org [--language en]`, with the administrator's password in
 * DESKSIDE_ADMIN_PASSWORD: makes a shared PostgreSQL database a desk with roles (schema,
 * group roles, grants, the first administrator). Run it as the desk's owner: the role that
 * owns the database and may create roles. Running it again brings the grants and functions
 * up to date and leaves the analysts as they are. See docs/DESK.md.
 */
import { parseArgs } from 'node:util';
import { openDatabaseTarget } from '../electron/services/database/open';
import { setUpDesk } from '../electron/services/desk/desk-roles';

const USAGE = `Usage: DESKSIDE_ADMIN_PASSWORD=... npm run desk -- set-up --database-url postgres://...
         --login LOGIN --name NAME --email EMAIL [--language en|nl|fr|el]`;

/** Runs one `desk` command; what it prints goes to `out` and `err`. Returns the exit code. */
export async function runDesk(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        'database-url': { type: 'string', default: env.DESKSIDE_DATABASE_URL ?? '' },
        login: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
        language: { type: 'string', default: 'en' },
      },
    });
  } catch (error) {
    err(`desk: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.join(' ') !== 'set-up') {
    err(`desk: unknown command "${positionals.join(' ')}"\n${USAGE}`);
    return 2;
  }
  const url = values['database-url'];
  if (!url.startsWith('postgres://') && !url.startsWith('postgresql://')) {
    err(
      `desk: --database-url must be a postgres:// address (roles need a shared PostgreSQL)\n${USAGE}`,
    );
    return 2;
  }
  const password = env.DESKSIDE_ADMIN_PASSWORD ?? '';
  if (!password) {
    err('desk: set DESKSIDE_ADMIN_PASSWORD to the first administrator’s password');
    return 2;
  }
  const db = await openDatabaseTarget({ kind: 'postgres', url });
  try {
    await setUpDesk(db, {
      login: values.login ?? '',
      password,
      name: values.name ?? '',
      email: values.email ?? '',
      language: values.language,
      role: 'admin',
      groups: [],
    });
    out(
      `The desk is set up with roles; ${values.login ?? ''} signs in as its administrator and adds the other analysts from the console.`,
    );
    return 0;
  } catch (error) {
    err(`desk: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  runDesk(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`desk: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
