import type { Batteries } from '@deskside/core';
import { collectForPlatform, type CollectorOptions } from '../platform';
import { linuxBatteries } from './linux';
import { macBatteries } from './macos';
import { windowsBatteries } from './windows';

export interface BatteryOptions extends CollectorOptions {
  /** Linux: where the power supplies are (tests point it at a recorded tree). */
  powerSupplyDir?: string;
}

/**
 * The machine's batteries with charge, state and wear (full-charge against design
 * capacity), and whether it is on mains power. No battery (a desktop) is an empty list.
 */
export function collectBatteries(options: BatteryOptions = {}): Promise<Batteries> {
  return collectForPlatform('Battery', options, {
    linux: () => linuxBatteries(options.powerSupplyDir),
    win32: windowsBatteries,
    darwin: macBatteries,
  });
}
