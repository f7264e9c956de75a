import { z } from 'zod';
import type { ApiMethod } from './api';
import { AnalystSchema } from './workflow/assignment';

/**
 * The console's audit log: what analysts did with machines and the desk's data. Entries are
 * only ever added; the database refuses every change and deletion.
 */
export const AUDIT_ACTIONS = [
  'console.opened',
  'inventory.read',
  'checks.run',
  'evidence.attached',
  'machine.added',
  'machine.paired',
  'machine.repaired',
  'machine.removed',
  'machine.host_key_confirmed',
  'machine.enrolled',
  'enrolment.issued',
  'enrolment.revoked',
  'analyst.added',
  'analyst.changed',
  'analyst.disabled',
  'settings.changed',
  'workflow.changed',
  'data.exported',
  'data.imported',
  'baseline.set',
  'baseline.cleared',
  'fleet.authority_saved',
  'fleet.identity_issued',
  'fleet.identity_revoked',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: z.iso.datetime(),
  analyst: z.string(),
  /** The PC the console ran on. */
  pc: z.string(),
  /** A string, not the enum: a newer console may record actions this one does not know. */
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z
  .object({
    analyst: AnalystSchema.optional(),
    action: AuditActionSchema.optional(),
    /** From this moment on (inclusive). */
    from: z.iso.datetime().optional(),
    /** Before this moment. */
    to: z.iso.datetime().optional(),
    limit: z.number().int().min(1).max(10_000).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  hasMore: z.boolean(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/**
 * Which contract methods leave an audit entry once they succeed, and as what. Reads of the
 * desk's own records are not audited; reaching into a machine, changing who may do what,
 * and data leaving or entering the desk are.
 */
export const apiAudit: Partial<Record<ApiMethod, AuditAction>> = {
  'machines.inventory': 'inventory.read',
  'machines.startChecks': 'checks.run',
  'intake.runChecks': 'checks.run',
  'tickets.attachInventory': 'evidence.attached',
  'tickets.attachCheckRun': 'evidence.attached',
  'tickets.attachInventoryDiff': 'evidence.attached',
  'machines.setBaseline': 'baseline.set',
  'machines.clearBaseline': 'baseline.cleared',
  'machines.add': 'machine.added',
  'machines.pair': 'machine.paired',
  'machines.repair': 'machine.repaired',
  'machines.remove': 'machine.removed',
  'machines.addSsh': 'machine.added',
  'machines.confirmSshHostKey': 'machine.host_key_confirmed',
  'machines.addEnrolled': 'machine.enrolled',
  'machines.issueEnrolment': 'enrolment.issued',
  'machines.revokeEnrolment': 'enrolment.revoked',
  'settings.update': 'settings.changed',
  'workflow.configure': 'workflow.changed',
  'data.startExport': 'data.exported',
  'data.runImport': 'data.imported',
};
