/**
 * What the Windows and macOS inventories over SSH share: the sections the agent's own
 * collectors read, each asked section read once by its reader, in parallel, and a document
 * in core's schema (version 2) in which a section without a reader, or whose reader failed,
 * is in `problems` with the reason.
 */
import {
  CommandError,
  collectBatteries,
  collectInstalledSoftware,
  collectLoggedInUsers,
  collectNetworkConfig,
  collectPendingUpdates,
  collectPrinters,
  sectionProblem,
  type CommandResult,
  type CommandRunner,
} from '@deskside/agent/collect';
import {
  INVENTORY_SECTIONS,
  InventoryV2Schema,
  type InventorySectionName,
  type InventorySections,
  type InventoryV2,
  type SectionProblem,
} from '@deskside/core';

export interface RemoteInventoryOptions {
  sections?: readonly InventorySectionName[];
  /** The console's clock, for collectedAt and observedAt. */
  now?: () => Date;
}

export type SectionReaders = {
  [K in InventorySectionName]?: () => Promise<InventorySections[K]>;
};

/** Calls `read` once per key, however many sections ask for it. */
export function once<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let pending = cache.get(key);
    if (!pending) {
      pending = read(key);
      cache.set(key, pending);
    }
    return pending;
  };
}

/** stdout, also of a command that failed on part of its work; a failure that printed nothing throws. */
export function stdoutOf(program: string, result: CommandResult): string {
  if (result.exitCode !== 0 && result.stdout.trim() === '') {
    const why = result.stderr.trim().split(/\r?\n/)[0] ?? '';
    throw new CommandError(
      'failed',
      program,
      `${program} exited with ${result.exitCode}${why ? `: ${why}` : ''}`,
    );
  }
  return result.stdout;
}

/**
 * The sections the agent's own collectors read on Windows and macOS through a command
 * runner, and the network: the machine's interfaces with the agent's gateways and resolvers.
 */
export function agentReaders(
  agent: { platform: 'win32' | 'darwin'; run: CommandRunner },
  interfaces: () => Promise<InventorySections['network']['interfaces']>,
): Pick<SectionReaders, 'network' | 'users' | 'battery' | 'printers' | 'software' | 'updates'> {
  return {
    network: async () => {
      const [list, config] = await Promise.all([interfaces(), collectNetworkConfig(agent)]);
      return { interfaces: list, ...config };
    },
    users: async () => (await collectLoggedInUsers(agent)).users,
    battery: () => collectBatteries(agent),
    printers: () => collectPrinters(agent),
    software: () => collectInstalledSoftware(agent),
    updates: () => collectPendingUpdates(agent),
  };
}

/** The first line of an output, trimmed. */
export const firstLine = (value: string) => value.trim().split(/\r?\n/)[0]?.trim() ?? '';

/** The document: each asked section from its reader, or a problem saying why not. */
export async function inventoryDocument(
  readers: SectionReaders,
  hostname: Promise<string>,
  options: RemoteInventoryOptions,
): Promise<InventoryV2> {
  const now = options.now ?? (() => new Date());
  const sections = options.sections ?? INVENTORY_SECTIONS;
  const values: Partial<Record<InventorySectionName, unknown>> = {};
  const observedAt: InventoryV2['observedAt'] = {};
  const problems: SectionProblem[] = [];
  await Promise.all(
    sections.map(async (section) => {
      const reader = readers[section] as (() => Promise<unknown>) | undefined;
      if (!reader) {
        problems.push({
          section,
          reason: 'unsupported',
          message: `${section} is not read over SSH yet`,
        });
        return;
      }
      try {
        values[section] = await reader();
        observedAt[section] = now().toISOString();
      } catch (error) {
        problems.push(sectionProblem(section, error));
      }
    }),
  );
  const ordered = Object.fromEntries(
    sections.filter((s) => s in values).map((s) => [s, values[s]]),
  );
  return InventoryV2Schema.parse({
    schemaVersion: 2,
    collectedAt: now().toISOString(),
    hostname: await hostname.catch(() => ''),
    ...ordered,
    observedAt,
    problems: problems.sort((a, b) => sections.indexOf(a.section) - sections.indexOf(b.section)),
  });
}
