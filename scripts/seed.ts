/**
 * `npm run seed -- --tickets N [--timeline-per-ticket 10] [--seed 1] [--data-dir DIR]
 * [--database-url postgres://...]`: fills an empty console database with realistic
 * multilingual demo data (English, Dutch, French, Greek), every person with a laptop and its
 * inventory history. Then `DESKSIDE_DATA_DIR=DIR npm
 * start` opens it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DATABASE_FILE } from '../electron/services/console';
import { databaseTarget, openStore } from '../electron/services/database/store';
import { KbService } from '../electron/services/kb/kb-service';
import { WorkflowConfigService } from '../electron/services/workflow/config-service';
import { consoleDataDir } from '../electron/services/paths';
import { SEED_VERSION, peopleFor } from './seed/generate';
import { seedDatabase } from './seed/seed-database';

const whole = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `--${name} must be a whole number`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `--${name} must be at least ${min}`)
        .max(max, `--${name} must be at most ${max}`),
    );

const OptionsSchema = z.object({
  tickets: z.string({ error: '--tickets N is required' }).pipe(whole('tickets', 1, 5_000_000)),
  timelinePerTicket: whole('timeline-per-ticket', 1, 100),
  seed: whole('seed', 0, 2 ** 31),
  dataDir: z.string().min(1),
  databaseUrl: z.string(),
});

const USAGE = `Usage: npm run seed -- --tickets N [--timeline-per-ticket 10] [--seed 1]
                        [--data-dir DIR] [--database-url postgres://...]`;

async function main(): Promise<number> {
  let options: z.infer<typeof OptionsSchema>;
  try {
    const { values } = parseArgs({
      strict: true,
      options: {
        tickets: { type: 'string' },
        'timeline-per-ticket': { type: 'string', default: '10' },
        seed: { type: 'string', default: '1' },
        'data-dir': { type: 'string', default: consoleDataDir() },
        'database-url': { type: 'string', default: process.env.DESKSIDE_DATABASE_URL ?? '' },
      },
    });
    const parsed = OptionsSchema.safeParse({
      tickets: values.tickets,
      timelinePerTicket: values['timeline-per-ticket'],
      seed: values.seed,
      dataDir: values['data-dir'],
      databaseUrl: values['database-url'],
    });
    if (!parsed.success)
      throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
    options = parsed.data;
  } catch (error) {
    console.error(`seed: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  const target = databaseTarget(path.join(options.dataDir, DATABASE_FILE), options.databaseUrl);
  const where = target.kind === 'sqlite' ? target.file : 'PostgreSQL';
  const store = await openStore(target);
  try {
    console.error(
      `seed: ${options.tickets} tickets, ${peopleFor(options.tickets)} people, ${options.tickets * options.timelinePerTicket} timeline entries into ${where} (seed version ${SEED_VERSION})`,
    );
    let reported = 0;
    const done = await seedDatabase(
      store,
      { ...options, batchSize: 2000, now: new Date() },
      (progress) => {
        if (progress.seconds - reported < 2 && progress.tickets < options.tickets) return;
        reported = progress.seconds;
        const percent = Math.floor((progress.tickets / options.tickets) * 100);
        console.error(
          `seed: ${progress.tickets}/${options.tickets} tickets (${percent}%), ${progress.timeline} timeline entries, ${progress.seconds.toFixed(1)} s`,
        );
      },
    );
    console.log(
      `Seeded ${done.tickets} tickets and ${done.timeline} timeline entries, ${done.machines} machines with ${done.snapshots} inventory snapshots, in ${done.seconds.toFixed(1)} s into ${where}`,
    );
    const kb = new KbService({
      store,
      config: new WorkflowConfigService(store),
      now: () => new Date(),
    });
    const { added } = await kb.addStarterArticles('deskside');
    console.log(`Added ${added} starter knowledge-base articles`);
    if (target.kind === 'sqlite')
      console.log(`Open it: DESKSIDE_DATA_DIR=${options.dataDir} npm start`);
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
