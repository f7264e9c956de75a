/**
 * tickets.sqlite.* and tickets.pg.*: the queue's first page, a full-text search and opening
 * one ticket, through the console's dispatcher (contract validation included), on 100k
 * tickets with 1M timeline entries. Each sample is the p95 of a round of queries; the
 * report shows the median sample.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OPEN_STATUSES, TicketStatusSchema } from '@deskside/core';
import type { Dispatch } from '../electron/services/api/dispatcher';
import { openConsole } from '../electron/services/console';
import { PostgresUnavailable } from '#test/helpers/postgres';
import { BenchmarkUnavailable, type BenchContext, type Benchmark } from './benchmark';
import { DATASET, postgresDataset, sqliteDataset } from './tickets-dataset';
import { p95 } from './stats';

const QUERIES_PER_SAMPLE = 100;
const WARM_UP = 30;

/** Search words in the four languages, as analysts type them (case and accents vary). */
const SEARCHES = [
  'printer',
  'VPN',
  'wachtwoord verlopen',
  'réseau lent',
  'reseau',
  'εκτυπωτής',
  'ΔΙΚΤΥΟ',
  'outlook password',
  'dockingstation',
  'κωδικό',
];
const ALL_STATUSES = TicketStatusSchema.options;

/**
 * Opens the console's services on the cached dataset of `database` as the console itself
 * would (seeding it first if needed), and hands `measure` its dispatcher.
 */
export async function onDatasetConsole(
  database: 'sqlite' | 'postgres',
  context: BenchContext,
  measure: (dispatch: Dispatch) => Promise<void>,
): Promise<void> {
  const open = async (where: { dataDir: string; databaseUrl: string }) => {
    const services = await openConsole({ ...where, host: 'browser', analyst: 'sofie' });
    try {
      await measure(services.dispatch);
    } finally {
      await services.close();
    }
  };
  if (database === 'sqlite') {
    await open({ dataDir: await sqliteDataset(context.progress), databaseUrl: '' });
    return;
  }
  let dataset: Awaited<ReturnType<typeof postgresDataset>>;
  try {
    dataset = await postgresDataset(context.progress);
  } catch (error) {
    if (error instanceof PostgresUnavailable) throw new BenchmarkUnavailable(error.message);
    throw error;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-bench-pg-'));
  try {
    await open({ dataDir, databaseUrl: dataset.url });
  } finally {
    await dataset.cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** One call through the dispatcher, in milliseconds; a refused call fails the benchmark. */
export async function timed(dispatch: Dispatch, method: string, input: unknown): Promise<number> {
  const started = performance.now();
  const result = await dispatch(method, input);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return ms;
}

type Query = (i: number) => [method: string, input: unknown];

const QUERIES: Record<'queue' | 'search' | 'open', Query> = {
  queue: () => ['tickets.queue', { status: [...OPEN_STATUSES] }],
  search: (i) => ['tickets.queue', { search: SEARCHES[i % SEARCHES.length], status: ALL_STATUSES }],
  // Spread over the whole id range, so the cache does not hold just a few tickets.
  open: (i) => ['tickets.get', { id: 1 + ((i * 7919) % DATASET.tickets) }],
};

async function measure(context: BenchContext, prefix: string, dispatch: Dispatch): Promise<void> {
  for (const [name, query] of Object.entries(QUERIES)) {
    const metric = `${prefix}.${name}_p95_ms`;
    if (!context.wants(metric)) continue;
    for (let i = 0; i < WARM_UP; i++) await timed(dispatch, ...query(i));
    const samples: number[] = [];
    for (let sample = 0; sample < context.samples(metric); sample++) {
      const round: number[] = [];
      for (let i = 0; i < QUERIES_PER_SAMPLE; i++)
        round.push(await timed(dispatch, ...query(sample * QUERIES_PER_SAMPLE + i)));
      samples.push(p95(round));
    }
    context.progress(`${metric}: ${samples.map((s) => s.toFixed(2)).join(', ')} ms`);
    context.record(metric, samples);
  }
}

const metricsOf = (prefix: string, database: string) =>
  (['queue', 'search', 'open'] as const).map((name) => ({
    name: `${prefix}.${name}_p95_ms`,
    unit: 'ms' as const,
    description: `${database}, 100k tickets / 1M timeline entries: p95 of ${QUERIES_PER_SAMPLE} ${
      {
        queue: 'first pages of the open queue',
        search: 'full-text searches (en, nl, fr, el)',
        open: 'ticket openings with timeline',
      }[name]
    }`,
    defaultSamples: 5,
  }));

export const ticketsSqliteBenchmark: Benchmark = {
  name: 'tickets.sqlite',
  needsAgentBuild: false,
  metrics: metricsOf('tickets.sqlite', 'SQLite'),
  run: (context) =>
    onDatasetConsole('sqlite', context, (dispatch) => measure(context, 'tickets.sqlite', dispatch)),
};

export const ticketsPgBenchmark: Benchmark = {
  name: 'tickets.pg',
  needsAgentBuild: false,
  metrics: metricsOf('tickets.pg', 'PostgreSQL'),
  run: (context) =>
    onDatasetConsole('postgres', context, (dispatch) => measure(context, 'tickets.pg', dispatch)),
};
