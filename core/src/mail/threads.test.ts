import { describe, expect, it } from 'vitest';
import {
  answeredMessageIds,
  plainSubject,
  referencedTicket,
  subjectWithReference,
} from './threads';

describe('ticket references in subjects', () => {
  it('finds the reference the desk put in the subject, under reply prefixes', () => {
    expect(referencedTicket('Re: [#42] Printer on floor 2')).toBe(42);
    expect(referencedTicket('AW: Antw: [#42] x')).toBe(42);
    expect(referencedTicket('Printer #42 broken')).toBeNull();
    expect(referencedTicket('[#0] nothing')).toBeNull();
  });

  it('puts the reference in front once', () => {
    expect(subjectWithReference(7, 'Your request')).toBe('[#7] Your request');
    expect(subjectWithReference(7, 'Re: [#7] Your request')).toBe('Re: [#7] Your request');
  });

  it('reads the answered Message-IDs, the direct parent first', () => {
    expect(answeredMessageIds('<b@x>', '<a@x> <b@x>')).toEqual(['<b@x>', '<a@x>']);
    expect(answeredMessageIds(undefined, ['<a@x>', '<c@x>'])).toEqual(['<c@x>', '<a@x>']);
    expect(answeredMessageIds(undefined, undefined)).toEqual([]);
  });

  it('takes reply and forward prefixes off a subject in the four languages', () => {
    expect(plainSubject('Re: RE: Fwd: VPN')).toBe('VPN');
    expect(plainSubject('Antw: Doorst: VPN')).toBe('Doorst: VPN');
    expect(plainSubject('TR: Réf : VPN')).toBe('VPN');
    expect(plainSubject('ΣΧΕΤ: VPN')).toBe('VPN');
  });
});
