import {
  INVENTORY_SECTIONS,
  InventoryV2Schema,
  type InventorySectionName,
  type InventoryV2,
} from '@deskside/core';
import { buildDocument, type DocumentInputs, type Observed } from './document';
import { runCommand, type CommandRunner } from './exec';
import { sampleCpuLoad } from './live/cpu-load';
import { sectionProblem } from './errors';
import { STATE_SOURCES, collectStaticSection } from './sections';
import { stateSourcesFor, staticSectionsFor } from './tiers';

export interface CollectInventoryOptions {
  /** The sections to collect; all by default. */
  sections?: readonly InventorySectionName[];
  platform?: NodeJS.Platform;
  run?: CommandRunner;
}

async function observe<T>(
  section: InventorySectionName,
  read: () => Promise<T>,
): Promise<Observed<T>> {
  try {
    const value = await read();
    return { value, observedAt: new Date().toISOString() };
  } catch (error) {
    return { problem: sectionProblem(section, error) };
  }
}

/**
 * Collects the inventory document in this process, everything read now: for the CLI and
 * for the console's own machine. The agent serves requests from InventoryService instead,
 * which keeps static facts cached.
 */
export async function collectInventory(
  options: CollectInventoryOptions = {},
): Promise<InventoryV2> {
  const sections = options.sections ?? INVENTORY_SECTIONS;
  const platform = options.platform ?? process.platform;
  const run = options.run ?? runCommand;
  const statics: DocumentInputs['statics'] = {};
  const states: DocumentInputs['states'] = {};
  // Sampled before collecting, so the load is the machine's rather than this collection's.
  const load = sections.includes('cpu') ? await sampleCpuLoad() : null;
  await Promise.all([
    ...staticSectionsFor(sections, platform).map(async (section) => {
      Object.assign(statics, {
        [section]: await observe(section, () => collectStaticSection(section, platform, run)),
      });
    }),
    ...stateSourcesFor(sections).map(async (source) => {
      const section = source === 'networkConfig' ? 'network' : source;
      Object.assign(states, {
        [source]: await observe<unknown>(section, () => STATE_SOURCES[source]({ platform, run })),
      });
    }),
  ]);
  return InventoryV2Schema.parse(
    await buildDocument({ sections, platform, run, statics, states, load }),
  );
}
