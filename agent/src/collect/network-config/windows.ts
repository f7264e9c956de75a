import { z } from 'zod';
import type { NetworkConfig } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { asArray, runPowerShellJson } from '../powershell';

/** Default routes by metric, the DNS servers of connected adapters, the suffix search list. */
export const WINDOWS_NETWORK_SCRIPT = `
$ErrorActionPreference = 'SilentlyContinue'
$routes = @(Get-NetRoute -DestinationPrefix '0.0.0.0/0','::/0' | Sort-Object { $_.RouteMetric + $_.InterfaceMetric } | ForEach-Object {
  [pscustomobject]@{ family = [string]$_.AddressFamily; nextHop = [string]$_.NextHop; alias = [string]$_.InterfaceAlias }
})
$up = @(Get-NetAdapter | Where-Object Status -eq 'Up' | ForEach-Object { $_.InterfaceAlias })
$dns = @(Get-DnsClientServerAddress | Where-Object { $up -contains $_.InterfaceAlias } | ForEach-Object { $_.ServerAddresses })
[pscustomobject]@{ routes = $routes; dns = $dns; search = @((Get-DnsClientGlobalSetting).SuffixSearchList) } | ConvertTo-Json -Compress -Depth 3
`;

const ReportSchema = z.object({ routes: z.unknown(), dns: z.unknown(), search: z.unknown() });
const RouteSchema = z.object({ family: z.string(), nextHop: z.string(), alias: z.string() });
const NO_HOP = new Set(['', '0.0.0.0', '::']);

export function parseWindowsNetwork(json: unknown): NetworkConfig {
  const report = ReportSchema.parse(json);
  const routes = asArray(report.routes).flatMap((raw) => {
    const route = RouteSchema.safeParse(raw);
    return route.success && !NO_HOP.has(route.data.nextHop) ? [route.data] : [];
  });
  const gateways = (family: string) =>
    routes
      .filter((r) => r.family === family)
      .map((r) => ({ address: r.nextHop, interface: r.alias }));
  const strings = (value: unknown) => [
    ...new Set(asArray(value).filter((v): v is string => typeof v === 'string' && v !== '')),
  ];
  return {
    defaultGateways: { ip4: gateways('IPv4'), ip6: gateways('IPv6') },
    dnsServers: strings(report.dns),
    searchDomains: strings(report.search),
  };
}

export async function windowsNetworkConfig(run: CommandRunner): Promise<NetworkConfig> {
  return parseWindowsNetwork(await runPowerShellJson(run, WINDOWS_NETWORK_SCRIPT));
}
