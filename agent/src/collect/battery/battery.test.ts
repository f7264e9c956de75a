import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatteriesSchema } from '@deskside/core';
import { FIXTURES, fixture, replay } from '../testing';
import { collectBatteries } from './index';

describe('collectBatteries on this Linux machine (real sysfs)', () => {
  it('reads /sys/class/power_supply: a machine without a battery has an empty list', async () => {
    const batteries = BatteriesSchema.parse(await collectBatteries());
    // A virtual machine or a desktop: no battery; a laptop: each with a charge.
    for (const battery of batteries.batteries) expect(battery.name).not.toBe('');
  });
});

describe('collectBatteries with recorded sysfs and outputs', () => {
  it('Linux: energy and charge batteries, wear, time left, not the mouse, mains offline', async () => {
    const result = BatteriesSchema.parse(
      await collectBatteries({
        platform: 'linux',
        powerSupplyDir: path.join(FIXTURES, 'linux', 'power_supply'),
      }),
    );
    expect(result.acConnected).toBe(false);
    expect(result.batteries.map((b) => b.name)).toEqual(['BAT0', 'BAT1']);
    expect(result.batteries[0]).toEqual({
      name: 'BAT0',
      manufacturer: 'SMP',
      model: '5B10W13975',
      serial: '2145',
      chemistry: 'Li-poly',
      percent: 63,
      state: 'discharging',
      cycleCount: 312,
      designCapacity: 57000,
      fullChargeCapacity: 48120,
      capacityUnit: 'mWh',
      healthPercent: 84.4,
      timeRemainingMinutes: 232,
    });
    expect(result.batteries[1]).toMatchObject({
      state: 'not-charging',
      capacityUnit: 'mAh',
      designCapacity: 3800,
      healthPercent: 95,
      cycleCount: null,
      timeRemainingMinutes: null,
    });
  });

  it('macOS (Apple silicon): raw capacity in mAh, charging on AC', async () => {
    const { run } = replay([
      { file: 'ioreg', stdout: fixture('macos', 'ioreg-applesmartbattery.txt') },
      { file: 'pmset', stdout: fixture('macos', 'pmset-batt-charging.txt') },
    ]);
    const result = BatteriesSchema.parse(await collectBatteries({ platform: 'darwin', run }));
    expect(result).toEqual({
      acConnected: true,
      batteries: [
        {
          name: 'InternalBattery-0',
          manufacturer: '',
          model: 'bq40z651',
          serial: 'F8Y3123ABCD1ZQXAP',
          chemistry: '',
          percent: 76,
          state: 'charging',
          cycleCount: 187,
          designCapacity: 4382,
          fullChargeCapacity: 4512,
          capacityUnit: 'mAh',
          healthPercent: 103,
          timeRemainingMinutes: null,
        },
      ],
    });
  });

  it('macOS: on battery with time left; a desktop Mac has none', async () => {
    const onBattery = replay([
      { file: 'ioreg', stdout: fixture('macos', 'ioreg-applesmartbattery.txt') },
      { file: 'pmset', stdout: fixture('macos', 'pmset-batt-discharging.txt') },
    ]);
    const result = await collectBatteries({ platform: 'darwin', run: onBattery.run });
    expect(result.acConnected).toBe(false);
    expect(result.batteries[0]).toMatchObject({ state: 'discharging', timeRemainingMinutes: 312 });

    const desktop = replay([
      { file: 'ioreg', stdout: '' },
      { file: 'pmset', stdout: fixture('macos', 'pmset-batt-desktop.txt') },
    ]);
    expect(await collectBatteries({ platform: 'darwin', run: desktop.run })).toEqual({
      acConnected: true,
      batteries: [],
    });
  });

  it('Windows: charge from Win32_Battery, wear from the driver, runtime on battery', async () => {
    const { run } = replay([
      {
        file: 'powershell.exe',
        match: /Win32_Battery/,
        stdout: fixture('windows', 'battery.json'),
      },
    ]);
    const result = BatteriesSchema.parse(await collectBatteries({ platform: 'win32', run }));
    expect(result).toEqual({
      acConnected: false,
      batteries: [
        {
          name: '5061LGC-DELL 0MV07',
          manufacturer: 'LGC-LGC3.',
          model: 'DELL 0MV07',
          serial: '5061',
          chemistry: 'Li-ion',
          percent: 81,
          state: 'discharging',
          cycleCount: null,
          designCapacity: 60004,
          fullChargeCapacity: 51350,
          capacityUnit: 'mWh',
          healthPercent: 85.6,
          timeRemainingMinutes: 214,
        },
      ],
    });
  });

  it('Windows desktop: no battery', async () => {
    const { run } = replay([
      { file: 'powershell.exe', stdout: fixture('windows', 'battery-desktop.json') },
    ]);
    expect(await collectBatteries({ platform: 'win32', run })).toEqual({
      acConnected: null,
      batteries: [],
    });
  });
});
