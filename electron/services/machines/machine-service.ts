import { randomUUID } from 'node:crypto';
import {
  DesksideError,
  inventoryHostname,
  LOCAL_MACHINE_ID,
  type AddMachineInputSchema,
  type AddSshMachineInputSchema,
  type ConfirmSshHostKeyInputSchema,
  type KnownHostsInputSchema,
  type MachineStatus,
  type ProbeSshMachineInputSchema,
  type SshLoginInputSchema,
  type SshProbeResult,
  type Inventory,
  type InventorySnapshot,
  type Machine,
  type PairMachineInputSchema,
  type ProbeMachineInputSchema,
  type ProbeResult,
  type CheckRequest,
  type MachineCheckRun,
  type SshMachineInfo,
} from '@deskside/core';
import type { z } from 'zod';
import type { Db } from '../database/open';
import type { MachinesTable } from '../database/schema';
import {
  pairWithAgent,
  probeAgent,
  type AgentEndpoint,
  type PinnedAgent,
  type PinnedEndpoint,
} from './agent-client';
import { confirmedEndpoint } from './confirmed-endpoint';
import type { InventoryHistoryService } from './inventory-history';
import { credentialSigner, type MachineCredentials } from './machine-credentials';
import type { SnapshotStore } from './snapshots';
import { SSH_ROW_COLUMNS, type SshMachines } from './ssh-machines';
import type { ThisComputer } from './this-computer';
import {
  agentHttpsTransport,
  localTransport,
  type CheckRunListener,
  type MachineTransport,
  type RunChecks,
} from './transports';

export type { MachineTransport } from './transports';
export { agentHttpsTransport } from './transports';

export interface MachineServiceDeps {
  db: Db;
  /** Who keeps each machine's credential and signs requests to its agent. */
  credentials: MachineCredentials;
  /** The analyst at this console, named in requests signed with a token being checked. */
  analyst: string;
  snapshots: SnapshotStore;
  /** Collects this computer's inventory in-process (the agent's own collector). */
  collectLocalInventory: () => Promise<Inventory>;
  /** Runs checks on this computer in-process (the agent's own check runner). */
  runLocalChecks: RunChecks;
  /** How agents list this console when it pairs, e.g. "ana@helpdesk-07". */
  consoleName?: string;
  /** The PC this console runs on (this-computer.ts); registered with the desk on open. */
  thisComputer: ThisComputer;
  /** Machines reached over SSH, with this analyst's own logins. */
  ssh: SshMachines;
  /** Keeps every inventory received, per machine. */
  history: Pick<InventoryHistoryService, 'record'>;
}

type MachineRow = Pick<
  MachinesTable,
  | 'id'
  | 'name'
  | 'transport'
  | 'address'
  | 'port'
  | 'fingerprint'
  | 'hostname'
  | 'addedAt'
  | 'lastContactAt'
  | (typeof SSH_ROW_COLUMNS)[number]
>;

function toMachine(row: MachineRow, ssh: SshMachineInfo | null = null): Machine {
  return {
    id: row.id,
    name: row.name,
    transport: row.transport === 'ssh' ? 'ssh' : 'agent-https',
    address: row.address,
    port: row.port,
    fingerprint: row.fingerprint,
    hostname: row.hostname,
    addedAt: row.addedAt,
    lastContactAt: row.lastContactAt,
    thisComputer: false,
    ssh,
  };
}

/** A console's own PC as a machine: no agent serves it, so it has no address. */
function consolePc(id: string, hostname: string): Machine {
  return {
    id,
    name: hostname,
    transport: 'local',
    address: null,
    port: null,
    fingerprint: null,
    hostname,
    addedAt: null,
    lastContactAt: null,
    thisComputer: false,
    ssh: null,
  };
}

const machineColumns = [
  'id',
  'name',
  'transport',
  'address',
  'port',
  'fingerprint',
  'hostname',
  'addedAt',
  'lastContactAt',
  ...SSH_ROW_COLUMNS,
] as const;

export class MachineService {
  private localLastContactAt: string | null = null;

  constructor(private readonly deps: MachineServiceDeps) {}

  /** Whether `id` names this console's own PC (its stable id, or the `local` alias). */
  isThisComputer(id: string): boolean {
    return id === LOCAL_MACHINE_ID || id === this.deps.thisComputer.id;
  }

  /** Records this console's PC with the desk, so other consoles can name it. */
  async register(): Promise<void> {
    const { id, hostname } = this.deps.thisComputer;
    const now = new Date().toISOString();
    await this.deps.db
      .insertInto('consolePcs')
      .values({ id, hostname, firstSeenAt: now, lastSeenAt: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ hostname, lastSeenAt: now }))
      .execute();
  }

  private localMachine(): Machine {
    const { id, hostname } = this.deps.thisComputer;
    return {
      ...consolePc(id, hostname),
      lastContactAt: this.localLastContactAt,
      thisComputer: true,
    };
  }

  async list(): Promise<Machine[]> {
    const rows = await this.deps.db
      .selectFrom('machines')
      .select(machineColumns)
      .orderBy('name')
      .execute();
    return [this.localMachine(), ...(await Promise.all(rows.map((row) => this.toMachine(row))))];
  }

  async get(id: string): Promise<Machine> {
    if (this.isThisComputer(id)) return this.localMachine();
    const row = await this.deps.db
      .selectFrom('machines')
      .select(machineColumns)
      .where('id', '=', id)
      .executeTakeFirst();
    if (row) return this.toMachine(row);
    const pc = await this.deps.db
      .selectFrom('consolePcs')
      .select(['id', 'hostname'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (pc) return consolePc(pc.id, pc.hostname);
    throw new DesksideError('not_found', 'No such machine');
  }

  /** A row as the console shows it; an SSH machine with this analyst's login state. */
  private async toMachine(row: MachineRow): Promise<Machine> {
    return toMachine(row, row.transport === 'ssh' ? await this.deps.ssh.info(row) : null);
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
    await this.refuseListed(input);
    const endpoint = await confirmedEndpoint(input);
    const inventory = await agentHttpsTransport({
      ...endpoint,
      sign: credentialSigner(input.token, this.deps.analyst, endpoint.fingerprint),
    }).inventory();
    const hostname = inventoryHostname(inventory);
    return this.insert(endpoint, input.token, input.name ?? hostname, hostname);
  }

  /**
   * Adds an agent-managed machine by pairing: the code goes only over a connection pinned to
   * the certificate the analyst confirmed, and the credential the agent answers with is
   * stored sealed, like a token.
   */
  async pair(input: z.output<typeof PairMachineInputSchema>): Promise<Machine> {
    await this.refuseListed(input);
    const endpoint = await confirmedEndpoint(input);
    const paired = await pairWithAgent(endpoint, {
      code: input.code,
      ...(this.deps.consoleName ? { consoleName: this.deps.consoleName } : {}),
    });
    return this.insert(endpoint, paired.credential, input.name ?? paired.hostname, paired.hostname);
  }

  /** SSH first contact: the next host key for the analyst to confirm. */
  probeSsh(input: z.output<typeof ProbeSshMachineInputSchema>): Promise<SshProbeResult> {
    return this.deps.ssh.probe(input);
  }

  /** Adds a machine reached over SSH, with the host keys the analyst confirmed. */
  async addSsh(input: z.output<typeof AddSshMachineInputSchema>): Promise<Machine> {
    const row = await this.deps.ssh.add(input);
    return this.get(row.id);
  }

  async sshLogin(input: z.output<typeof SshLoginInputSchema>): Promise<Machine> {
    await this.deps.ssh.login(input);
    return this.get(input.id);
  }

  async forgetSshLogin(id: string): Promise<Machine> {
    await this.deps.ssh.forgetLogin(id);
    return this.get(id);
  }

  async confirmSshHostKey(input: z.output<typeof ConfirmSshHostKeyInputSchema>): Promise<Machine> {
    await this.deps.ssh.confirmHostKey(input);
    return this.get(input.id);
  }

  knownHosts(input: z.output<typeof KnownHostsInputSchema>): { fingerprints: string[] } {
    return this.deps.ssh.knownHosts(input);
  }

  /** Lets go of what this console held for a machine the desk removed. */
  async removed(id: string): Promise<void> {
    await this.deps.ssh.removed(id);
  }

  /** Whether this analyst can reach an SSH machine now (see SshMachines.status). */
  async sshStatus(
    id: string,
  ): Promise<Pick<MachineStatus, 'state' | 'detail' | 'presentedFingerprint'>> {
    const row = await this.deps.db
      .selectFrom('machines')
      .select(machineColumns)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', 'No such machine');
    return this.deps.ssh.status(row);
  }

  /** Refuses an address and port already in the list. */
  async refuseListed(endpoint: AgentEndpoint): Promise<void> {
    const existing = await this.deps.db
      .selectFrom('machines')
      .select('name')
      .where('address', '=', endpoint.address)
      .where('port', '=', endpoint.port)
      .executeTakeFirst();
    if (existing) {
      throw new DesksideError(
        'conflict',
        `${endpoint.address}:${endpoint.port} is already in the list as “${existing.name}”`,
      );
    }
  }

  /** Adds the machine and hands its credential to whoever keeps credentials, at once. */
  /** Adds an agent's machine with the certificate pinned and the credential kept, at once. */
  async insert(
    agent: PinnedEndpoint,
    credential: string,
    name: string,
    hostname: string,
  ): Promise<Machine> {
    const now = new Date().toISOString();
    const row: MachinesTable = {
      id: randomUUID(),
      name,
      transport: 'agent-https',
      address: agent.address,
      port: agent.port,
      fingerprint: agent.fingerprint,
      certPem: agent.certPem,
      tokenSealed: '',
      hostname,
      addedAt: now,
      lastContactAt: now,
      sshUsername: null,
      sshOs: null,
      jumpHost: null,
      jumpPort: null,
      jumpUsername: null,
      jumpHostKey: null,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('machines').values(row).execute();
      await this.deps.credentials.keep(trx, row.id, credential);
    });
    return toMachine(row);
  }

  /** Fetches a fresh inventory and keeps it as a snapshot the analyst can attach. */
  async inventory(id: string): Promise<InventorySnapshot> {
    const machine = await this.get(id);
    const transport = await this.transportFor(machine);
    const inventory = await transport.inventory();
    const fetchedAt = new Date().toISOString();
    if (machine.thisComputer) {
      this.localLastContactAt = fetchedAt;
    } else {
      await this.deps.db
        .updateTable('machines')
        .set({ lastContactAt: fetchedAt, hostname: inventoryHostname(inventory) })
        .where('id', '=', id)
        .execute();
    }
    const source =
      transport.kind === 'agent-https' || transport.kind === 'nats' ? 'agent' : transport.kind;
    await this.deps.history.record(machine.id, inventory, source, fetchedAt);
    return this.deps.snapshots.add({
      machineId: machine.id,
      machineName: machine.name,
      transport: transport.kind,
      fetchedAt,
      inventory,
    });
  }

  /**
   * Runs checks on a machine (each already validated by its schema) and answers with every
   * result, in request order. `onEvent` follows the run as it happens.
   */
  async runChecks(
    id: string,
    checks: readonly CheckRequest[],
    onEvent?: CheckRunListener,
    signal?: AbortSignal,
  ): Promise<MachineCheckRun> {
    const machine = await this.get(id);
    const transport = await this.transportFor(machine);
    const ranAt = new Date().toISOString();
    const results = await transport.runChecks(checks, onEvent, signal);
    await this.contacted(machine.id, new Date().toISOString());
    return {
      machineId: machine.id,
      machineName: machine.name,
      transport: transport.kind,
      ranAt,
      results,
    };
  }

  private async contacted(id: string, at: string): Promise<void> {
    if (this.isThisComputer(id)) {
      this.localLastContactAt = at;
      return;
    }
    await this.deps.db
      .updateTable('machines')
      .set({ lastContactAt: at })
      .where('id', '=', id)
      .execute();
  }

  private async transportFor(machine: Machine): Promise<MachineTransport> {
    if (machine.thisComputer) {
      return localTransport(this.deps.collectLocalInventory, this.deps.runLocalChecks);
    }
    if (machine.transport === 'local') {
      throw new DesksideError(
        'machine_unreachable',
        `${machine.name} is the PC of another analyst's console: its inventory and checks are read from the console on it`,
      );
    }
    if (machine.transport === 'ssh') {
      const row = await this.deps.db
        .selectFrom('machines')
        .select(machineColumns)
        .where('id', '=', machine.id)
        .executeTakeFirstOrThrow();
      return this.deps.ssh.transport(row);
    }
    return agentHttpsTransport(await this.pinnedAgent(machine.id));
  }

  /** The machine's agent, pinned, with requests to it signed by whoever keeps its credential. */
  async pinnedAgent(id: string): Promise<PinnedAgent> {
    const row = await this.deps.db
      .selectFrom('machines')
      .select(['address', 'port', 'certPem', 'fingerprint'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', 'No such machine');
    return { ...row, sign: this.deps.credentials.signer({ id, fingerprint: row.fingerprint }) };
  }
}
