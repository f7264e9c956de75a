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
import type { Logger } from 'pino';
import {
  DesksideError,
  type AnalystRole,
  type FleetEnrolmentOutcome,
  type FleetEnrolmentSkip,
  type FleetLinkSettings,
  type FleetRevocation,
  type Machine,
  type PairedMachine,
} from '@deskside/core';
import { agentPost } from '../machines/agent-client';
import type { MachineService } from '../machines/machine-service';
import { pushFleetAccount } from './account-updates';
import type { DeskFleetAuthority } from './desk-fleet-authority';
import type { FleetAuthority } from './fleet-authority';

export interface FleetEnrolmentDeps {
  authority: DeskFleetAuthority;
  machines: MachineService;
  /** This console's fleet settings, null when fleet mode is off. */
  settings: () => FleetLinkSettings | null;
  /** Whether the desk has roles, and the signed-in analyst's (`DeskService.session`). */
  session: () => Promise<{ roles: boolean; role: AnalystRole | null }>;
  logger?: Pick<Logger, 'warn'>;
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
      // An identity nobody holds is revoked at once: it never left this console, so the desk's
      // record is enough and the server need not be told.
      await this.deps.authority.revokeIdentities(machine.id, (key) => key === issued.publicKey);
      const detail = error instanceof Error ? error.message : String(error);
      return skipped(
        'delivery_failed',
        `The agent did not take its fleet identity (${detail}), which is revoked again: the machine stays in direct mode`,
      );
    }
    // One identity per machine: those issued before (an earlier enrolment) are revoked, and
    // the server is told so that nothing else connects as the machine.
    const earlier = await this.deps.authority.revokeIdentities(
      machine.id,
      (key) => key !== issued.publicKey,
    );
    if (earlier.revoked.length > 0) await this.tellServer(earlier.authority, settings);
    return { enrolled: true, fleetId: machine.id, publicKey: issued.publicKey };
  }

  /**
   * `machines.fleetRevoke`: revokes every identity issued to the machine and tells the NATS
   * server, which cuts the agent off without a restart. The agent keeps its direct pairing.
   */
  async revoke(id: string): Promise<FleetRevocation> {
    const machine = await this.deps.machines.get(id);
    const { roles, role } = await this.deps.session();
    if (roles && (role === null || !ISSUERS.includes(role))) {
      throw new DesksideError(
        'forbidden',
        'Only a lead or an administrator may take machines out of the fleet',
      );
    }
    const { authority, revoked } = await this.deps.authority.revokeAgent(machine.id);
    const settings = this.deps.settings();
    if (revoked.length === 0) return { revoked, serverUpdated: false, detail: null };
    if (!settings) {
      return {
        revoked,
        serverUpdated: false,
        detail:
          'This console is not in fleet mode: the server refuses the machine once a console in fleet mode revokes an identity again',
      };
    }
    const refused = await this.tellServer(authority, settings);
    return { revoked, serverUpdated: refused === null, detail: refused };
  }

  /** Pushes the fleet account to the servers; answers why it could not, or null. */
  private async tellServer(
    authority: FleetAuthority,
    settings: FleetLinkSettings,
  ): Promise<string | null> {
    try {
      await pushFleetAccount(authority, settings.servers, { tlsCaFile: settings.tlsCaFile });
      return null;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.logger?.warn({ err: error }, 'fleet account update not taken by the server');
      return `The NATS server was not told (${reason}): it refuses the revoked identities once it gets the fleet account`;
    }
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
