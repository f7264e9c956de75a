import { z } from 'zod';
import {
  PercentSchema,
  NullableBooleanSchema,
  NullableCountSchema,
  NullableNonNegativeSchema,
  TextSchema,
} from './common';

export const BatteryStateSchema = z.enum([
  'charging',
  'discharging',
  'full',
  'not-charging',
  'unknown',
]);
export type BatteryState = z.infer<typeof BatteryStateSchema>;

export const BatterySchema = z.object({
  /** The OS's name for it ("BAT0", "InternalBattery-0"). */
  name: TextSchema,
  manufacturer: TextSchema,
  model: TextSchema,
  serial: TextSchema,
  /** "Li-ion", "LiP"...; "" when unknown. */
  chemistry: TextSchema,
  percent: PercentSchema.nullable(),
  state: BatteryStateSchema,
  cycleCount: NullableCountSchema,
  designCapacity: NullableNonNegativeSchema,
  fullChargeCapacity: NullableNonNegativeSchema,
  capacityUnit: z.enum(['mWh', 'mAh']).nullable(),
  /** Full-charge capacity as a share of design capacity (wear); null when either is unknown. */
  healthPercent: NullableNonNegativeSchema,
  timeRemainingMinutes: NullableNonNegativeSchema,
});
export type Battery = z.infer<typeof BatterySchema>;

/** The machine's batteries (none on most desktops) and whether it runs on mains power. */
export const BatteriesSchema = z.object({
  acConnected: NullableBooleanSchema,
  batteries: z.array(BatterySchema),
});
export type Batteries = z.infer<typeof BatteriesSchema>;

/** Full-charge capacity as a percentage of design capacity, rounded to one decimal. */
export function batteryHealthPercent(
  designCapacity: number | null,
  fullChargeCapacity: number | null,
): number | null {
  if (designCapacity === null || fullChargeCapacity === null || designCapacity <= 0) return null;
  return Math.round((fullChargeCapacity / designCapacity) * 1000) / 10;
}
