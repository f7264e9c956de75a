/**
 * The consoles of agent.load: each on its own pinned, kept-alive connection, opened before
 * the timed part, sending one request after another (one full inventory in five, check
 * batches otherwise). They share the agent's two cores, so the timed part does no more per
 * answer than read it and look at its status and content type; the bodies are checked
 * against their schemas after the clock stops: every check answer, and a regular sample
 * of the inventories (parsing a few hundred kilobytes for each would load the machine the
 * agent is measured on). An invalid body counts as an error like a failed request.
 */
import { performance } from 'node:perf_hooks';
import { InventorySchema, RunChecksResponseSchema } from '@deskside/core';
import type { AgentData } from './agent-data';
import { PinnedConnection, type RawAnswer } from './pinned-connection';

export type RequestKind = 'inventory' | 'checks';

/** One request in this many is a full inventory; the others run checks. */
const INVENTORY_EVERY = 5;
/** One inventory answer in this many is kept and checked against the schema afterwards. */
const INVENTORY_VALIDATED_EVERY = 10;

const CHECK_BATCHES = [
  [{ checkId: 'memory.pressure' }],
  [{ checkId: 'disk.free' }, { checkId: 'system.uptime' }],
  [{ checkId: 'fs.writable' }],
  [{ checkId: 'memory.pressure' }, { checkId: 'disk.free', params: { path: '/' } }],
];

export interface LoadResult {
  seconds: number;
  /** Requests made in the timed part, answered or not. */
  requests: number;
  /** Of the answers with status 200, by kind (an answer later found invalid included). */
  latencies: Record<RequestKind, number[]>;
  errors: string[];
  /** Connections opened during the timed part (the agent closed a kept-alive one). */
  newConnections: number;
  /** Answers whose bodies were checked against their schema. */
  validated: number;
  /**
   * How long each check ran by its own account, by check id: the time it held one of the
   * runner's slots, which the other checks queue for.
   */
  checkMs: Map<string, number[]>;
}

interface Kept {
  kind: RequestKind;
  bytes: Buffer;
}

/** The status and content type: all the timed part looks at. */
function refusal(response: RawAnswer): string | null {
  if (response.status !== 200) {
    return `HTTP ${response.status}: ${response.body.toString('utf8', 0, 200)}`;
  }
  if (!response.contentType.startsWith('application/json')) {
    return `content-type ${response.contentType || '(none)'}`;
  }
  return null;
}

/** Why a kept body is not a valid answer, or null; each check's own duration goes to `checkMs`. */
function invalidBody({ kind, bytes }: Kept, checkMs: Map<string, number[]>): string | null {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return `${kind}: the body is not JSON`;
  }
  if (kind === 'inventory') {
    const inventory = InventorySchema.safeParse(value);
    return inventory.success
      ? null
      : `inventory: invalid body (${inventory.error.issues[0]?.message})`;
  }
  const checks = RunChecksResponseSchema.safeParse(value);
  if (!checks.success) return `checks: invalid body (${checks.error.issues[0]?.message})`;
  for (const { checkId, durationMs } of checks.data.results) {
    const samples = checkMs.get(checkId) ?? [];
    samples.push(durationMs);
    checkMs.set(checkId, samples);
  }
  return null;
}

/**
 * `clients` consoles on their own connections, each opened with a health request, then
 * `durationMs` of requests, timed; the kept bodies are validated once the time is up.
 */
export async function runLoad(options: {
  data: AgentData;
  port: number;
  clients: number;
  durationMs: number;
}): Promise<LoadResult> {
  const { data, port } = options;
  const connections = Array.from(
    { length: options.clients },
    () => new PinnedConnection(data, port),
  );
  try {
    // The handshakes are not the steady state: consoles keep their connection.
    await Promise.all(
      connections.map(async (connection) => {
        const opened = await connection.request('/v1/health');
        if (opened.status !== 200) throw new Error(`GET /v1/health answered ${opened.status}`);
      }),
    );
    const latencies: Record<RequestKind, number[]> = { inventory: [], checks: [] };
    const errors: string[] = [];
    const kept: Kept[] = [];
    let requests = 0;
    let newConnections = 0;
    let inventories = 0;
    const started = performance.now();
    const deadline = started + options.durationMs;
    const client = async (connection: PinnedConnection, index: number) => {
      for (let n = index; performance.now() < deadline; n++) {
        const kind: RequestKind = n % INVENTORY_EVERY === 0 ? 'inventory' : 'checks';
        requests++;
        try {
          const response =
            kind === 'inventory'
              ? await connection.request('/v1/inventory')
              : await connection.request('/v1/checks/run', {
                  checks: CHECK_BATCHES[n % CHECK_BATCHES.length],
                });
          if (!response.reused) newConnections++;
          const refused = refusal(response);
          if (refused !== null) {
            errors.push(refused);
            continue;
          }
          latencies[kind].push(response.ms);
          if (kind === 'checks' || inventories++ % INVENTORY_VALIDATED_EVERY === 0) {
            kept.push({ kind, bytes: response.body });
          }
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    };
    await Promise.all(connections.map(client));
    const seconds = (performance.now() - started) / 1000;
    const checkMs = new Map<string, number[]>();
    for (const answer of kept) {
      const invalid = invalidBody(answer, checkMs);
      if (invalid !== null) errors.push(invalid);
    }
    return {
      seconds,
      requests,
      latencies,
      errors,
      newConnections,
      validated: kept.length,
      checkMs,
    };
  } finally {
    for (const connection of connections) connection.close();
  }
}
