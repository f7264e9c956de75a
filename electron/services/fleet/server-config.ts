/**
 * A nats-server configuration for the desk's fleet: JetStream on, decentralised
 * authentication with the desk as operator, and the full account resolver, which keeps
 * account JWTs in a folder and takes updates at run time from the system account (so a
 * revocation needs no restart).
 */
import type { FleetAuthority } from './fleet-authority';

export interface NatsServerConfigOptions {
  /** Address and port clients connect to. */
  host: string;
  port: number;
  /** JetStream's store folder. */
  storeDir: string;
  /** The resolver's folder of account JWTs. */
  resolverDir: string;
  /** A monitoring port (`/healthz`, `/varz`), none when absent. */
  httpPort?: number;
  /** Seconds a client has to finish its handshake (nats-server's default: 2). */
  authTimeoutSeconds?: number;
  /** Client connections the server accepts (nats-server's default: 65,536). */
  maxConnections?: number;
  /** TLS for clients: every client must then connect with TLS. */
  tls?: NatsServerTls;
}

/** The server's certificate and key (PEM files), and optionally a CA for client certificates. */
export interface NatsServerTls {
  certFile: string;
  keyFile: string;
  /** CA file clients' certificates are checked against (with `verify`). */
  caFile?: string;
  /** Require and check a client certificate signed by `caFile`, on top of the identity. */
  verify?: boolean;
}

/** nats-server's `tls {}` block. */
function tlsBlock(tls: NatsServerTls): Record<string, unknown> {
  if (tls.verify && !tls.caFile) {
    throw new Error('TLS verification of clients needs a CA file to check them against');
  }
  return {
    cert_file: tls.certFile,
    key_file: tls.keyFile,
    ...(tls.caFile === undefined ? {} : { ca_file: tls.caFile }),
    ...(tls.verify ? { verify: true } : {}),
    // Seconds for the TLS handshake (nats-server's default, 2, is short for a loaded server).
    timeout: 5,
  };
}

/** nats-server reads JSON as its configuration format, so values are quoted by JSON itself. */
export async function natsServerConfig(
  authority: FleetAuthority,
  options: NatsServerConfigOptions,
): Promise<string> {
  const [operator, systemAccount, fleetAccount] = await Promise.all([
    authority.operatorJwt(),
    authority.systemAccountJwt(),
    authority.fleetAccountJwt(),
  ]);
  const config = {
    host: options.host,
    port: options.port,
    ...(options.httpPort === undefined ? {} : { http: `${options.host}:${options.httpPort}` }),
    server_name: 'deskside',
    ...(options.authTimeoutSeconds === undefined
      ? {}
      : { authorization: { timeout: options.authTimeoutSeconds } }),
    ...(options.maxConnections === undefined ? {} : { max_connections: options.maxConnections }),
    ...(options.tls === undefined ? {} : { tls: tlsBlock(options.tls) }),
    jetstream: { store_dir: options.storeDir },
    operator,
    system_account: authority.systemAccountPublicKey,
    resolver: { type: 'full', dir: options.resolverDir, allow_delete: false, interval: '2m' },
    resolver_preload: {
      [authority.systemAccountPublicKey]: systemAccount,
      [authority.fleetAccountPublicKey]: fleetAccount,
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
