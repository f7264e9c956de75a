/**
 * The agent's connection to the fleet's NATS server, made with its `.creds` file. Loaded
 * only where fleet mode is used: the NATS client stays out of an agent that does not use it.
 */
import { connect, credsAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { fleetInboxPrefix } from '@deskside/core';
import { fleetCredentialsFile, type AgentConfig } from '../config';
import { FleetCredentialsError, readFleetCredentials, type FleetCredentials } from './credentials';

export interface FleetConnectOptions {
  /** NATS server URLs, e.g. `nats://nats.example.org:4222` or `tls://...`. */
  servers: string[];
  /** The `.creds` file. */
  credentialsFile: string;
  /** Keep reconnecting when the server goes away (the default), or fail at once. */
  reconnect?: boolean;
  /** TLS required, the server's certificate checked against `caFile` (else the system's CAs). */
  tls?: { caFile?: string };
}

/** nats.js's TLS options: a CA file read by the client, or the system's CAs. */
function natsTlsOptions(tls: { caFile?: string } | undefined): { tls?: { caFile?: string } } {
  if (!tls) return {};
  return { tls: tls.caFile ? { caFile: tls.caFile } : {} };
}

/**
 * Connects to the fleet's NATS server as this agent, with its own reply inbox (the only one
 * its identity may subscribe to). A refused identity (revoked, expired, unknown) is a
 * FleetCredentialsError saying so.
 */
export async function connectFleet(
  options: FleetConnectOptions,
): Promise<{ connection: NatsConnection; credentials: FleetCredentials }> {
  const credentials = await readFleetCredentials(options.credentialsFile);
  try {
    const connection = await connect({
      servers: options.servers,
      authenticator: credsAuthenticator(new TextEncoder().encode(credentials.text)),
      inboxPrefix: fleetInboxPrefix('agent', credentials.agentId),
      name: `deskside-agent ${credentials.agentId}`,
      reconnect: options.reconnect ?? true,
      // Once connected, keep trying for as long as the agent runs (laptops come and go).
      maxReconnectAttempts: -1,
      reconnectTimeWait: 2_000,
      ...natsTlsOptions(options.tls),
    });
    return { connection, credentials };
  } catch (error) {
    const message = (error as Error).message;
    if (/authoriz|authenticat|revoked|expired/i.test(message)) {
      throw new FleetCredentialsError(
        `The NATS server refused the fleet identity in ${options.credentialsFile} (${message}): it may have been revoked or have expired. Ask the desk for a new one.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** Connects with the config's `fleet` settings; a FleetCredentialsError when there are none. */
export function connectFleetFromConfig(
  config: AgentConfig,
): Promise<{ connection: NatsConnection; credentials: FleetCredentials }> {
  if (!config.fleet) {
    throw new FleetCredentialsError(
      'Fleet mode is not configured: add "fleet": { "servers": [...] } to the config file',
    );
  }
  return connectFleet({
    servers: config.fleet.servers,
    credentialsFile: fleetCredentialsFile(config),
    ...(config.fleet.tls ? { tls: config.fleet.tls } : {}),
  });
}
