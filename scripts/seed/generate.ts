/**
 * Deterministic demo data: people, each with a laptop and its inventory history, tickets in
 * English, Dutch, French and Greek naming their requester's laptop, their timelines and some
 * check runs as evidence, as batches for the bulk loader. The same seed and `now` give the
 * same data.
 */
import {
  ChannelSchema,
  DEFAULT_CLOSURE_POLICY,
  ImpactSchema,
  OPEN_STATUSES,
  foldForSearch,
  UrgencySchema,
  type TicketStatus,
} from '@deskside/core';
import type { LoadBatch } from '../../electron/services/data/bulk-load';
import type { NewTicket, PastEntry } from '../../electron/services/tickets/new-tickets';
import { CORPUS, FLOORS, type Language } from './corpus/index';
import { makeMachine } from './fleet';
import { random } from './random';
import { dnsCheckEvidence, pickScenario, type RequesterMachine } from './troubles';

/** Bump when the generated data changes shape: cached benchmark datasets are keyed by it. */
export const SEED_VERSION = 5;

export interface SeedOptions {
  tickets: number;
  timelinePerTicket: number;
  seed: number;
  /** Tickets per batch (one transaction each). */
  batchSize: number;
  now: Date;
}

const LANGUAGES: Language[] = ['en', 'nl', 'fr', 'el'];
const STATUS_WEIGHTS: [TicketStatus, number][] = [
  ['new', 8],
  ['in_progress', 12],
  ['waiting_on_user', 5],
  ['waiting_on_vendor', 3],
  ['reopened', 2],
  ['resolved', 10],
  ['closed', 60],
];
const MINUTE = 60_000;
const DAY = 86_400_000;
/**
 * A resolved ticket's age: its timeline (up to about two days) has ended in the past, less
 * than the default closure policy's days ago.
 */
const RESOLVED_AGE_DAYS = { min: 2, max: DEFAULT_CLOSURE_POLICY.noAnswerCloseAfterDays - 0.5 };
const ANALYSTS = ['ana.lyst', 'sofie', 'marc', 'eleni', 'julien'];
const GROUPS = ['service-desk', 'workplace', 'network', 'identity'];

export const peopleFor = (tickets: number) => Math.max(1, Math.ceil(tickets / 20));

export function* generateBatches(options: SeedOptions): Generator<LoadBatch> {
  const rnd = random(options.seed);
  // The fleet has a stream of its own, so machines do not change what the tickets say.
  const fleetRnd = random(options.seed ^ 0x5eed_f1ee);
  let nextSnapshotId = 1;
  const personMachine: RequesterMachine[] = [];
  const now = options.now.getTime();
  const peopleCount = peopleFor(options.tickets);
  const personLanguage: Language[] = [];
  const personName: string[] = [];
  const weightTotal = STATUS_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const pickStatus = () => {
    let r = rnd.next() * weightTotal;
    for (const [status, weight] of STATUS_WEIGHTS) if ((r -= weight) < 0) return status;
    return 'closed';
  };

  for (let start = 1; start <= options.tickets; start += options.batchSize) {
    const batch: LoadBatch = { people: [], machines: [], tickets: [], evidence: [] };
    // People first, so every ticket's requester exists when its batch is loaded.
    while (personName.length < Math.min(peopleCount, Math.ceil((start + options.batchSize) / 20))) {
      const language = rnd.pick(LANGUAGES);
      const corpus = CORPUS[language];
      const name = `${rnd.pick(corpus.firstNames)} ${rnd.pick(corpus.lastNames)}`;
      const id = personName.length + 1;
      personLanguage.push(language);
      personName.push(name);
      const at = new Date(now - 800 * DAY).toISOString();
      const department = rnd.pick(corpus.departments);
      const locationIndex = Math.floor(rnd.next() * corpus.locations.length);
      const machine = makeMachine(fleetRnd, id, nextSnapshotId, now);
      nextSnapshotId += machine.snapshots.length;
      batch.machines!.push(machine);
      personMachine.push({
        id: machine.row.id,
        name: machine.row.name,
        model: machine.model,
        vpnVersion: machine.vpnVersion,
        locationIndex,
      });
      batch.people.push({
        id,
        name,
        department,
        location: corpus.locations[locationIndex]!,
        phone: `+32 2 ${String(1_000_000 + id).slice(1)}`,
        email: `person${id}@example.org`,
        machines: JSON.stringify([{ name: machine.row.name, machineId: machine.row.id }]),
        searchText: foldForSearch(`${name} person${id}@example.org`),
        createdAt: at,
        updatedAt: at,
      });
    }
    const end = Math.min(options.tickets, start + options.batchSize - 1);
    for (let id = start; id <= end; id++) {
      const requesterId = 1 + Math.floor(rnd.next() * personName.length);
      const language = personLanguage[requesterId - 1]!;
      const corpus = CORPUS[language];
      const machine = personMachine[requesterId - 1]!;
      const scenario = pickScenario(rnd, corpus, machine);
      const status = pickStatus();
      const open = OPEN_STATUSES.includes(status);
      // Open tickets are recent; closed ones spread over two years. Resolved ones still wait
      // for their user within the closure policy's days, as on a desk whose console has been
      // closing unanswered tickets all along: a console opened on the data closes none.
      const ageDays =
        status === 'resolved'
          ? RESOLVED_AGE_DAYS.min + rnd.next() * (RESOLVED_AGE_DAYS.max - RESOLVED_AGE_DAYS.min)
          : rnd.next() * (open ? 20 : 730);
      const createdAt = now - Math.floor(ageDays * DAY);
      const times: string[] = [];
      let t = createdAt;
      for (let i = 0; i < options.timelinePerTicket; i++) {
        times.push(new Date(t).toISOString());
        t += Math.floor(5 + rnd.next() * 240) * MINUTE;
      }
      const created = times[0]!;
      const last = times.at(-1)!;
      const resolved = status === 'resolved' || status === 'closed';
      const author = rnd.pick(ANALYSTS);
      const ticket: NewTicket & { id: number } = {
        id,
        requester: personName[requesterId - 1]!,
        requesterId,
        machineId: machine.id,
        channel: rnd.pick(ChannelSchema.options),
        summary: scenario.summary.replace('{floor}', rnd.pick(FLOORS[language])),
        description: scenario.description,
        errorMessages: scenario.error,
        stepsTried: scenario.tried,
        category: scenario.category,
        impact: rnd.pick(ImpactSchema.options),
        urgency: rnd.pick(UrgencySchema.options),
        status,
        assignee: status === 'new' ? null : author,
        groupId: rnd.next() < 0.8 ? rnd.pick(GROUPS) : null,
        createdBy: author,
        createdAt: created,
        updatedAt: last,
        firstRespondedAt: status === 'new' ? null : (times[1] ?? created),
        resolvedAt: resolved ? last : null,
        closedAt: status === 'closed' ? last : null,
        resolutionCode: resolved ? 'fixed' : null,
        resolutionNotes: resolved ? rnd.pick(corpus.resolutions) : null,
        verification: status === 'closed' ? 'confirmed' : resolved ? 'pending' : null,
      };
      const kinds = ['call', 'email', 'chat', 'note'] as const;
      // The 'created' entry is the loader's; the rest is the ticket's work since.
      const past = times.slice(1).map((at, i, rest): PastEntry => {
        const entry = { author, at };
        if (i === rest.length - 1 && status !== 'new') {
          return {
            ...entry,
            kind: resolved ? 'resolution' : 'status',
            body: resolved ? rnd.pick(corpus.resolutions) : '',
            data: { from: 'in_progress', to: resolved ? 'resolved' : status },
          };
        }
        const kind = rnd.pick(kinds);
        const texts = {
          call: corpus.calls,
          email: corpus.emails,
          chat: corpus.chats,
          note: corpus.notes,
        }[kind];
        const data =
          kind === 'note' ? {} : { direction: rnd.next() < 0.5 ? 'inbound' : 'outbound' };
        return { ...entry, kind, body: rnd.pick(texts), data };
      });
      // A check run on the requester's machine, attached after the first contact.
      const evidence =
        past.length >= 2
          ? dnsCheckEvidence(rnd, { id, category: scenario.category, author }, machine, past[0]!.at)
          : null;
      if (evidence) {
        batch.evidence!.push(evidence);
        past[0] = {
          kind: 'evidence',
          author,
          at: evidence.takenAt,
          data: {
            evidenceId: evidence.id,
            evidenceKind: evidence.kind,
            machineName: evidence.machineName,
            sha256: evidence.sha256,
          },
        };
      }
      batch.tickets.push({ ticket, past });
    }
    yield batch;
  }
}
