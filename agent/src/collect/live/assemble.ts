import type {
  CpuLoad,
  InventorySectionName,
  InventorySections,
  NetworkConfig,
} from '@deskside/core';
import type { CommandRunner } from '../exec';
import { fileSystemUsage, linuxMounts } from './file-systems';
import { liveMemory } from './memory';
import { liveInterfaces } from './network';
import { osState } from './os-state';

export type LiveSection = 'os' | 'cpu' | 'memory' | 'fileSystems' | 'network';

export interface LiveInputs {
  platform: NodeJS.Platform;
  run: CommandRunner;
  /** The static facts each live section is built on (see staticBasis). */
  basis: Partial<InventorySections>;
  load: CpuLoad | null;
  networkConfig: NetworkConfig | undefined;
}

const NO_NETWORK_CONFIG: NetworkConfig = {
  defaultGateways: { ip4: [], ip6: [] },
  dnsServers: [],
  searchDomains: [],
};

/**
 * A live section as it is now, from its static facts and what the OS says this instant.
 * Returns undefined when its static facts are missing (they failed, and say so).
 */
export async function liveSection(
  section: LiveSection,
  inputs: LiveInputs,
): Promise<InventorySections[LiveSection] | undefined> {
  const { platform, basis } = inputs;
  switch (section) {
    case 'os':
      return basis.os && { ...basis.os, ...osState() };
    case 'cpu':
      return basis.cpu && { ...basis.cpu, load: inputs.load };
    case 'memory':
      return (
        basis.memory && {
          ...(await liveMemory(platform, inputs.run, basis.memory)),
          modules: basis.memory.modules,
        }
      );
    case 'fileSystems':
      if (platform === 'linux') return fileSystemUsage(await linuxMounts());
      return basis.fileSystems && fileSystemUsage(basis.fileSystems);
    case 'network':
      if (platform !== 'linux' && !basis.network) return undefined;
      return {
        ...(inputs.networkConfig ?? NO_NETWORK_CONFIG),
        interfaces: await liveInterfaces(platform, basis.network?.interfaces),
      };
  }
}

export const isLiveSection = (section: InventorySectionName): section is LiveSection =>
  section === 'os' ||
  section === 'cpu' ||
  section === 'memory' ||
  section === 'fileSystems' ||
  section === 'network';
