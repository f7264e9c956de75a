import { z } from 'zod';
import { ConsoleTokenSchema } from './pairing';
import { DEFAULT_AGENT_PORT } from './agent-route-table';
import { FingerprintSchema, normalizedString } from './fingerprint';
import { InventorySchema } from './inventory';
import { normalizePairingCode } from './pairing';
import { SshMachineInfoSchema } from './ssh';

/**
 * Another name for the PC the console itself runs on ("This computer"), whose inventory is
 * collected in-process. The console answers with that PC's stable id (a UUID, the same in
 * every analyst's console); tickets and evidence recorded before it had one say `local`.
 */
export const LOCAL_MACHINE_ID = 'local';

export const MachineIdSchema = z.union([z.literal(LOCAL_MACHINE_ID), z.uuid()]);

export const TransportKindSchema = z.enum(['local', 'agent-https', 'ssh', 'nats']);
export type TransportKind = z.infer<typeof TransportKindSchema>;

/** A host name, an IPv4 address or an IPv6 address (bare or in brackets). */
export const MachineAddressSchema = z
  .string()
  .trim()
  .min(1, 'Enter the machine’s address')
  .max(253)
  .regex(
    /^(\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)$/,
    'An address is a host name or an IP address',
  )
  .transform((address) => address.replace(/^\[(.*)\]$/, '$1'));

export const PortSchema = z.number().int().min(1).max(65535);

export const MachineNameSchema = z.string().trim().min(1).max(120);

export const MachineSchema = z.object({
  id: MachineIdSchema,
  name: z.string(),
  transport: TransportKindSchema,
  address: z.string().nullable(),
  port: PortSchema.nullable(),
  fingerprint: z.string().nullable(),
  hostname: z.string().nullable(),
  addedAt: z.iso.datetime().nullable(),
  lastContactAt: z.iso.datetime().nullable(),
  /**
   * The PC this console runs on. Another console's PC is a `local` machine too, reached only
   * from the console on it.
   */
  thisComputer: z.boolean().default(false),
  /** How a machine reached over SSH is logged in to; null for every other machine. */
  ssh: SshMachineInfoSchema.nullable().default(null),
});
export type Machine = z.infer<typeof MachineSchema>;

export const ProbeMachineInputSchema = z.object({
  address: MachineAddressSchema,
  port: PortSchema.default(DEFAULT_AGENT_PORT),
});

export const ProbeResultSchema = z.object({
  address: z.string(),
  port: PortSchema,
  fingerprint: z.string(),
  agentVersion: z.string(),
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

export const AddMachineInputSchema = z.object({
  name: MachineNameSchema.optional(),
  address: MachineAddressSchema,
  port: PortSchema.default(DEFAULT_AGENT_PORT),
  token: ConsoleTokenSchema,
  fingerprint: FingerprintSchema,
});
export type AddMachineInput = z.input<typeof AddMachineInputSchema>;

/** A pairing code as an analyst types it; the console sends its canonical form. */
export const PairingCodeInputSchema = normalizedString(
  normalizePairingCode,
  'A pairing code is 10 letters and digits, as `deskside-agent pair` prints it',
  40,
);

/** Adds a machine by exchanging a pairing code for a credential of this console's own. */
export const PairMachineInputSchema = z.object({
  name: MachineNameSchema.optional(),
  address: MachineAddressSchema,
  port: PortSchema.default(DEFAULT_AGENT_PORT),
  code: PairingCodeInputSchema,
  fingerprint: FingerprintSchema,
});
export type PairMachineInput = z.input<typeof PairMachineInputSchema>;

/**
 * An inventory as fetched for the analyst. The console keeps it for a while under
 * `snapshotId`, so "Attach to ticket" attaches exactly what the analyst saw.
 */
export const InventorySnapshotSchema = z.object({
  snapshotId: z.uuid(),
  machineId: MachineIdSchema,
  machineName: z.string(),
  transport: TransportKindSchema,
  fetchedAt: z.iso.datetime(),
  inventory: InventorySchema,
});
export type InventorySnapshot = z.infer<typeof InventorySnapshotSchema>;
