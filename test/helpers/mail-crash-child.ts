/**
 * A child process for the mail crash test: console A of a PostgreSQL desk, which the test
 * SIGKILLs in the middle of its work.
 *
 * `--mode intake`: takes the desk's intake lock and reads the desk's mailbox with the real
 * reader and intake, printing `committed <outcome> <ticket id>` once each message's
 * transaction has returned and then pausing `--pause-ms` before the reader marks it seen, so
 * a kill right after a line lands between the commit and the mailbox's `\Seen` flag.
 *
 * `--mode send`: sends what is due in the outbox with the real sender; every write after an
 * SMTP hand-over (the `sent` update) prints `settling` and waits `--pause-ms` first, so a
 * kill right after that line lands between the server's acceptance and the `sent` update.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { openConsole } from '../../electron/services/console';
import type { Db } from '../../electron/services/database/open';
import type { Publish, Store } from '../../electron/services/database/store';
import { intakeLock } from '../../electron/services/mail/intake-lock';
import { MailIntake, type IntakeOutcome } from '../../electron/services/mail/mail-intake';
import { sendDue } from '../../electron/services/mail/mail-outbox';
import { MailboxReader } from '../../electron/services/mail/mailbox-reader';
import type { IncomingMail } from '../../electron/services/mail/parse-mail';
import type { WorkflowDeps } from '../../electron/services/tickets/ticket-writer';
import { WorkflowConfigService } from '../../electron/services/workflow/config-service';

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'imap-port': { type: 'string', default: '0' },
    'smtp-port': { type: 'string', default: '0' },
    user: { type: 'string', default: '' },
    password: { type: 'string', default: '' },
    'pause-ms': { type: 'string', default: '300' },
  },
});
const dataDir = values['data-dir'];
const url = values['database-url'];
if (!dataDir || !url) throw new Error('--data-dir and --database-url are required');
const pauseMs = Number(values['pause-ms']);
const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));
const logger = pino({ level: 'silent' });
const consoleName = 'console-a';

const services = await openConsole({
  dataDir,
  host: 'browser',
  analyst: 'console-a',
  databaseUrl: url,
  readMailbox: false,
  closeUnansweredEveryMs: null,
  logger,
});

/** The real intake, pausing after each commit (before the reader marks the message seen). */
class PausingIntake extends MailIntake {
  override async take(mail: IncomingMail): Promise<IntakeOutcome> {
    const outcome = await super.take(mail);
    const ticketId = 'ticketId' in outcome ? outcome.ticketId : 0;
    console.log(`committed ${outcome.kind} ${ticketId}`);
    await pause();
    return outcome;
  }
}

function depsWith(store: Store): WorkflowDeps {
  return { store, config: new WorkflowConfigService(store), now: () => new Date() };
}

if (values.mode === 'intake') {
  const lock = intakeLock({ kind: 'postgres', url }, `deskside-mail@${consoleName}`);
  if (!(await lock.tryTake())) {
    console.log('lock-busy');
    process.exit(3);
  }
  console.log('locked');
  new MailboxReader({
    account: {
      host: '127.0.0.1',
      port: Number(values['imap-port']),
      security: 'none',
      user: values.user,
      password: values.password,
      folder: 'INBOX',
      afterIntake: { kind: 'seen' },
    },
    intake: new PausingIntake(depsWith(services.store), consoleName),
    logger,
    rereadEveryMs: 200,
  }).start();
} else if (values.mode === 'send') {
  // The one write sendDue makes after a hand-over is the `sent` (or retry) update.
  const store = services.store;
  const pausing: Store = Object.assign(Object.create(store) as Store, {
    async write<T>(work: (trx: Db, publish: Publish) => Promise<T>): Promise<T> {
      console.log('settling');
      await pause();
      return store.write(work);
    },
  });
  console.log('ready');
  const sent = await sendDue(
    depsWith(pausing),
    {
      host: '127.0.0.1',
      port: Number(values['smtp-port']),
      security: 'none',
      user: '',
      password: '',
      from: values.user,
    },
    logger,
  );
  console.log(`done ${sent}`);
} else {
  throw new Error(`Unknown --mode ${values.mode}`);
}
