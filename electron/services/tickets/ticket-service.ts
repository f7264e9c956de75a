import { createHash, randomUUID } from 'node:crypto';
import {
  DesksideError,
  InventorySchema,
  TicketSchema,
  canonicalJson,
  type CreateTicketInputSchema,
  type Evidence,
  type Ticket,
  type TicketDetail,
} from '@deskside/core';
import type { z } from 'zod';
import type { Db } from '../database/open';
import type { Selectable } from 'kysely';
import type { EvidenceTable, TicketsTable } from '../database/schema';
import type { SnapshotStore } from '../machines/snapshots';

type TicketRow = Selectable<TicketsTable>;

function toTicket(row: TicketRow): Ticket {
  // Rows were validated on the way in; parsing again turns a hand-edited or damaged row into
  // a clear error instead of a wrong screen.
  return TicketSchema.parse(row);
}

function toEvidence(row: EvidenceTable): Evidence {
  return {
    id: row.id,
    ticketId: row.ticketId,
    kind: 'inventory',
    machineId: row.machineId,
    machineName: row.machineName,
    transport: row.transport as Evidence['transport'],
    takenBy: row.takenBy,
    takenAt: row.takenAt,
    sha256: row.sha256,
    content: InventorySchema.parse(JSON.parse(row.content)),
  };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class TicketService {
  constructor(
    private readonly db: Db,
    private readonly snapshots: SnapshotStore,
  ) {}

  async create(input: z.output<typeof CreateTicketInputSchema>, actor: string): Promise<Ticket> {
    const now = new Date().toISOString();
    const row = await this.db
      .insertInto('tickets')
      .values({ ...input, status: 'new', createdBy: actor, createdAt: now, updatedAt: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTicket(row);
  }

  async list(): Promise<Ticket[]> {
    const rows = await this.db
      .selectFrom('tickets')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return rows.map(toTicket);
  }

  async get(id: number): Promise<TicketDetail> {
    const row = await this.db
      .selectFrom('tickets')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', `Ticket ${id} does not exist`);
    const evidence = await this.db
      .selectFrom('evidence')
      .selectAll()
      .where('ticketId', '=', id)
      .orderBy('takenAt')
      .execute();
    return { ticket: toTicket(row), evidence: evidence.map(toEvidence) };
  }

  /** Attaches an inventory the analyst has seen as immutable evidence on a ticket. */
  async attachInventory(
    input: { ticketId: number; snapshotId: string },
    actor: string,
  ): Promise<Evidence> {
    const snapshot = this.snapshots.get(input.snapshotId);
    const content = canonicalJson(snapshot.inventory);
    const row: EvidenceTable = {
      id: randomUUID(),
      ticketId: input.ticketId,
      kind: 'inventory',
      machineId: snapshot.machineId,
      machineName: snapshot.machineName,
      transport: snapshot.transport,
      takenBy: actor,
      takenAt: snapshot.fetchedAt,
      sha256: sha256Hex(content),
      content,
    };
    await this.db.transaction().execute(async (trx) => {
      const ticket = await trx
        .selectFrom('tickets')
        .select('id')
        .where('id', '=', input.ticketId)
        .executeTakeFirst();
      if (!ticket) throw new DesksideError('not_found', `Ticket ${input.ticketId} does not exist`);
      await trx.insertInto('evidence').values(row).execute();
      await trx
        .updateTable('tickets')
        .set({ updatedAt: new Date().toISOString() })
        .where('id', '=', input.ticketId)
        .execute();
    });
    return toEvidence(row);
  }
}
