import type { z } from 'zod';
import {
  DesksideError,
  type Machine,
  type MachineStatus,
  type RepairMachineInputSchema,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { MachineCredentials } from './machine-credentials';
import { agentGet, pairWithAgent, probeAgent } from './agent-client';
import { confirmedEndpoint } from './confirmed-endpoint';
import type { MachineService } from './machine-service';

export interface PairingServiceDeps {
  db: Db;
  credentials: MachineCredentials;
  machines: MachineService;
  /** How agents list this console when it pairs, e.g. "ana@helpdesk-07". */
  consoleName?: string;
}

type Unusable = Pick<MachineStatus, 'state' | 'detail' | 'presentedFingerprint'>;

/** What a failed exchange with an agent says about the pairing. */
function unusable(error: unknown): Unusable {
  if (!(error instanceof DesksideError)) throw error;
  const detail = error.message;
  switch (error.code) {
    case 'agent_unauthorized':
      return { state: 'refused', detail, presentedFingerprint: null };
    case 'certificate_mismatch':
      return { state: 'certificate_changed', detail, presentedFingerprint: null };
    case 'machine_unreachable':
    case 'agent_error':
      return { state: 'unreachable', detail, presentedFingerprint: null };
    default:
      throw error;
  }
}

/** The console's side of pairing with agents: is it still paired, pair again, remove. */
export class PairingService {
  constructor(private readonly deps: PairingServiceDeps) {}

  private async stored(id: string) {
    const row = await this.deps.db
      .selectFrom('machines')
      .select(['id', 'transport', 'address', 'port', 'certPem', 'fingerprint'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', 'No such machine');
    return row;
  }

  /**
   * Asks the agent, without a credential, which certificate it presents; only when it is the
   * pinned one does a signed request go to it, to see whether the agent still accepts the desk.
   */
  async status(id: string): Promise<MachineStatus> {
    const checkedAt = new Date().toISOString();
    const base = { id, agentVersion: null, presentedFingerprint: null, detail: null, checkedAt };
    if (this.deps.machines.isThisComputer(id)) return { ...base, state: 'local' };
    const machine = await this.deps.machines.get(id);
    if (machine.transport === 'local') {
      // Another analyst's console PC: no agent serves it, only the console on it reaches it.
      return {
        ...base,
        state: 'unreachable',
        detail: `${machine.name} is the PC of another analyst's console`,
      };
    }
    if (machine.transport === 'ssh') {
      const status = await this.deps.machines.sshStatus(id);
      if (status.state === 'paired') await this.contacted(id, checkedAt);
      return { ...base, ...status };
    }
    const row = await this.stored(id);
    let presented;
    try {
      presented = await probeAgent(row);
    } catch (error) {
      return { ...base, ...unusable(error) };
    }
    const agentVersion = presented.health.agentVersion;
    if (presented.fingerprint !== row.fingerprint) {
      return {
        ...base,
        agentVersion,
        state: 'certificate_changed',
        presentedFingerprint: presented.fingerprint,
      };
    }
    try {
      await agentGet(await this.deps.machines.pinnedAgent(id), 'checkCatalog');
    } catch (error) {
      return { ...base, agentVersion, ...unusable(error) };
    }
    await this.contacted(id, checkedAt);
    return { ...base, agentVersion, state: 'paired' };
  }

  private async contacted(id: string, at: string): Promise<void> {
    await this.deps.db
      .updateTable('machines')
      .set({ lastContactAt: at })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Pairs again with a new code, over a connection pinned to the certificate the analyst
   * confirmed now (a reinstalled agent has a new one). The machine keeps its id and name.
   */
  async repair(input: z.output<typeof RepairMachineInputSchema>): Promise<Machine> {
    const row = await this.stored(input.id);
    if (row.transport === 'ssh') {
      throw new DesksideError('validation', 'A machine reached over SSH has no agent to pair with');
    }
    const endpoint = await confirmedEndpoint(
      { address: row.address, port: row.port, fingerprint: input.fingerprint },
      'Nothing was changed.',
    );
    const paired = await pairWithAgent(endpoint, {
      code: input.code,
      ...(this.deps.consoleName ? { consoleName: this.deps.consoleName } : {}),
    });
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('machines')
        .set({
          certPem: endpoint.certPem,
          fingerprint: endpoint.fingerprint,
          hostname: paired.hostname,
          lastContactAt: new Date().toISOString(),
        })
        .where('id', '=', input.id)
        .execute();
      await this.deps.credentials.keep(trx, input.id, paired.credential);
    });
    return this.deps.machines.get(input.id);
  }

  /** Forgets the machine and its credential; evidence taken from it stays as it was. */
  async remove(id: string): Promise<{ id: string }> {
    const result = await this.deps.db
      .deleteFrom('machines')
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new DesksideError('not_found', 'No such machine');
    await this.deps.machines.removed(id);
    return { id };
  }
}
