import type { Generated } from 'kysely';

/**
 * Table types as the query builder sees them (camelCase; CamelCasePlugin maps them to the
 * snake_case columns the migrations create).
 */
export interface TicketsTable {
  id: Generated<number>;
  requester: string;
  channel: string;
  summary: string;
  description: string;
  status: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface MachinesTable {
  id: string;
  name: string;
  transport: string;
  address: string;
  port: number;
  fingerprint: string;
  certPem: string;
  tokenSealed: string;
  hostname: string | null;
  addedAt: string;
  lastContactAt: string | null;
}

export interface EvidenceTable {
  id: string;
  ticketId: number;
  kind: string;
  machineId: string;
  machineName: string;
  transport: string;
  takenBy: string;
  takenAt: string;
  sha256: string;
  /** The canonical JSON text that `sha256` was computed over. */
  content: string;
}

export interface DatabaseSchema {
  tickets: TicketsTable;
  machines: MachinesTable;
  evidence: EvidenceTable;
}
