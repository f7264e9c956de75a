/**
 * A child process for the crash test: opens the console's store (SQLite in --data-dir, or
 * --database-url) and writes tickets without pause, each with a note and a status change,
 * printing "committed <id>" as soon as each write has returned. The test SIGKILLs it.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { openConsole } from '../../electron/services/console';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string', default: '' } },
});
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('--data-dir is required');

const services = await openConsole({
  dataDir,
  host: 'browser',
  analyst: 'writer',
  databaseUrl: values['database-url'],
  logger: pino({ level: 'silent' }),
});
const call = async (method: string, input: unknown) => {
  const result = await services.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as { id: number; version: number };
};

console.log('ready');
for (let n = 1; ; n++) {
  const ticket = await call('tickets.create', {
    requester: `Requester ${n}`,
    channel: 'phone',
    summary: `Crash test ticket ${n}`,
    description: 'x'.repeat(2000),
  });
  console.log(`committed ${ticket.id} ${n}`);
  await call('tickets.addEntry', { ticketId: ticket.id, kind: 'note', body: `Note ${n}` });
  await call('tickets.setStatus', { id: ticket.id, expectedVersion: 1, status: 'in_progress' });
  console.log(`worked ${ticket.id}`);
}
