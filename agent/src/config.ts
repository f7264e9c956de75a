import path from 'node:path';
import envPaths from 'env-paths';
import * as z from 'zod/mini';
import { DEFAULT_AGENT_PORT } from '@deskside/core';

export const defaultDataDir = (): string => envPaths('deskside-agent', { suffix: '' }).data;

const KIB = 1024;
const MIB = 1024 * KIB;

/** A whole number from `min` to `max`, `fallback` when absent. */
const count = (min: number, max: number, fallback: number) =>
  z._default(z.int().check(z.minimum(min), z.maximum(max)), fallback);

const LimitsSchema = z.prefault(
  z.strictObject({
    /** Largest request body accepted. */
    maxBodyBytes: count(1 * KIB, 16 * MIB, 64 * KIB),
    /** Requests a minute one console may make (bursts up to the same number). */
    ratePerConsole: count(1, 1_000_000, 600),
    /** Requests a minute from one address (an IPv6 /64 counts as one), before authentication. */
    ratePerAddress: count(1, 1_000_000, 1200),
    /** Checks running at once across all requests (the check runner's limit). */
    concurrentChecks: count(1, 64, 4),
    /**
     * How far, in seconds, a signed request's time may be from this agent's clock either way:
     * how long a signature the desk gave stays usable (once). Clocks must agree this well.
     */
    signatureWindowSeconds: count(5, 3600, 300),
  }),
  {},
);

const AuditSchema = z.prefault(
  z.strictObject({
    /** The audit log; `audit.log` in the data folder by default. */
    file: z.optional(z.string().check(z.minLength(1))),
    /** Size at which the log is rotated. */
    maxFileBytes: count(64 * KIB, 1024 * MIB, 10 * MIB),
    /** Rotated files kept (audit.log.1 ... audit.log.N) besides the current one. */
    keepFiles: count(1, 100, 5),
  }),
  {},
);

/**
 * Fleet mode: the NATS servers this agent connects out to, and its identity there (a `.creds`
 * file the desk issued; `deskside-agent fleet-credentials` installs it, readable by its owner
 * only). Absent: no fleet mode.
 */
export const FleetConfigSchema = z.optional(
  z.strictObject({
    servers: z
      .array(
        z
          .string()
          .check(
            z.regex(
              /^(nats|tls):\/\/[0-9A-Za-z.:[\]-]+(:\d{1,5})?$/,
              'must be a NATS server URL such as nats://nats.example.org:4222 or tls://...',
            ),
          ),
      )
      .check(z.minLength(1), z.maxLength(16)),
    /** The `.creds` file; `fleet.creds` in the data folder by default. */
    credentialsFile: z.optional(z.string().check(z.minLength(1))),
    /** Seconds between heartbeats in the presence bucket (15 by default). */
    heartbeatSeconds: z.optional(z.int().check(z.minimum(1), z.maximum(3600))),
    /**
     * The employee's help page on http://127.0.0.1:<helpPort> (loopback only); 0 picks a free
     * port, absent: 7480.
     */
    helpPort: z.optional(z.int().check(z.minimum(0), z.maximum(65535))),
    /** Seconds between two looks for the desk's answers (5 by default). */
    helpPollSeconds: z.optional(z.int().check(z.minimum(1), z.maximum(3600))),
    /**
     * TLS to the servers: `caFile`, the CA (PEM) the servers' certificates are checked
     * against when it is not one the system trusts. Present (even `{}`): TLS is required.
     */
    tls: z.optional(z.strictObject({ caFile: z.optional(z.string().check(z.minLength(1))) })),
  }),
);

/**
 * The agent's configuration: the config file (JSON), then command-line flags over it.
 * Unknown fields are refused, so a misspelt setting is never silently ignored.
 * Built with zod/mini, as every schema the agent checks while it idles (README, "Keeping
 * the idle agent small").
 */
export const AgentConfigSchema = z.strictObject({
  address: z._default(
    z
      .string()
      .check(
        z.trim(),
        z.minLength(1),
        z.maxLength(253),
        z.regex(/^[0-9A-Za-z.:-]+$/, 'address must be a host name or an IP address'),
      ),
    '127.0.0.1',
  ),
  port: count(0, 65535, DEFAULT_AGENT_PORT),
  dataDir: z._default(z.string().check(z.minLength(1)), defaultDataDir),
  /** A file holding a pre-provisioned console token (mass deployment). */
  tokenFile: z.optional(z.string().check(z.minLength(1))),
  logLevel: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']), 'info'),
  limits: LimitsSchema,
  audit: AuditSchema,
  fleet: FleetConfigSchema,
});
export type AgentConfig = z.infer<typeof AgentConfigSchema>;
/** What a config file may hold: every field is optional. */
export type AgentConfigInput = z.input<typeof AgentConfigSchema>;

/** Where the fleet identity is kept: `fleet.credentialsFile`, else `fleet.creds` in the data folder. */
export function fleetCredentialsFile(config: AgentConfig): string {
  return config.fleet?.credentialsFile ?? path.join(config.dataDir, 'fleet.creds');
}

/** The help page's port unless the config names one. */
export const DEFAULT_HELP_PORT = 7480;

export function auditFile(config: AgentConfig): string {
  return config.audit.file ?? path.join(config.dataDir, 'audit.log');
}

const ARTICLE: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** One issue in words a person editing the file can act on. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${ARTICLE[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'string'
        ? 'must not be empty'
        : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${String(issue.maximum)} characters`
        : `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

export interface FieldIssue {
  /** The field as it is spelt in the config file, e.g. "limits.ratePerConsole". */
  field: string;
  message: string;
}

/** Every issue, one per field; an unknown field is named itself. */
export function fieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const parent = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...parent, key].join('.'),
        message: 'unknown field',
      }));
    }
    return [{ field: parent.join('.') || '(the whole file)', message: describeIssue(issue) }];
  });
}
