import { PRIORITIES, type Priority, type SlaPolicy, type WEEKDAYS } from '@deskside/core';

type Weekday = (typeof WEEKDAYS)[number];

/**
 * The SLA form as the analyst edits it: numbers as typed (so a field can be empty while
 * being changed), everything else as the policy has it. The console checks the result.
 */
export interface SlaDraft {
  timeZone: string;
  workingHours: Record<Weekday, { start: string; end: string }[]>;
  holidays: string[];
  targets: Record<Priority, { firstResponseMinutes: string; resolutionMinutes: string }>;
  atRiskPercent: string;
}

export function toDraft(policy: SlaPolicy): SlaDraft {
  const targets = Object.fromEntries(
    PRIORITIES.map((p) => [
      p,
      {
        firstResponseMinutes: String(policy.targets[p].firstResponseMinutes),
        resolutionMinutes: String(policy.targets[p].resolutionMinutes),
      },
    ]),
  ) as SlaDraft['targets'];
  return {
    timeZone: policy.calendar.timeZone,
    workingHours: structuredClone(policy.calendar.workingHours),
    holidays: [...policy.calendar.holidays],
    targets,
    atRiskPercent: String(Math.round(policy.atRiskShare * 100)),
  };
}

/** A typed number, or NaN for anything else (which the console then refuses by field). */
const numberFrom = (text: string) => (/^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN);

export function fromDraft(draft: SlaDraft): SlaPolicy {
  const targets = Object.fromEntries(
    PRIORITIES.map((p) => [
      p,
      {
        firstResponseMinutes: numberFrom(draft.targets[p].firstResponseMinutes),
        resolutionMinutes: numberFrom(draft.targets[p].resolutionMinutes),
      },
    ]),
  ) as SlaPolicy['targets'];
  return {
    calendar: {
      timeZone: draft.timeZone,
      workingHours: draft.workingHours,
      holidays: [...draft.holidays].sort(),
    },
    targets,
    atRiskShare: numberFrom(draft.atRiskPercent) / 100,
  };
}
