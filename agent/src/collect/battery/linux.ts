import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  batteryHealthPercent,
  type Batteries,
  type Battery,
  type BatteryState,
} from '@deskside/core';
import { lines, numberOrNull, text } from '../text';

export const POWER_SUPPLY_DIR = '/sys/class/power_supply';

/** A power supply's uevent file: POWER_SUPPLY_KEY=value lines. */
export function parseUevent(content: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of lines(content)) {
    const match = /^POWER_SUPPLY_([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) values.set(match[1]!, match[2]!.trim());
  }
  return values;
}

const STATES: Record<string, BatteryState> = {
  Charging: 'charging',
  Discharging: 'discharging',
  Full: 'full',
  'Not charging': 'not-charging',
};

// sysfs reports micro-units: µWh (energy_*) or µAh (charge_*), µW or µA for the rate.
const milli = (value: string | undefined) => {
  const n = numberOrNull(value);
  return n === null ? null : Math.round(n / 1000);
};

export function batteryFromUevent(name: string, values: Map<string, string>): Battery {
  const byEnergy = values.has('ENERGY_FULL_DESIGN') || values.has('ENERGY_FULL');
  const prefix = byEnergy ? 'ENERGY' : 'CHARGE';
  const design = milli(values.get(`${prefix}_FULL_DESIGN`));
  const full = milli(values.get(`${prefix}_FULL`));
  const now = milli(values.get(`${prefix}_NOW`));
  const rate = milli(values.get(byEnergy ? 'POWER_NOW' : 'CURRENT_NOW'));
  const state = STATES[values.get('STATUS') ?? ''] ?? 'unknown';
  const hasCapacity = design !== null || full !== null;
  const cycles = numberOrNull(values.get('CYCLE_COUNT'));
  return {
    name,
    manufacturer: text(values.get('MANUFACTURER')),
    model: text(values.get('MODEL_NAME')),
    serial: text(values.get('SERIAL_NUMBER')),
    chemistry: text(values.get('TECHNOLOGY')),
    percent: numberOrNull(values.get('CAPACITY')),
    state,
    // Drivers without a counter report 0.
    cycleCount: cycles === null || cycles === 0 ? null : Math.round(cycles),
    designCapacity: design,
    fullChargeCapacity: full,
    capacityUnit: hasCapacity ? (byEnergy ? 'mWh' : 'mAh') : null,
    healthPercent: batteryHealthPercent(design, full),
    timeRemainingMinutes:
      state === 'discharging' && now !== null && rate !== null && rate > 0
        ? Math.round((now / rate) * 60)
        : null,
  };
}

/** Batteries and mains adapters from sysfs; no command runs. */
export async function linuxBatteries(dir = POWER_SUPPLY_DIR): Promise<Batteries> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const supplies = await Promise.all(
    names.sort().map(async (name) => ({
      name,
      values: parseUevent(await readFile(path.join(dir, name, 'uevent'), 'utf8').catch(() => '')),
    })),
  );
  const batteries: Battery[] = [];
  let acConnected: boolean | null = null;
  for (const { name, values } of supplies) {
    const type = values.get('TYPE');
    // A wireless mouse's battery has scope "Device": not the machine's power.
    if (type === 'Battery' && values.get('SCOPE') !== 'Device' && values.get('PRESENT') !== '0') {
      batteries.push(batteryFromUevent(name, values));
    } else if (type === 'Mains' || type === 'USB' || type === 'USB_C') {
      acConnected = acConnected === true || values.get('ONLINE') === '1';
    }
  }
  return { acConnected, batteries };
}
