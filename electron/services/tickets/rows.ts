import type { Selectable } from 'kysely';
import {
  CheckRunContentSchema,
  InventoryComparisonResultSchema,
  InventorySchema,
  MailAttachmentContentSchema,
  ServiceCentreSchema,
  TicketSchema,
  TimelineEntrySchema,
  type Evidence,
  type MachineEvidence,
  type Ticket,
  type TimelineEntry,
} from '@deskside/core';
import type { EvidenceTable, TicketsTable, TimelineTable } from '../database/schema';

export type TicketRow = Selectable<TicketsTable>;

/** JSON text from a column, or null. */
export const parseJson = (text: string | null): unknown =>
  text === null ? null : JSON.parse(text);

export function toTicket(row: TicketRow): Ticket {
  // Rows were validated on the way in; parsing again turns a hand-edited or damaged row into
  // a clear error instead of a wrong screen.
  const { serviceCentre } = row;
  // The schema drops what the API does not show (is_open, an index helper).
  return TicketSchema.parse({
    ...row,
    serviceCentre:
      serviceCentre === null ? null : ServiceCentreSchema.parse(parseJson(serviceCentre)),
  });
}

export function toEvidence(row: Selectable<EvidenceTable>): Evidence {
  const content: unknown = JSON.parse(row.content);
  if (row.kind === 'mail-attachment') {
    const { id, ticketId, takenBy, takenAt, sha256 } = row;
    const attachment = MailAttachmentContentSchema.parse(content);
    return { id, ticketId, takenBy, takenAt, sha256, kind: 'mail-attachment', content: attachment };
  }
  const base = {
    id: row.id,
    ticketId: row.ticketId,
    machineId: row.machineId,
    machineName: row.machineName,
    transport: row.transport as MachineEvidence['transport'],
    takenBy: row.takenBy,
    takenAt: row.takenAt,
    sha256: row.sha256,
  };
  switch (row.kind) {
    case 'inventory':
      return { ...base, kind: 'inventory', content: InventorySchema.parse(content) };
    case 'checks':
      return { ...base, kind: 'checks', content: CheckRunContentSchema.parse(content) };
    case 'inventory-diff':
      return {
        ...base,
        kind: 'inventory-diff',
        content: InventoryComparisonResultSchema.parse(content),
      };
    default:
      throw new Error(`Evidence ${row.id} is of an unknown kind (${row.kind})`);
  }
}

export function toTimelineEntry(row: Selectable<TimelineTable>): TimelineEntry {
  return TimelineEntrySchema.parse({ ...row, data: parseJson(row.data) });
}
