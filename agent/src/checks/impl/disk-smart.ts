import { z } from 'zod';
import type {
  CheckFactsOf,
  CheckOutcomeOf,
  CheckParams,
  SmartDevice,
  SmartVerdict,
} from '@deskside/core';
import type { CheckContext, CheckImplementation, ExecResult } from '../context';
import { execIfInstalled } from '../exec';
import { outcome } from '../outcome';

const MAX_DEVICES = 8;

/** Where smartmontools installs smartctl, per OS; PATH last (a service's PATH may lack sbin). */
const SMARTCTL: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/sbin/smartctl', '/usr/local/sbin/smartctl', 'smartctl'],
  darwin: ['/usr/local/sbin/smartctl', '/opt/homebrew/sbin/smartctl', '/opt/homebrew/bin/smartctl'],
  win32: ['C:\\Program Files\\smartmontools\\bin\\smartctl.exe', 'smartctl.exe'],
};

// smartctl's exit status is a bit mask (smartctl(8), "RETURN VALUES").
const OPEN_FAILED = 1 << 1;
const DISK_FAILING = 1 << 3;
const PREFAIL_NOW = 1 << 4;
const PREFAIL_PAST = 1 << 5;
const ERROR_LOG = 1 << 6;
const SELF_TEST_LOG = 1 << 7;

const ScanSchema = z.object({
  devices: z
    .array(z.object({ name: z.string(), type: z.string().regex(/^[a-z0-9,+_-]{1,32}$/) }))
    .default([]),
});

const HealthSchema = z.object({
  smartctl: z.object({ exit_status: z.number().int() }),
  model_name: z.string().optional(),
  serial_number: z.string().optional(),
  smart_status: z.object({ passed: z.boolean() }).optional(),
  temperature: z.object({ current: z.number() }).optional(),
  power_on_time: z.object({ hours: z.number() }).optional(),
});

/** One device's `smartctl --json --info --health` output, judged. */
export function judgeSmartHealth(device: string, stdout: string): SmartDevice {
  const health = HealthSchema.parse(JSON.parse(stdout));
  const exit = health.smartctl.exit_status;
  let verdict: SmartVerdict;
  if (exit & OPEN_FAILED) verdict = 'open_failed';
  else if (health.smart_status?.passed === false || exit & DISK_FAILING) verdict = 'failing';
  else if (exit & (PREFAIL_NOW | PREFAIL_PAST | ERROR_LOG | SELF_TEST_LOG)) verdict = 'warning';
  else if (health.smart_status?.passed === true) verdict = 'passed';
  else verdict = 'no_verdict';
  return {
    device,
    verdict,
    model: health.model_name ?? null,
    serial: health.serial_number ?? null,
    exitStatus: exit,
    temperatureC: health.temperature?.current ?? null,
    powerOnHours: health.power_on_time?.hours ?? null,
  };
}

/** The overall outcome over every device that smartctl could judge. */
export function summarizeSmart(devices: SmartDevice[]): CheckOutcomeOf<'disk.smart'> {
  const facts = { devices: devices.map((device) => ({ ...device })) };
  const has = (verdict: SmartVerdict) => devices.some((device) => device.verdict === verdict);
  if (devices.length === 0) return outcome('error', 'disk.smart.no_devices', facts);
  if (has('failing')) return outcome('fail', 'disk.smart.failing', facts);
  if (has('warning')) return outcome('warn', 'disk.smart.warning', facts);
  if (has('passed')) return outcome('pass', 'disk.smart.passed', facts);
  return outcome('error', 'disk.smart.device_error', facts);
}

/** Runs smartctl from the first place it is installed, or null when it is nowhere. */
async function smartctl(ctx: CheckContext, args: string[]): Promise<ExecResult | null> {
  for (const candidate of SMARTCTL[ctx.platform] ?? []) {
    const result = await execIfInstalled(ctx, candidate, args, { timeoutMs: 20_000 });
    if (result) return result;
  }
  return null;
}

export const diskSmart: CheckImplementation<
  CheckParams<'disk.smart'>,
  CheckFactsOf<'disk.smart'>
> = async (params, ctx) => {
  let targets: { name: string; type?: string }[];
  if (params.device) {
    targets = [{ name: params.device }];
  } else {
    const scan = await smartctl(ctx, ['--scan', '--json=c']);
    if (!scan) return outcome('error', 'disk.smart.unavailable', { platform: ctx.platform });
    targets = ScanSchema.parse(JSON.parse(scan.stdout)).devices.slice(0, MAX_DEVICES);
  }
  const devices: SmartDevice[] = [];
  for (const target of targets) {
    const typeArgs = target.type ? ['-d', target.type] : [];
    // `--` ends the options: the device can never be read as one.
    const result = await smartctl(ctx, [
      '--json=c',
      '--info',
      '--health',
      ...typeArgs,
      '--',
      target.name,
    ]);
    if (!result) return outcome('error', 'disk.smart.unavailable', { platform: ctx.platform });
    devices.push(judgeSmartHealth(target.name, result.stdout));
  }
  return summarizeSmart(devices);
};
