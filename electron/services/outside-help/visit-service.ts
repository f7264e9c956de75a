import type { Selectable } from 'kysely';
import type { z } from 'zod';
import {
  DesksideError,
  VisitSchema,
  type RecordVisitInputSchema,
  type ScheduleVisitInputSchema,
  type Visit,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { VisitsTable } from '../database/schema';
import { checkVersion, updateAtVersion } from '../database/versioned';
import { parseJson } from '../tickets/rows';
import { appendEntries } from '../tickets/timeline';
import { noteOnTicket, type WorkflowDeps } from '../tickets/ticket-writer';
import { ticketOfRecord } from './records';

export const toVisit = (row: Selectable<VisitsTable>): Visit =>
  VisitSchema.parse({ ...row, checklist: parseJson(row.checklist) });

export async function visitsOf(db: Db, ticketId: number): Promise<Visit[]> {
  const rows = await db
    .selectFrom('visits')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('id')
    .execute();
  return rows.map(toVisit);
}

/** On-site visits: a technician, a time, an inspection checklist and what it found. */
export class VisitService {
  constructor(private readonly deps: WorkflowDeps) {}

  async schedule(input: z.output<typeof ScheduleVisitInputSchema>, actor: string): Promise<Visit> {
    const now = this.deps.now().toISOString();
    const scheduledAt = new Date(input.scheduledAt).toISOString();
    const checklist = input.checklist.map((item) => ({ item, result: null, note: '' }));
    return this.deps.store.write(async (trx, publish) => {
      await noteOnTicket(this.deps, trx, input.ticketId, { now });
      const row = await trx
        .insertInto('visits')
        .values({
          ticketId: input.ticketId,
          technician: input.technician,
          scheduledAt,
          status: 'scheduled',
          checklist: JSON.stringify(checklist),
          completedAt: null,
          createdBy: actor,
          createdAt: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendEntries(trx, this.deps.store.dialect, input.ticketId, actor, now, [
        {
          kind: 'visit',
          body: input.technician,
          data: { visitId: row.id, status: 'scheduled', scheduledAt },
        },
      ]);
      publish({ type: 'ticket.changed', ticketId: input.ticketId, at: now });
      return toVisit(row);
    });
  }

  /** Records the visit's outcome: every checklist item needs a result when it is done. */
  async record(input: z.output<typeof RecordVisitInputSchema>, actor: string): Promise<Visit> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish) => {
      const ticketId = await ticketOfRecord(trx, 'visits', input.id);
      const current = await trx
        .selectFrom('visits')
        .selectAll()
        .where('id', '=', input.id)
        .executeTakeFirstOrThrow();
      await checkVersion(trx, 'visits', input, current.version);
      if (current.status !== 'scheduled') {
        throw new DesksideError(
          'invalid_transition',
          `Visit ${input.id} is already ${current.status}`,
        );
      }
      const checklist = toVisit(current).checklist.map((entry) => {
        const result = input.results.find((r) => r.item === entry.item);
        return result ? { item: entry.item, result: result.result, note: result.note } : entry;
      });
      const unknown = input.results.filter((r) => !checklist.some((c) => c.item === r.item));
      if (unknown.length > 0) {
        throw new DesksideError(
          'validation',
          `“${unknown[0]!.item}” is not on this visit's checklist`,
        );
      }
      const missing = checklist.filter((c) => c.result === null);
      if (input.status === 'done' && missing.length > 0) {
        throw new DesksideError(
          'validation',
          `Give a result for every checklist item; missing: ${missing.map((c) => c.item).join(', ')}`,
        );
      }
      const row = await updateAtVersion(trx, 'visits', input, {
        status: input.status,
        checklist: JSON.stringify(checklist),
        completedAt: input.status === 'done' ? now : null,
      });
      await noteOnTicket(this.deps, trx, ticketId, { now });
      const notes = checklist.map((c) => `${c.item} ${c.note}`).join(' ');
      await appendEntries(trx, this.deps.store.dialect, ticketId, actor, now, [
        {
          kind: 'visit',
          body: notes,
          data: { visitId: input.id, status: input.status, checklist },
        },
      ]);
      publish({ type: 'ticket.changed', ticketId, at: now });
      return toVisit(row);
    });
  }
}
