import net from 'node:net';
import type { CheckParams } from '@deskside/core';
import type { CheckContext, CheckImplementation } from '../context';
import { execIfInstalled } from '../exec';
import { outcome } from '../outcome';
import { tcpProbe } from '../tcp-probe';
import { windowsSystemTool } from '../windows';

/** Ports a router commonly has open (DNS, web admin); a refusal proves it answers too. */
const TCP_PORTS = [53, 80, 443];

export interface PingCommand {
  file: string;
  args: string[];
}

export function pingCommand(
  platform: NodeJS.Platform,
  address: string,
  waitMs: number,
): PingCommand {
  const seconds = String(Math.max(1, Math.ceil(waitMs / 1000)));
  const v6 = net.isIPv6(address.replace(/%.*$/, ''));
  if (platform === 'win32') {
    return {
      file: windowsSystemTool('PING.EXE'),
      args: ['-n', '1', '-w', String(waitMs), ...(v6 ? ['-6'] : ['-4']), address],
    };
  }
  if (platform === 'darwin') {
    return v6
      ? { file: '/sbin/ping6', args: ['-n', '-c', '1', address] }
      : { file: '/sbin/ping', args: ['-n', '-c', '1', '-t', seconds, address] };
  }
  return { file: 'ping', args: [...(v6 ? ['-6'] : []), '-n', '-c', '1', '-W', seconds, address] };
}

export interface PingReply {
  replied: boolean;
  rttMs: number | null;
}

/**
 * Whether a ping got an echo reply. On Windows the exit code is not enough (a router's
 * "destination host unreachable" exits 0 too): a real reply carries `TTL=`.
 */
export function parsePing(platform: NodeJS.Platform, exitCode: number, stdout: string): PingReply {
  const replied = exitCode === 0 && (platform !== 'win32' || /TTL=/i.test(stdout));
  const rtt = /time[=<]\s*([\d.]+)\s*ms/i.exec(stdout);
  return { replied, rttMs: replied && rtt ? Number(rtt[1]) : null };
}

async function ping(ctx: CheckContext, gateway: string, waitMs: number): Promise<PingReply | null> {
  const command = pingCommand(ctx.platform, gateway, waitMs);
  const result = await execIfInstalled(ctx, command.file, command.args);
  // No ping program, or one this user may not run (exit 2 on Linux without CAP_NET_RAW).
  if (!result || (ctx.platform !== 'win32' && result.exitCode > 1)) return null;
  return parsePing(ctx.platform, result.exitCode, result.stdout);
}

async function tcpAnswers(gateway: string, waitMs: number, signal: AbortSignal) {
  const probes = await Promise.all(
    TCP_PORTS.map((port) => tcpProbe(gateway, port, waitMs, signal)),
  );
  const answered = probes.find((probe) => probe.result === 'open' || probe.result === 'refused');
  return answered ? { rttMs: answered.ms } : null;
}

export const networkGateway: CheckImplementation<CheckParams<'network.gateway'>> = async (
  params,
  ctx,
) => {
  const gateway = await ctx.probes.defaultGateway();
  if (!gateway || net.isIP(gateway.replace(/%.*$/, '')) === 0) {
    return outcome('fail', 'network.gateway.none', { gateway: gateway || null });
  }
  const icmp = await ping(ctx, gateway, params.waitMs);
  if (icmp?.replied) {
    return outcome('pass', 'network.gateway.reachable', {
      gateway,
      method: 'icmp',
      rttMs: icmp.rttMs,
    });
  }
  // Many gateways drop pings; one that answers a TCP connection, even with a refusal, is up.
  const tcp = await tcpAnswers(gateway, params.waitMs, ctx.signal);
  if (tcp) {
    return outcome('pass', 'network.gateway.reachable', {
      gateway,
      method: 'tcp',
      rttMs: tcp.rttMs,
    });
  }
  return outcome('fail', 'network.gateway.unreachable', {
    gateway,
    method: icmp ? 'icmp+tcp' : 'tcp',
  });
};
