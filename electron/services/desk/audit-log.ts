/**
 * The console's audit log: who did what, when, from which PC. Entries are only added (the
 * database refuses changes and deletions, see migration 0005); on a desk with roles only
 * leads and administrators read them, and the database records the signed-in login whatever
 * a console claims (desk-roles.ts).
 */
import {
  AuditEntrySchema,
  AuditQuerySchema,
  apiAudit,
  validationError,
  type ApiMethod,
  type AuditAction,
  type AuditPage,
} from '@deskside/core';
import type { Db } from '../database/open';

export interface AuditAuthor {
  analyst: string;
  pc: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** What a call was about: the machine (or record) it touched, and the few facts that say how. */
export function auditSubject(
  method: ApiMethod,
  input: unknown,
  output: unknown,
): { subject: string; details: Record<string, unknown> } {
  const given = isRecord(input) ? input : {};
  const answer = isRecord(output) ? output : {};
  const subject =
    text(answer.machineId) ??
    text(isRecord(answer.enrolment) ? answer.enrolment.id : undefined) ??
    text(given.machineId) ??
    text(given.id) ??
    text(given.format) ??
    text(answer.id) ??
    '';
  const details: Record<string, unknown> = {};
  for (const key of ['ticketId', 'name', 'kind', 'format', 'hop', 'hostKey'] as const) {
    const value = answer[key] ?? given[key];
    if (value !== undefined) details[key] = value;
  }
  if (method === 'machines.issueEnrolment' && isRecord(answer.enrolment)) {
    const { label, keyId, expiresAt, maxMachines } = answer.enrolment;
    Object.assign(details, { label, keyId, expiresAt, maxMachines });
  }
  if (method === 'machines.addEnrolled') {
    Object.assign(details, { address: given.address, fingerprint: answer.fingerprint });
  }
  if (method === 'settings.update' || method === 'workflow.configure') {
    details.changed = Object.keys(given).sort();
  }
  if (method === 'machines.startChecks' && Array.isArray(given.checks)) {
    const checks: unknown[] = given.checks;
    details.checks = checks.map((check) => (isRecord(check) ? check.checkId : check));
  }
  if (method === 'machines.setBaseline' || method === 'machines.clearBaseline') {
    return baselineSubject(given, answer);
  }
  return { subject, details };
}

/** A baseline set or cleared: the machine, or the model ("manufacturer model"), and the inventory. */
function baselineSubject(
  given: Record<string, unknown>,
  answer: Record<string, unknown>,
): { subject: string; details: Record<string, unknown> } {
  const baseline = isRecord(answer.cleared) ? answer.cleared : answer;
  const scope = text(given.scope) ?? text(baseline.scope) ?? '';
  const snapshot = isRecord(baseline.snapshot) ? baseline.snapshot : {};
  const details: Record<string, unknown> = { scope };
  if (snapshot.id !== undefined) details.snapshotId = snapshot.id;
  if (scope === 'model') {
    const manufacturer = text(baseline.manufacturer) ?? text(given.manufacturer) ?? '';
    const model = text(baseline.model) ?? text(given.model) ?? '';
    Object.assign(details, { manufacturer, model });
    return { subject: [manufacturer, model].join(' ').trim(), details };
  }
  return { subject: text(baseline.machineId) ?? text(given.id) ?? '', details };
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly author: AuditAuthor,
    private readonly now: () => Date,
  ) {}

  async record(action: AuditAction, subject = '', details: Record<string, unknown> = {}) {
    await this.db
      .insertInto('auditLog')
      .values({
        at: this.now().toISOString(),
        analyst: this.author.analyst,
        pc: this.author.pc,
        action,
        subject,
        details: JSON.stringify(details),
      })
      .execute();
  }

  /** The entry a successful call leaves, if its method is audited. */
  async recordCall(method: ApiMethod, input: unknown, output: unknown): Promise<void> {
    const action = apiAudit[method];
    if (!action) return;
    const { subject, details } = auditSubject(method, input, output);
    await this.record(action, subject, details);
  }

  /** Newest first, filtered; on a desk with roles the database lets only leads read it. */
  async list(input: unknown): Promise<AuditPage> {
    const parsed = AuditQuerySchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error, 'audit query');
    const query = parsed.data;
    let select = this.db.selectFrom('auditLog').selectAll();
    if (query.analyst) select = select.where('analyst', '=', query.analyst);
    if (query.action) select = select.where('action', '=', query.action);
    if (query.from) select = select.where('at', '>=', query.from);
    if (query.to) select = select.where('at', '<', query.to);
    const rows = await select
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .offset(query.offset)
      .execute();
    return {
      entries: rows
        .slice(0, query.limit)
        .map((row) =>
          AuditEntrySchema.parse({ ...row, details: JSON.parse(row.details) as unknown }),
        ),
      hasMore: rows.length > query.limit,
    };
  }
}
