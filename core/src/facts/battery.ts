import { z } from 'zod';

export const BatteryStateSchema = z.enum([
  'charging',
  'discharging',
  'full',
  'not-charging',
  'unknown',
]);
export type BatteryState = z.infer<typeof BatteryStateSchema>;

const percent = z.number().min(0).max(100);
const capacity = z.number().nonnegative();

export const BatterySchema = z.object({
  /** The OS's name for it ("BAT0", "InternalBattery-0"). */
  name: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serial: z.string(),
  /** "Li-ion", "LiP"...; "" when unknown. */
  chemistry: z.string(),
  percent: percent.nullable(),
  state: BatteryStateSchema,
  cycleCount: z.number().int().nonnegative().nullable(),
  designCapacity: capacity.nullable(),
  fullChargeCapacity: capacity.nullable(),
  capacityUnit: z.enum(['mWh', 'mAh']).nullable(),
  /** Full-charge capacity as a share of design capacity (wear); null when either is unknown. */
  healthPercent: z.number().nonnegative().nullable(),
  timeRemainingMinutes: z.number().nonnegative().nullable(),
});
export type Battery = z.infer<typeof BatterySchema>;

/** The machine's batteries (none on most desktops) and whether it runs on mains power. */
export const BatteriesSchema = z.object({
  acConnected: z.boolean().nullable(),
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
