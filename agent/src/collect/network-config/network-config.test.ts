import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NetworkConfigSchema } from '@deskside/core';
import { FIXTURES, fixture, replay } from '../testing';
import { collectNetworkConfig } from './index';
import { compressIp6 } from './linux';

const net = (name: string) => path.join(FIXTURES, 'linux', 'net', name);

describe('collectNetworkConfig', () => {
  it('reads this machine’s routes and resolvers from /proc and /etc', async () => {
    const config = NetworkConfigSchema.parse(await collectNetworkConfig());
    expect(config.defaultGateways.ip4.length).toBeGreaterThan(0);
    expect(config.dnsServers.length).toBeGreaterThan(0);
  });

  it('Linux: gateways from the kernel tables, upstream DNS behind systemd-resolved', async () => {
    const config = await collectNetworkConfig({
      platform: 'linux',
      linuxPaths: {
        route: net('route'),
        ipv6Route: net('ipv6_route'),
        resolvConf: net('resolv-stub.conf'),
        resolvedConf: net('resolved.conf'),
      },
    });
    expect(config).toEqual({
      defaultGateways: {
        ip4: [{ address: '192.0.2.1', interface: 'eth0' }],
        ip6: [{ address: 'fd00::1', interface: 'eth0' }],
      },
      dnsServers: ['10.20.0.10', '10.20.0.11'],
      searchDomains: ['corp.example.com'],
    });
  });

  it('writes IPv6 addresses in their shortest form', () => {
    expect(compressIp6('fe800000000000000000000000000001')).toBe('fe80::1');
    expect(compressIp6('20010db8000000010000000000000000')).toBe('2001:db8:0:1::');
    expect(compressIp6('20010db8000100020003000400050006')).toBe('2001:db8:1:2:3:4:5:6');
  });

  it('macOS: route get and scutil, scoped resolvers left out', async () => {
    const { run } = replay([
      { file: 'route', match: /-inet6/, stdout: fixture('macos', 'route-get-inet6-default.txt') },
      { file: 'route', stdout: fixture('macos', 'route-get-default.txt') },
      { file: 'scutil', stdout: fixture('macos', 'scutil-dns.txt') },
    ]);
    expect(await collectNetworkConfig({ platform: 'darwin', run })).toEqual({
      defaultGateways: {
        ip4: [{ address: '192.168.1.1', interface: 'en0' }],
        ip6: [{ address: 'fe80::1', interface: 'en0' }],
      },
      dnsServers: ['192.168.1.1', '2001:db8::53'],
      searchDomains: ['corp.example.com'],
    });
  });

  it('macOS without a default route', async () => {
    const { run } = replay([
      { file: 'route', stderr: 'route: writing to routing socket: not in table', exitCode: 1 },
      { file: 'scutil', stdout: 'No DNS configuration available\n' },
    ]);
    expect(await collectNetworkConfig({ platform: 'darwin', run })).toEqual({
      defaultGateways: { ip4: [], ip6: [] },
      dnsServers: [],
      searchDomains: [],
    });
  });

  it('Windows: routes by metric without on-link ones, DNS of adapters that are up', async () => {
    const { run } = replay([
      { file: 'powershell.exe', match: /Get-NetRoute/, stdout: fixture('windows', 'network.json') },
    ]);
    expect(await collectNetworkConfig({ platform: 'win32', run })).toEqual({
      defaultGateways: {
        ip4: [
          { address: '10.20.1.1', interface: 'Ethernet' },
          { address: '192.168.8.1', interface: 'Wi-Fi' },
        ],
        ip6: [{ address: 'fe80::1', interface: 'Ethernet' }],
      },
      dnsServers: ['10.20.0.10', '10.20.0.11'],
      searchDomains: ['corp.example.com'],
    });
  });
});
