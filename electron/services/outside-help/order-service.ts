import type { Selectable } from 'kysely';
import type { z } from 'zod';
import {
  OrderSchema,
  type CreateOrderInputSchema,
  type Order,
  type UpdateOrderInputSchema,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { OrdersTable } from '../database/schema';
import { updateAtVersion } from '../database/versioned';
import { appendEntries } from '../tickets/timeline';
import { noteOnTicket, type WorkflowDeps } from '../tickets/ticket-writer';
import { ticketOfRecord } from './records';

export const toOrder = (row: Selectable<OrdersTable>): Order => OrderSchema.parse(row);

export async function ordersOf(db: Db, ticketId: number): Promise<Order[]> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('id')
    .execute();
  return rows.map(toOrder);
}

/** Repair and replacement orders: the item, the machine, why, and how far along it is. */
export class OrderService {
  constructor(private readonly deps: WorkflowDeps) {}

  async create(input: z.output<typeof CreateOrderInputSchema>, actor: string): Promise<Order> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish) => {
      await noteOnTicket(this.deps, trx, input.ticketId, { now });
      const row = await trx
        .insertInto('orders')
        .values({ ...input, status: 'requested', createdBy: actor, createdAt: now, updatedAt: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendEntries(trx, this.deps.store.dialect, input.ticketId, actor, now, [
        {
          kind: 'order',
          body: `${input.item} ${input.reason}`,
          data: { orderId: row.id, kind: input.kind, status: 'requested' },
        },
      ]);
      publish({ type: 'ticket.changed', ticketId: input.ticketId, at: now });
      return toOrder(row);
    });
  }

  async update(input: z.output<typeof UpdateOrderInputSchema>, actor: string): Promise<Order> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish) => {
      const ticketId = await ticketOfRecord(trx, 'orders', input.id);
      const row = await updateAtVersion(trx, 'orders', input, {
        status: input.status,
        updatedAt: now,
      });
      await noteOnTicket(this.deps, trx, ticketId, { now });
      await appendEntries(trx, this.deps.store.dialect, ticketId, actor, now, [
        { kind: 'order', data: { orderId: input.id, status: input.status } },
      ]);
      publish({ type: 'ticket.changed', ticketId, at: now });
      return toOrder(row);
    });
  }
}
