import { randomUUID } from 'node:crypto';
import os from 'node:os';
import {
  DesksideError,
  inventoryHostname,
  LOCAL_MACHINE_ID,
  type AddMachineInputSchema,
  type Inventory,
  type InventorySnapshot,
  type Machine,
  type ProbeMachineInputSchema,
  type ProbeResult,
  type TransportKind,
} from '@deskside/core';
import type { z } from 'zod';
import type { Db } from '../database/open';
import type { MachinesTable } from '../database/schema';
import type { SecretBox } from '../secrets/secret-box';
import { agentGet, probeAgent, type PinnedAgent } from './agent-client';
import type { SnapshotStore } from './snapshots';

/** How the console reaches one machine. SSH and NATS transports implement the same shape. */
export interface MachineTransport {
  readonly kind: TransportKind;
  inventory(): Promise<Inventory>;
}

export function agentHttpsTransport(agent: PinnedAgent): MachineTransport {
  return {
    kind: 'agent-https',
    inventory: () => agentGet(agent, 'inventory'),
  };
}

export interface MachineServiceDeps {
  db: Db;
  secrets: SecretBox;
  snapshots: SnapshotStore;
  /** Collects this computer's inventory in-process (the agent's own collector). */
  collectLocalInventory: () => Promise<Inventory>;
}

type MachineRow = Pick<
  MachinesTable,
  'id' | 'name' | 'address' | 'port' | 'fingerprint' | 'hostname' | 'addedAt' | 'lastContactAt'
>;

function toMachine(row: MachineRow): Machine {
  return {
    id: row.id,
    name: row.name,
    transport: 'agent-https',
    address: row.address,
    port: row.port,
    fingerprint: row.fingerprint,
    hostname: row.hostname,
    addedAt: row.addedAt,
    lastContactAt: row.lastContactAt,
  };
}

const machineColumns = [
  'id',
  'name',
  'address',
  'port',
  'fingerprint',
  'hostname',
  'addedAt',
  'lastContactAt',
] as const;

export class MachineService {
  private localLastContactAt: string | null = null;

  constructor(private readonly deps: MachineServiceDeps) {}

  private localMachine(): Machine {
    const hostname = os.hostname();
    return {
      id: LOCAL_MACHINE_ID,
      name: hostname,
      transport: 'local',
      address: null,
      port: null,
      fingerprint: null,
      hostname,
      addedAt: null,
      lastContactAt: this.localLastContactAt,
    };
  }

  async list(): Promise<Machine[]> {
    const rows = await this.deps.db
      .selectFrom('machines')
      .select(machineColumns)
      .orderBy('name')
      .execute();
    return [this.localMachine(), ...rows.map(toMachine)];
  }

  async get(id: string): Promise<Machine> {
    if (id === LOCAL_MACHINE_ID) return this.localMachine();
    const row = await this.deps.db
      .selectFrom('machines')
      .select(machineColumns)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', 'No such machine');
    return toMachine(row);
  }

  /** First contact: the certificate the agent presents, for the analyst to confirm. */
  async probe(input: z.output<typeof ProbeMachineInputSchema>): Promise<ProbeResult> {
    const { health, fingerprint } = await probeAgent(input);
    return {
      address: input.address,
      port: input.port,
      fingerprint,
      agentVersion: health.agentVersion,
    };
  }

  /**
   * Adds an agent-managed machine. The certificate the agent presents now must be the one
   * the analyst confirmed, and the token must be accepted, before anything is stored.
   */
  async add(input: z.output<typeof AddMachineInputSchema>): Promise<Machine> {
    const existing = await this.deps.db
      .selectFrom('machines')
      .select('name')
      .where('address', '=', input.address)
      .where('port', '=', input.port)
      .executeTakeFirst();
    if (existing) {
      throw new DesksideError(
        'conflict',
        `${input.address}:${input.port} is already in the list as “${existing.name}”`,
      );
    }
    const presented = await probeAgent(input);
    if (presented.fingerprint !== input.fingerprint) {
      throw new DesksideError(
        'certificate_mismatch',
        `The agent at ${input.address}:${input.port} presents certificate ${presented.fingerprint}, not the one you confirmed (${input.fingerprint}). Nothing was added.`,
      );
    }
    const pinned: PinnedAgent = {
      ...input,
      certPem: presented.certPem,
      fingerprint: presented.fingerprint,
    };
    const inventory = await agentHttpsTransport(pinned).inventory();
    const now = new Date().toISOString();
    const row: MachinesTable = {
      id: randomUUID(),
      name: input.name ?? inventoryHostname(inventory),
      transport: 'agent-https',
      address: input.address,
      port: input.port,
      fingerprint: presented.fingerprint,
      certPem: presented.certPem,
      tokenSealed: this.deps.secrets.seal(input.token),
      hostname: inventoryHostname(inventory),
      addedAt: now,
      lastContactAt: now,
    };
    await this.deps.db.insertInto('machines').values(row).execute();
    return toMachine(row);
  }

  /** Fetches a fresh inventory and keeps it as a snapshot the analyst can attach. */
  async inventory(id: string): Promise<InventorySnapshot> {
    const machine = await this.get(id);
    const transport = await this.transportFor(machine);
    const inventory = await transport.inventory();
    const fetchedAt = new Date().toISOString();
    if (id === LOCAL_MACHINE_ID) {
      this.localLastContactAt = fetchedAt;
    } else {
      await this.deps.db
        .updateTable('machines')
        .set({ lastContactAt: fetchedAt, hostname: inventoryHostname(inventory) })
        .where('id', '=', id)
        .execute();
    }
    return this.deps.snapshots.add({
      machineId: machine.id,
      machineName: machine.name,
      transport: transport.kind,
      fetchedAt,
      inventory,
    });
  }

  private async transportFor(machine: Machine): Promise<MachineTransport> {
    if (machine.id === LOCAL_MACHINE_ID) {
      return { kind: 'local', inventory: this.deps.collectLocalInventory };
    }
    const secret = await this.deps.db
      .selectFrom('machines')
      .select(['address', 'port', 'certPem', 'fingerprint', 'tokenSealed'])
      .where('id', '=', machine.id)
      .executeTakeFirstOrThrow();
    return agentHttpsTransport({
      address: secret.address,
      port: secret.port,
      certPem: secret.certPem,
      fingerprint: secret.fingerprint,
      token: this.deps.secrets.open(secret.tokenSealed),
    });
  }
}
