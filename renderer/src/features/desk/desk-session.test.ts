import { describe, expect, it } from 'vitest';
import { managesAnalysts, mayReadAuditLog } from './desk-session';

describe('what the signed-in analyst is shown of the desk', () => {
  it('links the audit log for leads and administrators, and on a console of its own', () => {
    expect(mayReadAuditLog({ analyst: 'ada', role: 'admin', roles: true })).toBe(true);
    expect(mayReadAuditLog({ analyst: 'lena', role: 'lead', roles: true })).toBe(true);
    expect(mayReadAuditLog({ analyst: 'bram', role: 'analyst', roles: true })).toBe(false);
    expect(mayReadAuditLog({ analyst: 'owner', role: null, roles: true })).toBe(false);
    expect(mayReadAuditLog({ analyst: 'jan', role: null, roles: false })).toBe(true);
    expect(mayReadAuditLog(undefined)).toBe(false);
  });

  it('lets only an administrator manage analysts', () => {
    expect(managesAnalysts({ analyst: 'ada', role: 'admin', roles: true })).toBe(true);
    expect(managesAnalysts({ analyst: 'lena', role: 'lead', roles: true })).toBe(false);
    expect(managesAnalysts({ analyst: 'jan', role: null, roles: false })).toBe(false);
  });
});
