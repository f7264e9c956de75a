import type { Selectable } from 'kysely';
import type { z } from 'zod';
import {
  VendorCaseSchema,
  type OpenVendorCaseInputSchema,
  type RecommendServiceCentreInputSchema,
  type Ticket,
  type UpdateVendorCaseInputSchema,
  type VendorCase,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { VendorCasesTable } from '../database/schema';
import { updateAtVersion } from '../database/versioned';
import { appendEntries } from '../tickets/timeline';
import { editTicket, noteOnTicket, type WorkflowDeps } from '../tickets/ticket-writer';
import { ticketOfRecord } from './records';

export const toVendorCase = (row: Selectable<VendorCasesTable>): VendorCase =>
  VendorCaseSchema.parse(row);

export async function vendorCasesOf(db: Db, ticketId: number): Promise<VendorCase[]> {
  const rows = await db
    .selectFrom('vendorCases')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('id')
    .execute();
  return rows.map(toVendorCase);
}

/** Cases opened with a vendor (their reference, their status) and the service centre advised. */
export class VendorService {
  constructor(private readonly deps: WorkflowDeps) {}

  async openCase(
    input: z.output<typeof OpenVendorCaseInputSchema>,
    actor: string,
  ): Promise<VendorCase> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish) => {
      await noteOnTicket(this.deps, trx, input.ticketId, { now });
      const row = await trx
        .insertInto('vendorCases')
        .values({ ...input, status: 'open', openedBy: actor, openedAt: now, updatedAt: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendEntries(trx, this.deps.store.dialect, input.ticketId, actor, now, [
        {
          kind: 'vendor-case',
          body: `${input.vendor} ${input.reference}`,
          data: { vendorCaseId: row.id, status: 'open' },
        },
      ]);
      publish({ type: 'ticket.changed', ticketId: input.ticketId, at: now });
      return toVendorCase(row);
    });
  }

  async updateCase(
    input: z.output<typeof UpdateVendorCaseInputSchema>,
    actor: string,
  ): Promise<VendorCase> {
    const now = this.deps.now().toISOString();
    const { id, expectedVersion, ...changes } = input;
    return this.deps.store.write(async (trx, publish) => {
      const ticketId = await ticketOfRecord(trx, 'vendorCases', id);
      const row = await updateAtVersion(
        trx,
        'vendorCases',
        { id, expectedVersion },
        { ...changes, updatedAt: now },
      );
      await noteOnTicket(this.deps, trx, ticketId, { now });
      await appendEntries(trx, this.deps.store.dialect, ticketId, actor, now, [
        { kind: 'vendor-case', data: { vendorCaseId: id, ...changes } },
      ]);
      publish({ type: 'ticket.changed', ticketId, at: now });
      return toVendorCase(row);
    });
  }

  recommendServiceCentre(
    input: z.output<typeof RecommendServiceCentreInputSchema>,
    actor: string,
  ): Promise<Ticket> {
    const { ticketId, expectedVersion, ...centre } = input;
    return editTicket(this.deps, { id: ticketId, expectedVersion, actor }, () => ({
      set: { serviceCentre: JSON.stringify(centre) },
      entries: [{ kind: 'service-centre', body: `${centre.name} ${centre.reason}`, data: centre }],
    }));
  }
}
