import {
  thresholdStatus,
  worstStatus,
  type Batteries,
  type CheckFactsOf,
  type CheckOutcomeOf,
  type CheckParams,
} from '@deskside/core';
import { collectBatteries } from '../../collect/battery';
import type { CheckImplementation } from '../context';
import { outcome } from '../outcome';
import { withFacts } from './facts';

export function judgeBatteries(
  batteries: Batteries,
  params: CheckParams<'battery.health'>,
): CheckOutcomeOf<'battery.health'> {
  const facts = {
    acConnected: batteries.acConnected,
    batteries: batteries.batteries.map((battery) => ({
      name: battery.name,
      model: battery.model,
      percent: battery.percent,
      state: battery.state,
      healthPercent: battery.healthPercent,
      cycleCount: battery.cycleCount,
    })),
    warnBelowPercent: params.warnBelowPercent,
    failBelowPercent: params.failBelowPercent,
  };
  if (batteries.batteries.length === 0) return outcome('pass', 'battery.health.absent', facts);
  const known = batteries.batteries.flatMap((battery) =>
    battery.healthPercent === null ? [] : [battery.healthPercent],
  );
  // The OS reports the battery but not its capacities: its wear cannot be judged.
  if (known.length === 0) return outcome('error', 'battery.health.unknown', facts);
  const status = worstStatus(
    known.map((health) =>
      thresholdStatus(
        health,
        { warn: params.warnBelowPercent, fail: params.failBelowPercent },
        'below',
      ),
    ),
  );
  const code = {
    pass: 'battery.health.ok',
    warn: 'battery.health.worn',
    fail: 'battery.health.replace',
  };
  return outcome(status, code[status as 'pass' | 'warn' | 'fail'], facts);
}

export const batteryHealth: CheckImplementation<
  CheckParams<'battery.health'>,
  CheckFactsOf<'battery.health'>
> = (params, ctx) =>
  withFacts(
    'battery.health',
    () => collectBatteries({ platform: ctx.platform, run: ctx.exec }),
    (batteries) => judgeBatteries(batteries, params),
  );
