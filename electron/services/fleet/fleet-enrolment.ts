/**
 * Fleet enrolment: a machine paired with this desk (by code, again, or by enrolment file)
 * joins the fleet when this console is in fleet mode and the desk holds its fleet authority.
 * The desk issues the agent's identity (its machine id as fleet id; audited by
 * `DeskFleetAuthority`) and delivers it with the servers (and their CA) over the paired HTTPS
 * channel, the agent's signed `fleetEnrol` route; the agent starts fleet mode at once.
 *
 * Only leads and administrators may issue identities on a desk with roles (the database
 * grants them, not analysts, the authority's row): an analyst's pairing stays direct, and the
 * answer says why. So does any other reason a machine stays direct.
 */
import { readFile } from 'node:fs/promises';
import {
  DesksideError,
  type AnalystRole,
  type FleetEnrolmentOutcome,
  type FleetEnrolmentSkip,
  type FleetLinkSettings,
  type Machine,
  type PairedMachine,
} from '@deskside/core';
import { agentPost } from '../machines/agent-client';
import type { MachineService } from '../machines/machine-service';
import type { DeskFleetAuthority } from './desk-fleet-authority';

export interface FleetEnrolmentDeps {
  authority: DeskFleetAuthority;
  machines: MachineService;
  /** This console's fleet settings, null when fleet mode is off. */
  settings: () => FleetLinkSettings | null;
  /** Whether the desk has roles, and the signed-in analyst's (`DeskService.session`). */
  session: () => Promise<{ roles: boolean; role: AnalystRole | null }>;
}

const ISSUERS: readonly AnalystRole[] = ['lead', 'admin'];

const skipped = (reason: FleetEnrolmentSkip, detail: string): FleetEnrolmentOutcome => ({
  enrolled: false,
  reason,
  detail,
});

export class FleetEnrolmentService {
  constructor(private readonly deps: FleetEnrolmentDeps) {}

  /** Enrols the machine in the fleet, or says why it stays in direct mode. */
  async enrol(machine: Machine): Promise<FleetEnrolmentOutcome> {
    if (machine.transport !== 'agent-https') {
      return skipped('not_an_agent', `${machine.name} is not reached through a Deskside agent`);
    }
    const settings = this.deps.settings();
    if (!settings) {
      return skipped(
        'fleet_off',
        'This console is not in fleet mode (Settings → Agents → Fleet): the machine stays in direct mode',
      );
    }
    const { roles, role } = await this.deps.session();
    if (roles && (role === null || !ISSUERS.includes(role))) {
      return skipped(
        'not_permitted',
        'Only a lead or an administrator may enrol machines in the fleet: the machine stays in direct mode until one of them enrols it',
      );
    }
    if (!(await this.deps.authority.exists())) {
      return skipped(
        'no_authority',
        'The desk holds no fleet authority: the machine stays in direct mode',
      );
    }
    let tlsCaPem: string | undefined;
    try {
      tlsCaPem = settings.tlsCaFile ? await readFile(settings.tlsCaFile, 'utf8') : undefined;
    } catch (error) {
      return skipped(
        'delivery_failed',
        `The servers' CA file ${settings.tlsCaFile ?? ''} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): the machine stays in direct mode`,
      );
    }
    const issued = await this.deps.authority.issueAgent(machine.id);
    try {
      await agentPost(await this.deps.machines.pinnedAgent(machine.id), 'fleetEnrol', {
        servers: settings.servers,
        creds: issued.creds,
        ...(tlsCaPem ? { tlsCaPem } : {}),
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return skipped(
        'delivery_failed',
        `The fleet identity was issued but the agent did not take it (${detail}): the machine stays in direct mode`,
      );
    }
    return { enrolled: true, fleetId: machine.id, publicKey: issued.publicKey };
  }

  /** A machine just paired, with whether it joined the fleet. */
  async afterPairing(machine: Machine): Promise<PairedMachine> {
    return { ...machine, fleetEnrolment: await this.enrol(machine) };
  }

  /** `machines.fleetEnrol`: enrols an already-paired machine. */
  async enrolById(id: string): Promise<PairedMachine> {
    const machine = await this.deps.machines.get(id);
    if (machine.transport !== 'agent-https') {
      throw new DesksideError(
        'validation',
        `${machine.name} is not reached through a Deskside agent`,
      );
    }
    return this.afterPairing(machine);
  }
}
