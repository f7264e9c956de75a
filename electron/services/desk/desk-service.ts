/**
 * The desk as the console sees it: who is signed in, with which role, and (for
 * administrators) the analysts. The rules themselves are the database's (desk-roles.ts);
 * this only asks it, and says plainly when the desk has no roles to manage.
 */
import { sql } from 'kysely';
import {
  AnalystRoleSchema,
  DesksideError,
  type AnalystAccount,
  type ChangeAnalystInput,
  type DeskSession,
  type NewAnalyst,
} from '@deskside/core';
import { sqlState } from '../database/sql-state';
import type { Store } from '../database/store';
import type { WorkflowConfigService } from '../workflow/config-service';
import { DeskAnalysts, hasDeskRoles } from './desk-roles';

const NO_ROLES =
  'Analysts and roles belong to a desk shared on PostgreSQL and set up with roles; this console works alone';

export class DeskService {
  private readonly analysts: DeskAnalysts;

  constructor(
    private readonly store: Store,
    private readonly analyst: string,
    /** The desk's groups, where an analyst's membership lives ("my groups" in the queue). */
    private readonly workflow: WorkflowConfigService,
  ) {
    this.analysts = new DeskAnalysts(store.db, async () => {
      const { groups } = await workflow.get();
      return (login) =>
        groups.filter((group) => group.members.includes(login)).map((group) => group.id);
    });
  }

  private async withRoles(): Promise<boolean> {
    return this.store.dialect === 'postgres' && (await hasDeskRoles(this.store.db));
  }

  async session(): Promise<DeskSession> {
    if (!(await this.withRoles())) return { analyst: this.analyst, role: null, roles: false };
    const { rows } = await sql<{ role: string | null }>`
      SELECT (SELECT role FROM analysts WHERE login = session_user) AS role`.execute(this.store.db);
    const role = AnalystRoleSchema.safeParse(rows[0]?.role);
    return { analyst: this.analyst, role: role.success ? role.data : null, roles: true };
  }

  async list(): Promise<AnalystAccount[]> {
    return (await this.withRoles()) ? this.analysts.list() : [];
  }

  private async managed(change: () => Promise<void>): Promise<AnalystAccount[]> {
    if (!(await this.withRoles())) throw new DesksideError('forbidden', NO_ROLES);
    try {
      await change();
    } catch (error) {
      throw describeRefusal(error) ?? error;
    }
    return this.analysts.list();
  }

  /** Every group named is one of the desk's, before anything is written. */
  private async checkGroups(ids: readonly string[]): Promise<void> {
    const { groups } = await this.workflow.get();
    const unknown = ids.find((id) => !groups.some((group) => group.id === id));
    if (unknown === undefined) return;
    const message = `The desk has no group ${unknown}`;
    throw new DesksideError('validation', message, [{ path: 'groups', message }]);
  }

  add(analyst: NewAnalyst): Promise<AnalystAccount[]> {
    return this.managed(async () => {
      await this.checkGroups(analyst.groups);
      await this.analysts.add(analyst);
      await this.workflow.setMembership(analyst.login, analyst.groups);
    });
  }

  change({ login, ...details }: ChangeAnalystInput): Promise<AnalystAccount[]> {
    return this.managed(async () => {
      await this.checkGroups(details.groups);
      await this.analysts.change(login, details);
      await this.workflow.setMembership(login, details.groups);
    });
  }

  disable(login: string): Promise<AnalystAccount[]> {
    return this.managed(() => this.analysts.disable(login));
  }
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The desk functions' own refusals (by SQLSTATE), as the console's errors. */
function describeRefusal(error: unknown): DesksideError | undefined {
  const message = error instanceof Error ? error.message : '';
  switch (sqlState(error)) {
    case '42710': // duplicate_object: the sign-in name is taken
      return new DesksideError('conflict', sentence(message));
    case 'P0002': // no_data_found
      return new DesksideError('not_found', 'There is no such analyst on this desk');
    case '22023': // invalid_parameter_value
      return new DesksideError('validation', sentence(message));
    default:
      return undefined;
  }
}
