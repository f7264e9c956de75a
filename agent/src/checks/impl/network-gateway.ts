import net from 'node:net';
import type { CheckFactsOf, CheckParams } from '@deskside/core';
import type { CheckContext, CheckImplementation } from '../context';
import { execIfInstalled } from '../exec';
import { outcome } from '../outcome';
import { windowsSystemTool } from '../windows';

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

/** The exit code of a ping that was sent but got no reply (other codes: it could not run). */
const NO_REPLY_EXIT: Partial<Record<NodeJS.Platform, number>> = { linux: 1, darwin: 2, win32: 1 };

/**
 * Whether a ping got an echo reply, or null when ping could not run (no permission to open a
 * raw socket, say). On Windows the exit code is not enough (a router's "destination host
 * unreachable" exits 0 too): a real reply carries `TTL=`.
 */
export function parsePing(
  platform: NodeJS.Platform,
  exitCode: number,
  stdout: string,
): PingReply | null {
  if (exitCode !== 0 && exitCode !== NO_REPLY_EXIT[platform]) return null;
  const replied = exitCode === 0 && (platform !== 'win32' || /TTL=/i.test(stdout));
  const rtt = /time[=<]\s*([\d.]+)\s*ms/i.exec(stdout);
  return { replied, rttMs: replied && rtt ? Number(rtt[1]) : null };
}

async function ping(ctx: CheckContext, gateway: string, waitMs: number): Promise<PingReply | null> {
  const command = pingCommand(ctx.platform, gateway, waitMs);
  const result = await execIfInstalled(ctx, command.file, command.args);
  return result ? parsePing(ctx.platform, result.exitCode, result.stdout) : null;
}

export const networkGateway: CheckImplementation<
  CheckParams<'network.gateway'>,
  CheckFactsOf<'network.gateway'>
> = async (params, ctx) => {
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
  const tcp = await ctx.probes.answersTcp(gateway, params.waitMs, ctx.signal);
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
