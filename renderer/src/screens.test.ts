import { describe, expect, it } from 'vitest';
import { isSignedOut } from './screens';

describe('the page entry reading whether the console is signed out', () => {
  it('shows the sign-in screen only for a signed-out answer', () => {
    const signedOut = { state: 'signed-out', desk: 'db/desk', reason: null };
    expect(isSignedOut({ ok: true, value: signedOut })).toBe(true);
    expect(isSignedOut({ ok: true, value: { state: 'signed-in', byAddress: true } })).toBe(false);
    // A console that does not know the method, or no answer: the console shows what it can.
    expect(isSignedOut({ ok: false, error: { code: 'unknown_method', message: '?' } })).toBe(false);
    expect(isSignedOut(null)).toBe(false);
    expect(isSignedOut('signed-out')).toBe(false);
  });
});
