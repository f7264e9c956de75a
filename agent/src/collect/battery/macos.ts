import { batteryHealthPercent, type Batteries, type BatteryState } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { lines, numberOrNull } from '../text';

export const IOREG_ARGS = ['-r', '-n', 'AppleSmartBattery'];
export const PMSET_ARGS = ['-g', 'batt'];

/** Top-level `"Key" = value` lines of an ioreg entry: numbers, Yes/No, quoted strings. */
export function parseIoreg(output: string): Map<string, string | number | boolean> {
  const values = new Map<string, string | number | boolean>();
  for (const line of lines(output)) {
    const match = /^\s*"([^"]+)" = (.+)$/.exec(line);
    if (!match) continue;
    const raw = match[2]!.trim();
    if (/^-?\d+$/.test(raw)) values.set(match[1]!, Number(raw));
    else if (raw === 'Yes' || raw === 'No') values.set(match[1]!, raw === 'Yes');
    else if (/^".*"$/.test(raw)) values.set(match[1]!, raw.slice(1, -1));
  }
  return values;
}

interface PmsetBattery {
  name: string;
  percent: number | null;
  state: BatteryState;
  timeRemainingMinutes: number | null;
}

// " -InternalBattery-0 (id=4653155)	83%; discharging; 5:12 remaining present: true"
export function parsePmset(output: string): {
  acConnected: boolean | null;
  batteries: PmsetBattery[];
} {
  const source = /Now drawing from '([^']+)'/.exec(output)?.[1];
  const batteries: PmsetBattery[] = [];
  for (const line of lines(output)) {
    const match = /^\s*-(\S+).*?\t(\d+)%; ([^;]+);\s*(?:(\d+):(\d+) remaining)?/.exec(line);
    if (!match) continue;
    const word = match[3]!.trim();
    const state: BatteryState =
      word === 'charging'
        ? 'charging'
        : word === 'discharging'
          ? 'discharging'
          : word === 'charged'
            ? 'full'
            : word.includes('not charging')
              ? 'not-charging'
              : 'unknown';
    const minutes = match[4] === undefined ? null : Number(match[4]) * 60 + Number(match[5]);
    batteries.push({
      name: match[1]!,
      percent: numberOrNull(match[2]),
      state,
      timeRemainingMinutes: state === 'discharging' ? minutes : null,
    });
  }
  return { acConnected: source === undefined ? null : source === 'AC Power', batteries };
}

export async function macBatteries(run: CommandRunner): Promise<Batteries> {
  const [ioreg, pmset] = await Promise.all([run('ioreg', IOREG_ARGS), run('pmset', PMSET_ARGS)]);
  const power = parsePmset(pmset.stdout);
  const info = parseIoreg(ioreg.stdout);
  const num = (key: string) => {
    const value = info.get(key);
    return typeof value === 'number' && value >= 0 ? value : null;
  };
  const str = (key: string) => {
    const value = info.get(key);
    return typeof value === 'string' ? value.trim() : '';
  };
  // Apple silicon reports MaxCapacity in percent and the mAh figure as AppleRawMaxCapacity.
  const rawMax = num('AppleRawMaxCapacity');
  const max = num('MaxCapacity');
  const full = rawMax ?? (max !== null && max > 100 ? max : null);
  const design = num('DesignCapacity');
  return {
    acConnected:
      power.acConnected ??
      (info.has('ExternalConnected') ? info.get('ExternalConnected') === true : null),
    batteries: power.batteries.map((battery, index) => ({
      ...battery,
      // ioreg describes the internal battery; a second one (rare) gets pmset's facts only.
      ...(index === 0
        ? {
            manufacturer: str('Manufacturer'),
            model: str('DeviceName'),
            serial: str('Serial') || str('BatterySerialNumber'),
            chemistry: '',
            cycleCount: num('CycleCount'),
            designCapacity: design,
            fullChargeCapacity: full,
            capacityUnit: design !== null || full !== null ? ('mAh' as const) : null,
            healthPercent: batteryHealthPercent(design, full),
          }
        : {
            manufacturer: '',
            model: '',
            serial: '',
            chemistry: '',
            cycleCount: null,
            designCapacity: null,
            fullChargeCapacity: null,
            capacityUnit: null,
            healthPercent: null,
          }),
    })),
  };
}
