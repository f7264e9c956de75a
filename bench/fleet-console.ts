/**
 * A console's fleet link on its own, for bench/fleet-heartbeats.ts: `node --import tsx
 * bench/fleet-console.ts <url> <console .creds> <SQLite file>`. It opens (and migrates) a
 * desk database, starts `FleetLink` as the console does, and prints once a second
 * `sample {"at":<epoch ms>,"rssMiB":…,"heapMiB":…,"online":…,"seen":…}`: this process's
 * memory and the machines the link counts online. Stops on SIGTERM.
 */
import { openDatabase } from '../electron/services/database/open';
import { FleetLink } from '../electron/services/fleet/fleet-link';
import { InventoryHistoryService } from '../electron/services/machines/inventory-history';

const SAMPLE_EVERY_MS = 1_000;
const MIB = 1024 * 1024;

async function main(): Promise<void> {
  const [url, credentialsFile, dbFile] = process.argv.slice(2);
  if (!url || !credentialsFile || !dbFile) {
    throw new Error('usage: fleet-console.ts <url> <console .creds> <SQLite file>');
  }
  const db = await openDatabase(dbFile);
  const problems: string[] = [];
  const link = await FleetLink.start(
    { servers: [url], credentialsFile },
    {
      db,
      history: new InventoryHistoryService(db, 'fleet'),
      onProblem: (message) => {
        if (problems.length < 20) problems.push(message);
      },
    },
  );
  if (!link) throw new Error('no fleet link was made');
  const sample = () => {
    const memory = process.memoryUsage();
    const presence = link.presence();
    process.stdout.write(
      `sample ${JSON.stringify({
        at: Date.now(),
        rssMiB: memory.rss / MIB,
        heapMiB: memory.heapUsed / MIB,
        online: presence.filter((machine) => machine.online).length,
        seen: presence.length,
      })}\n`,
    );
  };
  process.stdout.write('linked\n');
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  process.once('SIGTERM', () => {
    clearInterval(timer);
    sample();
    for (const problem of problems) process.stderr.write(`${problem}\n`);
    void link
      .stop()
      .then(() => db.destroy())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
