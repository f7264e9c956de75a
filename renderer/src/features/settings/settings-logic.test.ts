import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '@deskside/core';
import { ApiError } from '../../api/client';
import { timeZones, weekdayName } from './calendar-labels';
import { fieldErrors } from './field-errors';
import { fromDraft, toDraft } from './sla-draft';

describe('fieldErrors', () => {
  it('gives each refused field the message for its kind of value', () => {
    const error = new ApiError('validation', 'Invalid input', [
      { path: 'sla.calendar.workingHours.mon.0.end', message: 'A time of day is HH:mm' },
      { path: 'sla.calendar.workingHours.tue.1', message: 'A working period ends after it starts' },
      { path: 'sla.targets.1.firstResponseMinutes', message: 'expected number' },
      { path: 'sla.calendar.holidays.2', message: 'Invalid date' },
      { path: 'sla.calendar', message: 'at least one working period' },
      { path: 'groups.3.id', message: 'A group id is a short slug' },
      { path: 'somewhere.else', message: '?' },
    ]);
    expect(Object.fromEntries(fieldErrors(error))).toEqual({
      'sla.calendar.workingHours.mon.0.end': 'settings.errors.time',
      'sla.calendar.workingHours.tue.1': 'settings.errors.periodOrder',
      'sla.targets.1.firstResponseMinutes': 'settings.errors.minutes',
      'sla.calendar.holidays.2': 'settings.errors.date',
      'sla.calendar': 'settings.errors.noWorkingTime',
      'groups.3.id': 'settings.errors.groupId',
      'somewhere.else': 'settings.errors.invalid',
    });
  });

  it('tells a group still in use from a duplicate id, and knows nothing of other failures', () => {
    const inUse = new ApiError('conflict', 'has 3 tickets', [{ path: 'groups', message: '' }]);
    expect(fieldErrors(inUse).get('groups')).toBe('settings.errors.groupInUse');
    const twice = new ApiError('validation', 'unique', [{ path: 'groups', message: '' }]);
    expect(fieldErrors(twice).get('groups')).toBe('settings.errors.groups');
    expect(fieldErrors(new Error('offline')).size).toBe(0);
    expect(fieldErrors(null).size).toBe(0);
  });
});

describe('the SLA form', () => {
  it('gives back the policy it was made from', () => {
    expect(fromDraft(toDraft(DEFAULT_SLA_POLICY))).toEqual(DEFAULT_SLA_POLICY);
  });

  it('turns what is not a number into NaN for the console to refuse, and sorts holidays', () => {
    const draft = toDraft(DEFAULT_SLA_POLICY);
    draft.targets[2].resolutionMinutes = '1 uur';
    draft.targets[3].firstResponseMinutes = '';
    draft.atRiskPercent = '30';
    draft.holidays = ['2026-12-26', '2026-12-25'];
    const policy = fromDraft(draft);
    expect(policy.targets[2].resolutionMinutes).toBeNaN();
    expect(policy.targets[3].firstResponseMinutes).toBeNaN();
    expect(policy.atRiskShare).toBe(0.3);
    expect(policy.calendar.holidays).toEqual(['2026-12-25', '2026-12-26']);
  });
});

describe('calendar labels', () => {
  it('name weekdays in the analyst’s language', () => {
    expect(weekdayName('mon', 'nl')).toBe('Maandag');
    expect(weekdayName('sun', 'fr')).toBe('Dimanche');
    expect(weekdayName('wed', 'el')).toBe('Τετάρτη');
    expect(weekdayName('fri', 'en')).toBe('Friday');
  });

  it('always offer the zone in use', () => {
    expect(timeZones('Mars/Olympus_Mons')[0]).toBe('Mars/Olympus_Mons');
  });
});
