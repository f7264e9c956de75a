import os from 'node:os';
import {
  type CpuLoad,
  type InventorySectionName,
  type InventorySections,
  type InventoryV2,
  type NetworkConfig,
  type SectionProblem,
} from '@deskside/core';
import type { CommandRunner } from './exec';
import { isLiveSection, liveSection } from './live/assemble';
import { sectionProblem } from './errors';
import { SECTION_TIERS } from './tiers';

/** A fact with the time it was read, or why it could not be. */
export type Observed<T> =
  | { value: T; observedAt: string; problem?: undefined }
  | { problem: SectionProblem; value?: undefined };

export interface DocumentInputs {
  sections: readonly InventorySectionName[];
  platform: NodeJS.Platform;
  run: CommandRunner;
  statics: Partial<{ [K in InventorySectionName]: Observed<InventorySections[K]> }>;
  states: Partial<{
    users: Observed<InventorySections['users']>;
    battery: Observed<InventorySections['battery']>;
    printers: Observed<InventorySections['printers']>;
    networkConfig: Observed<NetworkConfig>;
  }>;
  load: CpuLoad | null;
}

/**
 * The inventory document for the sections asked: static and state sections as they were
 * observed, live sections read now on top of their static facts. A section that could not be
 * read is left out and listed in `problems`.
 */
export async function buildDocument(inputs: DocumentInputs): Promise<InventoryV2> {
  const now = new Date().toISOString();
  const document: InventoryV2 = {
    schemaVersion: 2,
    collectedAt: now,
    hostname: os.hostname(),
    observedAt: {},
    problems: [],
  };
  const problems = new Map<string, SectionProblem>();
  const basis: Partial<InventorySections> = {};
  for (const [name, observed] of Object.entries(inputs.statics)) {
    if (observed.value !== undefined) Object.assign(basis, { [name]: observed.value });
  }
  const networkConfig = inputs.states.networkConfig;

  await Promise.all(
    inputs.sections.map(async (section) => {
      let observed: Observed<unknown> | undefined;
      if (isLiveSection(section)) {
        try {
          const value = await liveSection(section, {
            platform: inputs.platform,
            run: inputs.run,
            basis,
            load: inputs.load,
            networkConfig: networkConfig?.value,
          });
          observed = value === undefined ? inputs.statics[section] : { value, observedAt: now };
        } catch (error) {
          observed = { problem: sectionProblem(section, error) };
        }
        if (section === 'network' && networkConfig?.problem) {
          problems.set('network:config', { ...networkConfig.problem, section: 'network' });
        }
      } else if (SECTION_TIERS[section] === 'state') {
        observed = inputs.states[section as 'users' | 'battery' | 'printers'];
      } else {
        observed = inputs.statics[section];
      }
      if (observed?.value !== undefined) {
        Object.assign(document, { [section]: observed.value });
        document.observedAt[section] = observed.observedAt;
      } else if (observed?.problem) {
        problems.set(section, observed.problem);
      }
    }),
  );
  // Sections in the order of the document, whatever order they finished in.
  const ordered = Object.fromEntries(
    inputs.sections.filter((s) => s in document).map((s) => [s, document[s]]),
  );
  return {
    schemaVersion: 2,
    collectedAt: now,
    hostname: document.hostname,
    ...ordered,
    observedAt: document.observedAt,
    problems: [...problems.values()],
  };
}
