/**
 * The `fleetEnrol` route: a paired console hands this agent its fleet identity. The agent
 * checks the `.creds` text, keeps it (owner-only), keeps the servers (and their CA) in
 * `fleet.json` in its data folder, and starts fleet mode at once. `serve` reads `fleet.json`
 * at start-up when the config file has no `fleet`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import type { FleetEnrolRequest, FleetEnrolResponse } from '@deskside/core';
import { FleetConfigSchema, fleetCredentialsFile, type AgentConfig } from '../config';
import type { RequestContext } from '../server/context';
import { AgentError } from '../server/errors';
import {
  FleetCredentialsError,
  parseFleetCredentials,
  writeFleetCredentials,
  writeOwnerOnlyFile,
} from './credentials';
import type { FleetModeControl, FleetSettings } from './fleet-mode';

/** The fleet settings a console delivered, in the data folder. */
export const FLEET_SETTINGS_FILE = 'fleet.json';
/** The CA the servers' certificates are checked against, when a console delivered one. */
export const FLEET_CA_FILE = 'fleet-ca.pem';

export const fleetSettingsFile = (dataDir: string): string =>
  path.join(dataDir, FLEET_SETTINGS_FILE);

/** The fleet settings kept in the data folder, or null when there are none. */
export async function readFleetSettingsFile(dataDir: string): Promise<FleetSettings | null> {
  const file = fleetSettingsFile(dataDir);
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON`);
  }
  const parsed = z.safeParse(FleetConfigSchema, json);
  if (!parsed.success || !parsed.data) throw new Error(`${file} holds no usable fleet settings`);
  return parsed.data;
}

export interface FleetEnrolmentDeps {
  config: AgentConfig;
  control: FleetModeControl;
}

/** Keeps the delivered identity and settings, then (re)starts fleet mode with them. */
export async function enrolInFleet(
  ctx: RequestContext,
  body: FleetEnrolRequest,
  deps: FleetEnrolmentDeps,
): Promise<FleetEnrolResponse> {
  const { config, control } = deps;
  let credentials;
  try {
    credentials = await parseFleetCredentials(body.creds, 'The credentials sent');
  } catch (error) {
    if (error instanceof FleetCredentialsError) throw new AgentError('bad_request', error.message);
    throw error;
  }
  // The identity first, the settings naming it last: `fleet.json` makes the next start use
  // fleet mode, so it is written only once what it needs is in place.
  await writeFleetCredentials(fleetCredentialsFile(config), body.creds);
  let tls = config.fleet?.tls;
  if (body.tlsCaPem !== undefined) {
    const caFile = path.join(config.dataDir, FLEET_CA_FILE);
    await writeOwnerOnlyFile(caFile, body.tlsCaPem);
    tls = { caFile };
  }
  const kept = { servers: body.servers, ...(tls ? { tls } : {}) };
  await writeOwnerOnlyFile(fleetSettingsFile(config.dataDir), `${JSON.stringify(kept, null, 2)}\n`);
  const expiresAt = credentials.expiresAt?.toISOString() ?? null;
  ctx.audit.fleet = {
    agentId: credentials.agentId,
    publicKey: credentials.publicKey,
    expiresAt,
    servers: body.servers,
    tlsCa: body.tlsCaPem !== undefined,
  };
  ctx.log.info({ agentId: credentials.agentId, servers: body.servers }, 'fleet identity taken');
  const { restarted } = await control.start({ ...config.fleet, ...kept });
  return {
    agentId: credentials.agentId,
    publicKey: credentials.publicKey,
    expiresAt,
    fleetMode: restarted ? 'restarted' : 'started',
  };
}
