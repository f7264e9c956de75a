import { z } from 'zod';
import { batteryHealthPercent, type Batteries, type BatteryState } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { asArray, runPowerShellJson } from '../powershell';
import { numberOrNull, text } from '../text';

/** Charge and state from Win32_Battery; capacities and cycles from the battery driver (root\wmi). */
export const WINDOWS_BATTERY_SCRIPT = `
$ErrorActionPreference = 'SilentlyContinue'
function Wmi($class) { @(Get-CimInstance -Namespace root\\wmi -ClassName $class) }
[pscustomobject]@{
  batteries = @(Get-CimInstance -ClassName Win32_Battery | ForEach-Object {
    [pscustomobject]@{ name = [string]$_.Name; deviceId = [string]$_.DeviceID; percent = $_.EstimatedChargeRemaining
      status = $_.BatteryStatus; runtime = $_.EstimatedRunTime; chemistry = $_.Chemistry }
  })
  static = @(Wmi BatteryStaticData | ForEach-Object {
    [pscustomobject]@{ design = $_.DesignedCapacity; manufacturer = [string]$_.ManufactureName; serial = [string]$_.SerialNumber }
  })
  full = @(Wmi BatteryFullChargedCapacity | ForEach-Object { $_.FullChargedCapacity })
  cycles = @(Wmi BatteryCycleCount | ForEach-Object { $_.CycleCount })
  acOnline = (Wmi BatteryStatus | Select-Object -First 1).PowerOnline
} | ConvertTo-Json -Compress -Depth 3
`;

const ReportSchema = z.object({
  batteries: z.unknown(),
  static: z.unknown(),
  full: z.unknown(),
  cycles: z.unknown(),
  acOnline: z.boolean().nullish(),
});
const BatterySchema = z.object({
  name: z.string().nullish(),
  deviceId: z.string().nullish(),
  percent: z.number().nullish(),
  status: z.number().nullish(),
  runtime: z.number().nullish(),
  chemistry: z.number().nullish(),
});
const StaticSchema = z.object({
  design: z.number().nullish(),
  manufacturer: z.string().nullish(),
  serial: z.string().nullish(),
});

// Win32_Battery.BatteryStatus and .Chemistry codes.
const STATES: Record<number, BatteryState> = {
  1: 'discharging',
  2: 'not-charging',
  3: 'full',
  4: 'discharging',
  5: 'discharging',
  6: 'charging',
  7: 'charging',
  8: 'charging',
  9: 'charging',
  11: 'not-charging',
};
const CHEMISTRY: Record<number, string> = {
  3: 'Lead acid',
  4: 'NiCd',
  5: 'NiMH',
  6: 'Li-ion',
  7: 'Zinc air',
  8: 'Li-poly',
};
// EstimatedRunTime says 71582788 minutes when the machine is on mains power.
const RUNTIME_UNKNOWN = 71_582_788;

export function parseWindowsBatteries(json: unknown): Batteries {
  const report = ReportSchema.parse(json);
  const statics = asArray(report.static).map((s) => StaticSchema.safeParse(s).data);
  const full = asArray(report.full).map(numberOrNull);
  const cycles = asArray(report.cycles).map(numberOrNull);
  const batteries = asArray(report.batteries).flatMap((raw, index) => {
    const parsed = BatterySchema.safeParse(raw);
    if (!parsed.success) return [];
    const b = parsed.data;
    const details = statics[index];
    const design = numberOrNull(details?.design);
    const fullCharge = full[index] ?? null;
    const cycleCount = cycles[index] ?? null;
    const runtime = numberOrNull(b.runtime);
    const state = STATES[b.status ?? 0] ?? 'unknown';
    return [
      {
        name: text(b.deviceId) || text(b.name),
        manufacturer: text(details?.manufacturer),
        model: text(b.name),
        serial: text(details?.serial),
        chemistry: CHEMISTRY[b.chemistry ?? 0] ?? '',
        percent: numberOrNull(b.percent),
        state,
        cycleCount: cycleCount === 0 ? null : cycleCount,
        designCapacity: design,
        fullChargeCapacity: fullCharge,
        capacityUnit: design !== null || fullCharge !== null ? ('mWh' as const) : null,
        healthPercent: batteryHealthPercent(design, fullCharge),
        timeRemainingMinutes:
          state === 'discharging' && runtime !== null && runtime !== RUNTIME_UNKNOWN
            ? runtime
            : null,
      },
    ];
  });
  return { acConnected: report.acOnline ?? null, batteries };
}

export async function windowsBatteries(run: CommandRunner): Promise<Batteries> {
  return parseWindowsBatteries(await runPowerShellJson(run, WINDOWS_BATTERY_SCRIPT));
}
