import { z } from 'zod';
import { normalizedString } from './fingerprint';

/*
 * Reaching a machine over SSH: where it is, how the analyst logs in, and the host key the
 * desk confirmed for it. Host keys are shown and stored as OpenSSH prints them,
 * `SHA256:<base64 without padding>`, so an analyst can compare them with `ssh-keygen -l`.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without padding (core has no Buffer or btoa to lean on). */
function bytesToBase64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
    const chunk = (a << 16) | (b << 8) | c;
    const chars = Math.min(4, bytes.length - i + 1);
    for (let j = 0; j < chars; j++) out += BASE64.charAt((chunk >> (18 - 6 * j)) & 63);
  }
  return out;
}

/** 43 base64 characters hold 258 bits; a 32-byte digest leaves the last 2 bits zero. */
const SHA256_BASE64 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]$/;

/**
 * An SSH host key fingerprint in OpenSSH's form, `SHA256:<base64 without padding>`, from
 * that form (with or without the prefix or padding) or from the SHA-256 in hexadecimal
 * (with or without colons); null for anything else.
 */
export function normalizeSshFingerprint(text: string): string | null {
  const trimmed = text.trim();
  const hex = trimmed.replace(/:/g, '');
  if (/^[0-9a-fA-F]{64}$/.test(hex)) {
    return `SHA256:${bytesToBase64(hex.match(/../g)!.map((h) => parseInt(h, 16)))}`;
  }
  const base64 = trimmed.replace(/^SHA256:/i, '').replace(/=+$/, '');
  return SHA256_BASE64.test(base64) ? `SHA256:${base64}` : null;
}

export const SshFingerprintSchema = normalizedString(
  normalizeSshFingerprint,
  'An SSH host key fingerprint looks like SHA256: and 43 letters, digits, + or / (as ssh-keygen -l prints it)',
  200,
);

/** Where a machine's SSH server listens and whom to log in as. */
export const SshTargetSchema = z.object({
  host: z
    .string()
    .min(1)
    .max(253)
    .regex(
      /^[A-Za-z0-9.:_][A-Za-z0-9._:-]*$/,
      'A host is a name or an IP address (letters, digits, . - :), not starting with -',
    ),
  port: z.number().int().min(1).max(65535).default(22),
  username: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._][A-Za-z0-9._@-]*$/, 'A user name has letters, digits, . _ @ -'),
});
export type SshTarget = z.infer<typeof SshTargetSchema>;

/** How the analyst logs in: a private key (OpenSSH or PEM text), the ssh-agent, a password. */
export const SshAuthSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('key'),
    privateKey: z
      .string()
      .min(1)
      .max(64 * 1024),
    passphrase: z.string().max(1024).optional(),
  }),
  z.object({
    kind: z.literal('agent'),
    /** The agent's socket (or Windows pipe); SSH_AUTH_SOCK when absent. */
    socket: z.string().min(1).max(4096).optional(),
  }),
  z.object({ kind: z.literal('password'), password: z.string().min(1).max(1024) }),
]);
export type SshAuth = z.infer<typeof SshAuthSchema>;

/** One hop: the server, how to log in, and its confirmed host key (null before first contact). */
export const SshHopSchema = z.object({
  target: SshTargetSchema,
  auth: SshAuthSchema,
  hostKey: SshFingerprintSchema.nullable(),
});
export type SshHop = z.infer<typeof SshHopSchema>;

/** A machine reached over SSH, directly or through a jump host. */
export const SshMachineSchema = SshHopSchema.extend({ jump: SshHopSchema.optional() });
export type SshMachine = z.infer<typeof SshMachineSchema>;

/** A jump host as the desk keeps it: where it is and its confirmed host key. */
export const SshJumpInfoSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  username: z.string(),
  hostKey: z.string(),
});

/**
 * Whether the analyst at this console can log in to a machine over SSH: `remembered` (their
 * login is sealed on this PC), `session` (held in memory until the console closes), `none`.
 * Logins are each analyst's own: the desk's database never holds one.
 */
export const SshLoginStateSchema = z.enum(['remembered', 'session', 'none']);
export type SshLoginState = z.infer<typeof SshLoginStateSchema>;

/** What the desk keeps of a machine reached over SSH, and this analyst's login to it. */
export const SshMachineInfoSchema = z.object({
  username: z.string(),
  hostKey: z.string(),
  jump: SshJumpInfoSchema.nullable(),
  login: SshLoginStateSchema,
  /** What the analyst logs in with (never the secret itself). */
  authKind: z.enum(['key', 'agent', 'password']).nullable(),
});
export type SshMachineInfo = z.infer<typeof SshMachineInfoSchema>;

/** A jump host while adding a machine: its host key must have been confirmed already. */
export const SshJumpInputSchema = SshHopSchema.extend({ hostKey: SshFingerprintSchema });

/**
 * First contact: the host key of the first server on the way whose key is not confirmed yet
 * (the jump host's before the machine's). Nothing but the key exchange reaches a server
 * whose key is unconfirmed; the jump host's login is used only once its key is confirmed.
 */
export const ProbeSshMachineInputSchema = z.object({
  target: SshTargetSchema,
  jump: SshHopSchema.optional(),
});
export type ProbeSshMachineInput = z.input<typeof ProbeSshMachineInputSchema>;

export const SshProbeResultSchema = z.object({
  /** Whose key this is. */
  hop: z.enum(['machine', 'jump']),
  host: z.string(),
  port: z.number().int(),
  /** As `ssh-keygen -l` prints it: `SHA256:` and 43 base64 characters. */
  fingerprint: z.string(),
});
export type SshProbeResult = z.infer<typeof SshProbeResultSchema>;

/** Whether the console keeps a login after it closes (sealed on this PC) or forgets it. */
const RememberSchema = z.boolean().default(false);

export const AddSshMachineInputSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  target: SshTargetSchema,
  auth: SshAuthSchema,
  /** The host key the analyst confirmed against the machine. */
  hostKey: SshFingerprintSchema,
  jump: SshJumpInputSchema.optional(),
  remember: RememberSchema,
});
export type AddSshMachineInput = z.input<typeof AddSshMachineInputSchema>;

/** This analyst's own login to a machine the desk already reaches over SSH. */
export const SshLoginInputSchema = z.object({
  id: z.uuid(),
  auth: SshAuthSchema,
  /** The login to the jump host, where the machine has one. */
  jumpAuth: SshAuthSchema.optional(),
  remember: RememberSchema,
});
export type SshLoginInput = z.input<typeof SshLoginInputSchema>;

/**
 * A new host key, confirmed by the analyst after the machine's key changed (a reinstalled
 * server, a replaced disk). It replaces the old key for the whole desk, and says so in the
 * audit log; a changed key is never taken without this.
 */
export const ConfirmSshHostKeyInputSchema = z.object({
  id: z.uuid(),
  hop: z.enum(['machine', 'jump']).default('machine'),
  hostKey: SshFingerprintSchema,
});

/** The fingerprints an OpenSSH `known_hosts` file holds for one host. */
export const KnownHostsInputSchema = z.object({
  text: z.string().max(1024 * 1024, 'A known_hosts file of more than 1 MB is not read'),
  host: SshTargetSchema.shape.host,
  port: SshTargetSchema.shape.port,
});
export const KnownHostsResultSchema = z.object({ fingerprints: z.array(z.string()) });
