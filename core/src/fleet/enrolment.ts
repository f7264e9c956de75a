/**
 * Fleet enrolment: the desk hands a paired agent its fleet identity over the paired HTTPS
 * channel (the agent's `fleetEnrol` route), when a console pairs it, accepts its enrolment
 * file, or is asked to (`machines.fleetEnrol`).
 */
import { z } from 'zod';
import { MachineIdSchema, MachineSchema } from '../machine';
import { NatsServerUrlSchema } from './presence';

/** What the desk sends the agent: the servers, the `.creds` text and the servers' CA. */
export const FleetEnrolRequestSchema = z.strictObject({
  servers: z.array(NatsServerUrlSchema).min(1).max(16),
  /** The `.creds` file's text (a user JWT named `agent-<id>` and its seed). Secret. */
  creds: z
    .string()
    .min(1)
    .max(16 * 1024),
  /** The CA (PEM) the servers' certificates are checked against; absent: no TLS asked for. */
  tlsCaPem: z
    .string()
    .min(1)
    .max(64 * 1024)
    .regex(/-----BEGIN CERTIFICATE-----/, 'must be a PEM certificate')
    .optional(),
});
export type FleetEnrolRequest = z.infer<typeof FleetEnrolRequestSchema>;

/** The agent's answer: the identity it now uses, fleet mode running with it. */
export const FleetEnrolResponseSchema = z.strictObject({
  agentId: z.string(),
  publicKey: z.string(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  /** `started`: fleet mode was off until now; `restarted`: it ran and now uses the new identity. */
  fleetMode: z.enum(['started', 'restarted']),
});
export type FleetEnrolResponse = z.infer<typeof FleetEnrolResponseSchema>;

/** Why a paired machine was left in direct mode. */
export const FleetEnrolmentSkipSchema = z.enum([
  /** This console has no fleet settings. */
  'fleet_off',
  /** The desk holds no fleet authority. */
  'no_authority',
  /** The signed-in analyst may not issue fleet identities (leads and administrators may). */
  'not_permitted',
  /** The machine is not reached through an agent (this computer, or SSH). */
  'not_an_agent',
  /** The identity was issued but the agent did not take it (outdated, refused, unreachable). */
  'delivery_failed',
]);
export type FleetEnrolmentSkip = z.infer<typeof FleetEnrolmentSkipSchema>;

export const FleetEnrolmentOutcomeSchema = z.discriminatedUnion('enrolled', [
  z.strictObject({
    enrolled: z.literal(true),
    /** The fleet id: the machine's id. */
    fleetId: z.string(),
    publicKey: z.string(),
  }),
  z.strictObject({
    enrolled: z.literal(false),
    reason: FleetEnrolmentSkipSchema,
    /** In words the analyst can act on. */
    detail: z.string(),
  }),
]);
export type FleetEnrolmentOutcome = z.infer<typeof FleetEnrolmentOutcomeSchema>;

/** A machine just paired (by code, again, or by enrolment file), and whether it joined the fleet. */
export const PairedMachineSchema = MachineSchema.extend({
  fleetEnrolment: FleetEnrolmentOutcomeSchema,
});
export type PairedMachine = z.infer<typeof PairedMachineSchema>;

export const FleetEnrolInputSchema = z.strictObject({ id: MachineIdSchema });

/**
 * A machine taken out of the fleet (`machines.fleetRevoke`): the public keys revoked, and
 * whether the NATS server took the fleet account's update (it then cuts the agent off at
 * once). When it did not, `detail` says why: the desk keeps the revocation, and the server
 * refuses the keys once it gets the account (revoke again when it can be reached).
 */
export const FleetRevocationSchema = z.strictObject({
  revoked: z.array(z.string()),
  serverUpdated: z.boolean(),
  detail: z.string().nullable(),
});
export type FleetRevocation = z.infer<typeof FleetRevocationSchema>;
