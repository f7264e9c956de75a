/**
 * The desk on a shared PostgreSQL: who may do what is the database's business, not the
 * console's (a console is a program on the analyst's own PC). Each analyst signs in as a
 * login role of their own, a member of one of three group roles per desk database:
 *
 * - `<database>_analyst`: reads the desk's data; creates and works tickets, people, outside
 *   help and knowledge-base articles; pairs machines and attaches evidence; appends to the
 *   audit log. Cannot change the desk's settings (groups, SLA calendar), delete machines,
 *   read the audit log or change any of it.
 * - `<database>_lead`: an analyst who also changes the desk's settings and reads the audit log.
 * - `<database>_admin`: a lead who also removes machines and adds, changes and disables
 *   analysts, through the security-definer functions below (only they create login roles).
 *
 * The desk's owner (the role that ran `setUpDesk`, which owns every table) upgrades the schema;
 * no analyst role can create anything. Group roles are per database because PostgreSQL's
 * roles belong to the whole server, which may hold several desks.
 */
import { sql } from 'kysely';
import {
  AnalystAccountSchema,
  AnalystDetailsSchema,
  AnalystLoginSchema,
  DesksideError,
  NewAnalystSchema,
  validationError,
  type AnalystAccount,
  type AnalystDetails,
  type AnalystRole,
  type NewAnalyst,
} from '@deskside/core';
import type { Db } from '../database/open';

export type DeskRoleNames = Record<AnalystRole, string>;

/** The three group roles of the desk in `database`. */
export function deskRoleNames(database: string): DeskRoleNames {
  if (!/^[a-z_][a-z0-9_]{0,54}$/.test(database)) {
    throw new DesksideError(
      'validation',
      `The desk's database name "${database}" must be at most 55 lower-case letters, digits or _`,
    );
  }
  return { analyst: `${database}_analyst`, lead: `${database}_lead`, admin: `${database}_admin` };
}

async function currentDatabase(db: Db): Promise<string> {
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
  return rows[0]?.name ?? '';
}

/** Whether `setUpDesk` has run on this database (its group roles exist). */
export async function hasDeskRoles(db: Db): Promise<boolean> {
  const roles = deskRoleNames(await currentDatabase(db));
  const { rows } = await sql<{ found: number }>`
    SELECT count(*)::int AS found FROM pg_roles WHERE rolname = ${roles.analyst}`.execute(db);
  return (rows[0]?.found ?? 0) > 0;
}

/** Tables an analyst writes in the course of the desk's work, and how. */
const ANALYST_WRITES: Record<string, readonly ('INSERT' | 'UPDATE' | 'DELETE')[]> = {
  tickets: ['INSERT', 'UPDATE'],
  ticket_search: ['INSERT', 'UPDATE'],
  timeline: ['INSERT'],
  evidence: ['INSERT'],
  people: ['INSERT', 'UPDATE'],
  machines: ['INSERT', 'UPDATE'],
  console_pcs: ['INSERT', 'UPDATE'],
  vendor_cases: ['INSERT', 'UPDATE'],
  visits: ['INSERT', 'UPDATE'],
  orders: ['INSERT', 'UPDATE'],
  kb_articles: ['INSERT', 'UPDATE'],
  kb_search: ['INSERT', 'UPDATE'],
  kb_article_tags: ['INSERT', 'DELETE'],
  kb_links: ['INSERT', 'UPDATE', 'DELETE'],
  audit_log: ['INSERT'],
  // Inventory history is append-only (migration 0009): analysts record it, nobody changes it.
  inventory_sections: ['INSERT'],
  inventory_snapshots: ['INSERT'],
  // Derived from the latest snapshot and rewritten with it (migration 0010).
  machine_profiles: ['INSERT', 'UPDATE', 'DELETE'],
  machine_software: ['INSERT', 'DELETE'],
  // Any analyst marks a machine's last known good inventory (migration 0011); a model's
  // golden one is for leads and administrators (applyDeskGrants).
  machine_baselines: ['INSERT', 'UPDATE', 'DELETE'],
  // Reports (migration 0012): whoever opens a report refreshes the derived facts, and any
  // console stores the run of a due scheduled report; saved reports are the leads' (below).
  report_runs: ['INSERT'],
  report_ticket_facts: ['INSERT', 'UPDATE', 'DELETE'],
  report_facts_state: ['INSERT', 'UPDATE', 'DELETE'],
  report_machines_seen: ['INSERT', 'UPDATE', 'DELETE'],
  report_check_failures: ['INSERT'],
  report_evidence_seen: ['INSERT'],
  // Help from employees' agents (migration 0014): taken and answered by any analyst, never changed.
  agent_help_requests: ['INSERT'],
  agent_help_messages: ['INSERT'],
  // Checks queued over NATS (migration 0016): inserted by whoever queues them; settled (the
  // columns in QUEUED_CHECK_SETTLING) by whichever console reads the result; never deleted.
  fleet_queued_checks: ['INSERT'],
  // Mail (migration 0015): the console reading the desk's mailbox records each message it
  // took; whoever writes to a requester queues the message, and the sending console marks it.
  mail_messages: ['INSERT'],
  mail_outbox: ['INSERT', 'UPDATE'],
  // Automatic messages (migration 0017): the sending console records each event it decided
  // about and how far it read; the templates themselves are the leads' (applyDeskGrants).
  mail_automatic: ['INSERT'],
  mail_automatic_cursor: ['INSERT', 'UPDATE'],
  // Fleet presence (migration 0013): every console in fleet mode writes what it saw, so any
  // analyst's console keeps "last seen" up to date; rows are never removed.
  fleet_presence: ['INSERT', 'UPDATE'],
};

/** What settling a queued check writes; the rest of its row is never changed. */
const QUEUED_CHECK_SETTLING = ['state', 'settled_at', 'run', 'problem', 'evidence_id'] as const;

/**
 * Columns naming who wrote a row, and what an update does to them. On a desk with roles the
 * database fills them in for an analyst's session with the analyst signed in
 * (`session_user`), whatever the console or psql sends: `keep` keeps who created the row on
 * every later update, `sign` names whoever updates it, `signChanged` names whoever sets a new
 * value (feedback recorded on a link). The desk's owner, who is no analyst (imports, restores),
 * writes what it is given. A ticket closed by a console's sweep (its user never answered) is
 * thereby recorded as closed by the analyst whose console swept.
 */
const AUTHOR_COLUMNS: readonly {
  table: string;
  column: string;
  onUpdate: 'keep' | 'sign' | 'signChanged';
}[] = [
  { table: 'tickets', column: 'created_by', onUpdate: 'keep' },
  { table: 'timeline', column: 'author', onUpdate: 'keep' },
  { table: 'evidence', column: 'taken_by', onUpdate: 'keep' },
  { table: 'inventory_snapshots', column: 'taken_by', onUpdate: 'keep' },
  { table: 'vendor_cases', column: 'opened_by', onUpdate: 'keep' },
  { table: 'visits', column: 'created_by', onUpdate: 'keep' },
  { table: 'orders', column: 'created_by', onUpdate: 'keep' },
  { table: 'kb_articles', column: 'created_by', onUpdate: 'keep' },
  { table: 'kb_articles', column: 'updated_by', onUpdate: 'sign' },
  { table: 'kb_links', column: 'linked_by', onUpdate: 'keep' },
  { table: 'kb_links', column: 'feedback_by', onUpdate: 'signChanged' },
  { table: 'machine_baselines', column: 'set_by', onUpdate: 'sign' },
  { table: 'model_baselines', column: 'set_by', onUpdate: 'sign' },
  { table: 'fleet_queued_checks', column: 'queued_by', onUpdate: 'keep' },
  { table: 'mail_outbox', column: 'created_by', onUpdate: 'keep' },
  { table: 'mail_templates', column: 'updated_by', onUpdate: 'sign' },
];

/**
 * A queued check is settled once: a row no longer waiting keeps its state, time, run and
 * problem, and its evidence is noted once. Two consoles reading the same result therefore
 * cannot both settle it, and nobody rewrites what an agent answered.
 */
async function settleQueuedChecksOnce(db: Db): Promise<void> {
  await sql`CREATE OR REPLACE FUNCTION deskside_settle_queued_check_once() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
    BEGIN
      IF OLD.state <> 'waiting' AND (
          NEW.state IS DISTINCT FROM OLD.state OR NEW.settled_at IS DISTINCT FROM OLD.settled_at
          OR NEW.run IS DISTINCT FROM OLD.run OR NEW.problem IS DISTINCT FROM OLD.problem
          OR (OLD.evidence_id IS NOT NULL AND NEW.evidence_id IS DISTINCT FROM OLD.evidence_id)) THEN
        RAISE EXCEPTION 'queued check % is settled already', OLD.request_id
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE OR REPLACE TRIGGER fleet_queued_checks_settled_once
    BEFORE UPDATE ON fleet_queued_checks
    FOR EACH ROW EXECUTE FUNCTION deskside_settle_queued_check_once()`.execute(db);
}

/** The triggers that sign each author column (AUTHOR_COLUMNS); run with the grants. */
async function signAuthorColumns(db: Db): Promise<void> {
  await sql`CREATE OR REPLACE FUNCTION deskside_sign_author() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE
      col text := TG_ARGV[0];
      on_update text := TG_ARGV[1];
      given jsonb := to_jsonb(NEW) -> col;
      signed jsonb := to_jsonb(session_user::text);
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM analysts WHERE login = session_user) THEN
        RETURN NEW;
      END IF;
      IF TG_OP = 'UPDATE' AND on_update = 'keep' THEN
        signed := to_jsonb(OLD) -> col;
      ELSIF jsonb_typeof(given) = 'null'
          OR (TG_OP = 'UPDATE' AND on_update = 'signChanged' AND given = to_jsonb(OLD) -> col) THEN
        RETURN NEW;
      END IF;
      NEW := jsonb_populate_record(NEW, jsonb_build_object(col, signed));
      RETURN NEW;
    END $$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION deskside_sign_author() FROM PUBLIC`.execute(db);
  for (const { table, column, onUpdate } of AUTHOR_COLUMNS) {
    await sql`CREATE OR REPLACE TRIGGER ${sql.id(`${table}_${column}_signed`)}
      BEFORE INSERT OR UPDATE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION deskside_sign_author(${sql.lit(column)}, ${sql.lit(onUpdate)})`.execute(
      db,
    );
  }
}

/**
 * The grants and the author columns' triggers, from nothing: run by the owner after
 * `setUpDesk` and after every schema upgrade, so a table a new migration adds is covered (and
 * nothing is granted that this list does not say).
 */
export async function applyDeskGrants(db: Db): Promise<void> {
  const database = await currentDatabase(db);
  const roles = deskRoleNames(database);
  const id = (name: string) => sql.id(name);
  await db.transaction().execute(async (trx) => {
    await sql`REVOKE ALL ON DATABASE ${id(database)} FROM PUBLIC`.execute(trx);
    await sql`GRANT CONNECT, TEMPORARY ON DATABASE ${id(database)} TO ${id(roles.analyst)}`.execute(
      trx,
    );
    await sql`REVOKE CREATE ON SCHEMA public FROM PUBLIC`.execute(trx);
    await sql`GRANT USAGE ON SCHEMA public TO ${id(roles.analyst)}`.execute(trx);
    for (const role of Object.values(roles)) {
      await sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${id(role)}`.execute(trx);
      await sql`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${id(role)}`.execute(trx);
    }
    await sql`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${id(roles.analyst)}`.execute(trx);
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${id(roles.analyst)}`.execute(
      trx,
    );
    // Machines' keys are the desk's alone: consoles get signatures, never a key.
    await sql`REVOKE ALL ON machine_keys FROM ${id(roles.analyst)}`.execute(trx);
    // Nor an enrolment file's secret and claims: the database checks proofs and spends claims.
    await sql`REVOKE ALL ON enrolment_secrets FROM ${id(roles.analyst)}`.execute(trx);
    // The desk's fleet authority issues and revokes machines' identities: leads and
    // administrators only (migration 0013).
    await sql`REVOKE ALL ON fleet_authority FROM ${id(roles.analyst)}`.execute(trx);
    await sql`GRANT SELECT, INSERT, UPDATE ON fleet_authority TO ${id(roles.lead)}`.execute(trx);
    // What leads and administrators see of the analysts' own trail.
    await sql`REVOKE SELECT ON audit_log FROM ${id(roles.analyst)}`.execute(trx);
    await sql`GRANT SELECT ON audit_log TO ${id(roles.lead)}`.execute(trx);
    for (const [table, privileges] of Object.entries(ANALYST_WRITES)) {
      await sql`GRANT ${sql.raw(privileges.join(', '))} ON ${sql.table(table)} TO ${id(roles.analyst)}`.execute(
        trx,
      );
    }
    await sql`GRANT UPDATE (${sql.join(QUEUED_CHECK_SETTLING.map((c) => sql.id(c)))}) ON fleet_queued_checks TO ${id(roles.analyst)}`.execute(
      trx,
    );
    await settleQueuedChecksOnce(trx);
    await sql`GRANT INSERT, UPDATE ON settings TO ${id(roles.lead)}`.execute(trx);
    // A model's golden inventory is what every machine of the model is held to.
    await sql`GRANT INSERT, UPDATE, DELETE ON model_baselines TO ${id(roles.lead)}`.execute(trx);
    // Analysts read saved reports; leads and administrators save, change and delete them.
    await sql`GRANT INSERT, UPDATE, DELETE ON saved_reports TO ${id(roles.lead)}`.execute(trx);
    await sql`GRANT DELETE ON report_runs TO ${id(roles.lead)}`.execute(trx);
    // Analysts read the automatic messages' templates; leads and administrators change them.
    await sql`GRANT INSERT, UPDATE, DELETE ON mail_templates TO ${id(roles.lead)}`.execute(trx);
    await sql`GRANT DELETE ON machines TO ${id(roles.admin)}`.execute(trx);
    for (const fn of ANALYST_FUNCTIONS) {
      await sql`REVOKE ALL ON FUNCTION ${sql.raw(fn)} FROM PUBLIC`.execute(trx);
      await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO ${id(roles.admin)}`.execute(trx);
    }
    for (const fn of MACHINE_KEY_FUNCTIONS) {
      await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO ${id(roles.analyst)}`.execute(trx);
    }
    for (const fn of ENROLMENT_ADMIN_FUNCTIONS) {
      await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO ${id(roles.admin)}`.execute(trx);
    }
    await signAuthorColumns(trx);
  });
}

/** Every analyst pairs machines and has requests to their agents signed (migration 0006). */
const MACHINE_KEY_FUNCTIONS = [
  'deskside_set_machine_key(text, text)',
  'deskside_sign_agent_request(text, text, text, text)',
  // Adding an enrolled machine: the agent's proof checked, one claim spent (migration 0008).
  'deskside_enrolment_claim(text, text, text, text)',
];

/** Issuing and revoking enrolment files is the desk's administrators' (migration 0008). */
const ENROLMENT_ADMIN_FUNCTIONS = [
  'deskside_issue_enrolment(text, text, text, text, text, integer, text, text)',
  'deskside_revoke_enrolment(text)',
];

/** The signatures of the functions through which administrators manage analysts. */
const ANALYST_FUNCTIONS = [
  'deskside_add_analyst(text, text, text, text, text, text)',
  'deskside_change_analyst(text, text, text, text, text)',
  'deskside_disable_analyst(text)',
];

/**
 * Security-definer functions: they run with the owner's rights (creating and altering login
 * roles), after checking that the caller (`session_user`) is one of the desk's administrators.
 * Each leaves its entry in the audit log, from the caller's PC (named in `application_name`).
 */
async function createAnalystFunctions(db: Db): Promise<void> {
  await sql`CREATE OR REPLACE FUNCTION deskside_require_admin() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    BEGIN
      IF NOT pg_has_role(session_user, current_database() || '_admin', 'MEMBER') THEN
        RAISE EXCEPTION 'only an administrator of this desk manages analysts'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
    END $$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION deskside_require_admin() FROM PUBLIC`.execute(db);

  await sql`CREATE OR REPLACE FUNCTION deskside_audit(action text, subject text, details text)
    RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      INSERT INTO audit_log (at, analyst, pc, action, subject, details)
      VALUES (to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        session_user,
        coalesce(nullif(regexp_replace(current_setting('application_name', true), '^deskside@', ''), ''), 'unknown'),
        action, subject, details)
    $$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION deskside_audit(text, text, text) FROM PUBLIC`.execute(db);

  // An entry is signed by the login that wrote it, whatever the console (or psql) claims.
  await sql`CREATE OR REPLACE FUNCTION deskside_sign_audit_entry() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM analysts WHERE login = session_user) THEN
        NEW.analyst := session_user;
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE OR REPLACE TRIGGER audit_log_signed BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION deskside_sign_audit_entry()`.execute(db);

  await sql`CREATE OR REPLACE FUNCTION deskside_add_analyst(login text, password text,
      name text, email text, language text, role text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE
      now_text text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    BEGIN
      PERFORM deskside_require_admin();
      IF role NOT IN ('analyst', 'lead', 'admin') THEN
        RAISE EXCEPTION 'unknown role %', role USING ERRCODE = 'invalid_parameter_value';
      END IF;
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'the sign-in name % is taken on this server', login
          USING ERRCODE = 'duplicate_object';
      END IF;
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, password,
        current_database() || '_' || role);
      INSERT INTO analysts (login, name, email, language, role, disabled, added_by, added_at,
        updated_at)
      VALUES (login, name, email, language, role, 0, session_user, now_text, now_text);
      PERFORM deskside_audit('analyst.added', login, json_build_object('role', role)::text);
    END $$`.execute(db);

  await sql`CREATE OR REPLACE FUNCTION deskside_change_analyst(login text, name text,
      email text, language text, new_role text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE
      old_role text;
    BEGIN
      PERFORM deskside_require_admin();
      IF new_role NOT IN ('analyst', 'lead', 'admin') THEN
        RAISE EXCEPTION 'unknown role %', new_role USING ERRCODE = 'invalid_parameter_value';
      END IF;
      SELECT a.role INTO old_role FROM analysts a WHERE a.login = deskside_change_analyst.login
        FOR UPDATE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'no analyst %', login USING ERRCODE = 'no_data_found';
      END IF;
      IF old_role <> new_role THEN
        EXECUTE format('GRANT %I TO %I', current_database() || '_' || new_role, login);
        EXECUTE format('REVOKE %I FROM %I', current_database() || '_' || old_role, login);
      END IF;
      UPDATE analysts a SET name = deskside_change_analyst.name,
        email = deskside_change_analyst.email, language = deskside_change_analyst.language,
        role = new_role,
        updated_at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      WHERE a.login = deskside_change_analyst.login;
      PERFORM deskside_audit('analyst.changed', login,
        json_build_object('role', new_role, 'previousRole', old_role)::text);
    END $$`.execute(db);

  // NOLOGIN refuses new sessions; the analyst's open sessions are ended at once.
  await sql`CREATE OR REPLACE FUNCTION deskside_disable_analyst(login text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    BEGIN
      PERFORM deskside_require_admin();
      IF login = session_user THEN
        RAISE EXCEPTION 'an administrator cannot disable themselves'
          USING ERRCODE = 'invalid_parameter_value';
      END IF;
      UPDATE analysts a SET disabled = 1,
        updated_at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      WHERE a.login = deskside_disable_analyst.login;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'no analyst %', login USING ERRCODE = 'no_data_found';
      END IF;
      EXECUTE format('ALTER ROLE %I NOLOGIN', login);
      PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = login;
      PERFORM deskside_audit('analyst.disabled', login, '{}');
    END $$`.execute(db);
}

/**
 * Makes this database a desk with roles: run once by the desk's owner (the role that owns the
 * schema, with CREATEROLE), naming the first administrator. Running it again brings the
 * functions and grants up to date and leaves the analysts as they are.
 */
export async function setUpDesk(db: Db, firstAdmin: unknown): Promise<void> {
  const parsed = NewAnalystSchema.safeParse(firstAdmin);
  if (!parsed.success) throw validationError(parsed.error, 'administrator');
  if (parsed.data.role !== 'admin') {
    throw new DesksideError('validation', 'The first analyst of a desk is its administrator');
  }
  const roles = deskRoleNames(await currentDatabase(db));
  const exists = async (role: string) => {
    const { rows } = await sql<{ found: number }>`
      SELECT count(*)::int AS found FROM pg_roles WHERE rolname = ${role}`.execute(db);
    return (rows[0]?.found ?? 0) > 0;
  };
  for (const role of [roles.analyst, roles.lead, roles.admin]) {
    if (!(await exists(role))) await sql`CREATE ROLE ${sql.id(role)} NOLOGIN`.execute(db);
  }
  await sql`GRANT ${sql.id(roles.analyst)} TO ${sql.id(roles.lead)}`.execute(db);
  await sql`GRANT ${sql.id(roles.lead)} TO ${sql.id(roles.admin)}`.execute(db);
  await createAnalystFunctions(db);
  await applyDeskGrants(db);
  const { rows } = await sql<{ found: number }>`
    SELECT count(*)::int AS found FROM analysts WHERE role = 'admin'`.execute(db);
  if ((rows[0]?.found ?? 0) > 0) return;
  // The owner is no administrator: it lends itself the role for this one call.
  await db.transaction().execute(async (trx) => {
    await sql`GRANT ${sql.id(roles.admin)} TO CURRENT_USER`.execute(trx);
    await addAnalystWith(trx, parsed.data);
    await sql`REVOKE ${sql.id(roles.admin)} FROM CURRENT_USER`.execute(trx);
  });
}

async function addAnalystWith(db: Db, analyst: NewAnalyst): Promise<void> {
  await sql`SELECT deskside_add_analyst(${analyst.login}, ${analyst.password}, ${analyst.name},
    ${analyst.email}, ${analyst.language}, ${analyst.role})`.execute(db);
}

/**
 * What an administrator does with the desk's analysts; the database checks that they are one.
 * Their groups are not kept here: membership has one home, the groups of the desk's workflow
 * configuration (DeskService writes it), and `list` reads it through `memberships`.
 */
export class DeskAnalysts {
  constructor(
    private readonly db: Db,
    /** Each analyst's groups, read once per listing. */
    private readonly memberships: () => Promise<(login: string) => string[]> = () =>
      Promise.resolve(() => []),
  ) {}

  async add(input: unknown): Promise<void> {
    const parsed = NewAnalystSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error, 'analyst');
    await addAnalystWith(this.db, parsed.data);
  }

  async change(login: unknown, details: unknown): Promise<void> {
    const name = AnalystLoginSchema.safeParse(login);
    if (!name.success) throw validationError(name.error, 'sign-in name');
    const parsed = AnalystDetailsSchema.safeParse(details);
    if (!parsed.success) throw validationError(parsed.error, 'analyst');
    const d: AnalystDetails = parsed.data;
    await sql`SELECT deskside_change_analyst(${name.data}, ${d.name}, ${d.email}, ${d.language},
      ${d.role})`.execute(this.db);
  }

  async disable(login: unknown): Promise<void> {
    const name = AnalystLoginSchema.safeParse(login);
    if (!name.success) throw validationError(name.error, 'sign-in name');
    await sql`SELECT deskside_disable_analyst(${name.data})`.execute(this.db);
  }

  async list(): Promise<AnalystAccount[]> {
    const rows = await this.db.selectFrom('analysts').selectAll().orderBy('login').execute();
    const groupsOf = await this.memberships();
    return AnalystAccountSchema.array().parse(
      rows.map((row) => ({ ...row, groups: groupsOf(row.login), disabled: row.disabled === 1 })),
    );
  }
}

/**
 * The analyst this connection signed in as, when it is one of the desk's (on PostgreSQL with
 * desk roles); null for the desk's owner, any other role, and SQLite.
 */
export async function signedInAnalyst(db: Db): Promise<string | null> {
  const { rows } = await sql<{ login: string | null }>`
    SELECT (SELECT login FROM analysts WHERE login = session_user AND disabled = 0) AS login`.execute(
    db,
  );
  return rows[0]?.login ?? null;
}
