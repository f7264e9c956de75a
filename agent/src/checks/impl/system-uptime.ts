import {
  thresholdStatus,
  type CheckFactsOf,
  type CheckParams,
  type RebootReason,
} from '@deskside/core';
import type { CheckContext, CheckImplementation } from '../context';
import { execIfInstalled } from '../exec';
import { outcome, round1 } from '../outcome';
import { windowsSystemTool } from '../windows';

const DAY_SECONDS = 86_400;
const MAX_LISTED_PACKAGES = 20;

/** Debian and Ubuntu: written by package scripts that need a reboot (with the packages). */
const REBOOT_REQUIRED_FILE = '/run/reboot-required';

const WINDOWS_REBOOT_KEYS = {
  servicing:
    'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
  windowsUpdate:
    'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
} as const satisfies Partial<Record<RebootReason, string>>;

export interface PendingReboot {
  /** null: this OS has no cheap way to tell. */
  pending: boolean | null;
  reasons: RebootReason[];
  packages?: string[];
}

async function linuxPendingReboot(ctx: CheckContext): Promise<PendingReboot> {
  // Absent or unreadable: either way it does not flag a reboot.
  if (await ctx.probes.pathExists(REBOOT_REQUIRED_FILE)) {
    const text = (await ctx.probes.readTextFile(`${REBOOT_REQUIRED_FILE}.pkgs`)) ?? '';
    const packages = [...new Set(text.split('\n').filter(Boolean))].slice(0, MAX_LISTED_PACKAGES);
    return { pending: true, reasons: ['reboot-required'], packages };
  }
  // RHEL and Fedora (dnf-utils): exit 1 means a reboot is needed.
  const dnf = await execIfInstalled(ctx, 'needs-restarting', ['-r']);
  if (dnf && (dnf.exitCode === 0 || dnf.exitCode === 1)) {
    return { pending: dnf.exitCode === 1, reasons: dnf.exitCode === 1 ? ['needs-restarting'] : [] };
  }
  return { pending: false, reasons: [] };
}

async function windowsPendingReboot(ctx: CheckContext): Promise<PendingReboot> {
  const reasons: RebootReason[] = [];
  for (const [reason, key] of Object.entries(WINDOWS_REBOOT_KEYS) as [RebootReason, string][]) {
    // `reg query` exits 0 when the key exists, 1 when it does not.
    const result = await ctx.exec(windowsSystemTool('reg.exe'), ['query', key]);
    if (result.exitCode === 0) reasons.push(reason);
  }
  return { pending: reasons.length > 0, reasons };
}

export async function pendingReboot(ctx: CheckContext): Promise<PendingReboot> {
  if (ctx.platform === 'linux') return linuxPendingReboot(ctx);
  if (ctx.platform === 'win32') return windowsPendingReboot(ctx);
  return { pending: null, reasons: [] };
}

export const systemUptime: CheckImplementation<
  CheckParams<'system.uptime'>,
  CheckFactsOf<'system.uptime'>
> = async (params, ctx) => {
  const uptimeSeconds = Math.round(await ctx.probes.uptimeSeconds());
  const reboot = await pendingReboot(ctx);
  const facts = {
    uptimeSeconds,
    uptimeDays: round1(uptimeSeconds / DAY_SECONDS),
    bootTime: new Date(Date.now() - uptimeSeconds * 1000).toISOString(),
    pendingReboot: reboot.pending,
    pendingRebootReasons: reboot.reasons,
    ...(reboot.packages ? { pendingRebootPackages: reboot.packages } : {}),
    warnAfterDays: params.warnAfterDays,
    failAfterDays: params.failAfterDays,
  };
  const status = thresholdStatus(
    uptimeSeconds / DAY_SECONDS,
    { warn: params.warnAfterDays, fail: params.failAfterDays },
    'above',
  );
  if (status === 'fail') return outcome('fail', 'system.uptime.very_long', facts);
  if (status === 'warn') return outcome('warn', 'system.uptime.long', facts);
  if (reboot.pending) return outcome('warn', 'system.uptime.reboot_pending', facts);
  return outcome('pass', 'system.uptime.ok', facts);
};
