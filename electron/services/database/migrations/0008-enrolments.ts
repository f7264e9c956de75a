import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect';

/** What the desk raises when an agent's proof of an enrolment file does not hold. */
export const ENROLMENT_PROOF_REFUSED = 'DSE01';
/** What the desk raises for an enrolment file that was revoked, expired or used up. */
export const ENROLMENT_SPENT = 'DSE02';

/**
 * Enrolment files the desk issued (machines/enrolments.ts): what the console lists, how many
 * machines each added, and whether it was revoked.
 *
 * On the SQLite file (one PC) the file's secret and its claims' seed are sealed by the
 * console in `secrets_sealed`. On PostgreSQL they sit in `enrolment_secrets`, which no
 * analyst's role may read (desk/desk-roles.ts grants nothing on it), and the database does
 * the three things that need them, in security-definer functions:
 * `deskside_issue_enrolment` and `deskside_revoke_enrolment` (administrators of the desk
 * only), and `deskside_enrolment_claim`, which checks an agent's proof, bound to the
 * certificate the console saw, and only then spends one claim of the file (any enabled
 * analyst, as any analyst pairs machines). The messages are built byte for byte as
 * agent/src/security/enrolment-crypto.ts builds them.
 */
export function enrolments(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('enrolments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('max_machines', 'integer', (c) => c.notNull())
        .addColumn('used_machines', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_by', 'text')
        .addColumn('secrets_sealed', 'text', (c) => c.notNull())
        .execute();
      if (dialect !== 'postgres') return;

      await db.schema
        .createTable('enrolment_secrets')
        .addColumn('enrolment_id', 'text', (c) =>
          c.primaryKey().references('enrolments.id').onDelete('cascade'),
        )
        .addColumn('secret', 'bytea', (c) => c.notNull())
        .addColumn('seed', 'bytea', (c) => c.notNull())
        .execute();
      await sql`REVOKE ALL ON enrolment_secrets FROM PUBLIC`.execute(db);

      await sql`CREATE OR REPLACE FUNCTION deskside_base64url_decode(text_in text)
        RETURNS bytea LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
          SELECT decode(translate(text_in, '-_', '+/')
            || repeat('=', (4 - length(text_in) % 4) % 4), 'base64')
        $$`.execute(db);

      // An analyst of the desk must be one of its administrators; the owner (no analyst,
      // who owns these tables anyway) may too.
      await sql`CREATE OR REPLACE FUNCTION deskside_require_enrolment_admin() RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
          PERFORM deskside_require_enabled();
          IF EXISTS (SELECT 1 FROM analysts WHERE login = session_user)
              AND NOT pg_has_role(session_user, current_database() || '_admin', 'MEMBER') THEN
            RAISE EXCEPTION 'only an administrator of this desk issues and revokes enrolment files'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
        END $$`.execute(db);

      await sql`CREATE OR REPLACE FUNCTION deskside_issue_enrolment(enrolment text, label text,
          key_id text, issued_at text, expires_at text, max_machines integer, secret text,
          seed text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
          PERFORM deskside_require_enrolment_admin();
          IF secret !~ '^[A-Za-z0-9_-]{43}$' OR seed !~ '^[A-Za-z0-9_-]{43}$'
              OR key_id !~ '^[0-9a-f]{32}$' OR max_machines NOT BETWEEN 1 AND 2000 THEN
            RAISE EXCEPTION 'not an enrolment file' USING ERRCODE = 'invalid_parameter_value';
          END IF;
          INSERT INTO enrolments (id, label, key_id, issued_by, issued_at, expires_at,
            max_machines, used_machines, secrets_sealed)
          VALUES (enrolment, label, key_id, session_user, issued_at, expires_at, max_machines, 0,
            '');
          INSERT INTO enrolment_secrets (enrolment_id, secret, seed)
          VALUES (enrolment, deskside_base64url_decode(secret), deskside_base64url_decode(seed));
        END $$`.execute(db);

      await sql`CREATE OR REPLACE FUNCTION deskside_revoke_enrolment(enrolment text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
          PERFORM deskside_require_enrolment_admin();
          IF NOT EXISTS (SELECT 1 FROM enrolments WHERE id = enrolment) THEN
            RAISE EXCEPTION 'no enrolment file %', enrolment USING ERRCODE = 'no_data_found';
          END IF;
          UPDATE enrolments SET revoked_by = session_user,
            revoked_at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
          WHERE id = enrolment AND revoked_at IS NULL;
        END $$`.execute(db);

      // The agent's proof for the certificate the console saw, then one claim of the file.
      await sql`CREATE OR REPLACE FUNCTION deskside_enrolment_claim(enrolment text,
          fingerprint text, challenge text, proof text)
        RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        DECLARE
          e record;
          expected text;
          now_text text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        BEGIN
          PERFORM deskside_require_enabled();
          IF fingerprint !~ '^([0-9A-F]{2}:){31}[0-9A-F]{2}$' OR challenge !~ '^[0-9a-f]{64}$'
              OR proof !~ '^[0-9a-f]{64}$' THEN
            RAISE EXCEPTION 'not an enrolment proof' USING ERRCODE = 'invalid_parameter_value';
          END IF;
          SELECT en.used_machines, en.max_machines, en.revoked_at, en.expires_at, s.secret, s.seed
            INTO e FROM enrolments en JOIN enrolment_secrets s ON s.enrolment_id = en.id
            WHERE en.id = enrolment FOR UPDATE OF en;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'no enrolment file %', enrolment USING ERRCODE = 'no_data_found';
          END IF;
          expected := encode(deskside_hmac_sha256(e.secret, convert_to(concat_ws(chr(10),
            'deskside-enrolment-proof-v1', enrolment, fingerprint, challenge), 'UTF8')), 'hex');
          IF expected <> proof THEN
            RAISE EXCEPTION 'the agent did not prove it holds enrolment file % for certificate %',
              enrolment, fingerprint USING ERRCODE = 'DSE01';
          END IF;
          IF e.revoked_at IS NOT NULL OR e.expires_at <= now_text
              OR e.used_machines >= e.max_machines THEN
            RAISE EXCEPTION 'enrolment file % was revoked, has expired or is used up', enrolment
              USING ERRCODE = 'DSE02';
          END IF;
          UPDATE enrolments SET used_machines = used_machines + 1 WHERE id = enrolment;
          RETURN rtrim(translate(encode(deskside_hmac_sha256(e.seed, convert_to(
            'deskside-enrolment-claim-v1' || chr(10) || e.used_machines::text, 'UTF8')),
            'base64'), '+/', '-_'), '=');
        END $$`.execute(db);

      for (const fn of [
        'deskside_base64url_decode(text)',
        'deskside_require_enrolment_admin()',
        'deskside_issue_enrolment(text, text, text, text, text, integer, text, text)',
        'deskside_revoke_enrolment(text)',
        'deskside_enrolment_claim(text, text, text, text)',
      ]) {
        await sql`REVOKE ALL ON FUNCTION ${sql.raw(fn)} FROM PUBLIC`.execute(db);
      }
    },
  };
}
