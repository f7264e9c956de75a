import type { NetworkConfig } from '@deskside/core';
import { collectForPlatform, type CollectorOptions } from '../platform';
import { linuxNetworkConfig, type LinuxNetworkPaths } from './linux';
import { macNetworkConfig } from './macos';
import { windowsNetworkConfig } from './windows';

export interface NetworkConfigOptions extends CollectorOptions {
  linuxPaths?: LinuxNetworkPaths;
}

/** Default gateways (IPv4 and IPv6, best first) and the DNS resolvers the machine uses. */
export function collectNetworkConfig(options: NetworkConfigOptions = {}): Promise<NetworkConfig> {
  return collectForPlatform('Network configuration', options, {
    linux: () => linuxNetworkConfig(options.linuxPaths),
    darwin: macNetworkConfig,
    win32: windowsNetworkConfig,
  });
}
