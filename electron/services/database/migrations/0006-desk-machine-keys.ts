import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * Machines belong to the desk (PostgreSQL only; on the SQLite file the console keeps each
 * machine's credential sealed, as before). Each machine's key, shared with its agent since
 * pairing, sits in `machine_keys`: no analyst's role may read it (desk/desk-roles.ts grants
 * nothing on it). Consoles reach agents with requests the database signs, one at a time, for
 * the analyst signed in (machines/machine-credentials.ts; agent/src/security/signed-requests.ts
 * defines the message, built here in SQL byte for byte).
 */
export function deskMachineKeys(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await db.schema
        .createTable('machine_keys')
        .addColumn('machine_id', 'text', (c) =>
          c.primaryKey().references('machines.id').onDelete('cascade'),
        )
        .addColumn('key', 'bytea', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .execute();
      await sql`REVOKE ALL ON machine_keys FROM PUBLIC`.execute(db);

      // HMAC-SHA256 (RFC 2104) from PostgreSQL's own sha256(), so no extension is needed.
      await sql`CREATE OR REPLACE FUNCTION deskside_hmac_sha256(key bytea, message bytea)
        RETURNS bytea LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
        DECLARE
          k bytea := key;
          inner_pad bytea;
          outer_pad bytea;
        BEGIN
          IF length(k) > 64 THEN k := sha256(k); END IF;
          k := k || decode(repeat('00', 64 - length(k)), 'hex');
          inner_pad := k;
          outer_pad := k;
          FOR i IN 0..63 LOOP
            inner_pad := set_byte(inner_pad, i, get_byte(k, i) # 54);
            outer_pad := set_byte(outer_pad, i, get_byte(k, i) # 92);
          END LOOP;
          RETURN sha256(outer_pad || sha256(inner_pad || message));
        END $$`.execute(db);

      // Refuses a caller who is a disabled analyst (their role also lost LOGIN: this is the
      // second lock, for a session that somehow outlived it).
      await sql`CREATE OR REPLACE FUNCTION deskside_require_enabled() RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM analysts WHERE login = session_user AND disabled <> 0) THEN
            RAISE EXCEPTION 'analyst % is disabled', session_user
              USING ERRCODE = 'insufficient_privilege';
          END IF;
        END $$`.execute(db);

      await sql`CREATE OR REPLACE FUNCTION deskside_set_machine_key(machine text, key_hex text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
          PERFORM deskside_require_enabled();
          IF key_hex !~ '^[0-9a-f]{64}$' THEN
            RAISE EXCEPTION 'a machine key is 32 bytes in hex' USING ERRCODE = 'invalid_parameter_value';
          END IF;
          IF NOT EXISTS (SELECT 1 FROM machines WHERE id = machine AND transport = 'agent-https') THEN
            RAISE EXCEPTION 'no agent machine %', machine USING ERRCODE = 'no_data_found';
          END IF;
          INSERT INTO machine_keys (machine_id, key, set_by, set_at)
          VALUES (machine, decode(key_hex, 'hex'), session_user,
            to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          ON CONFLICT (machine_id) DO UPDATE SET key = EXCLUDED.key, set_by = EXCLUDED.set_by,
            set_at = EXCLUDED.set_at;
        END $$`.execute(db);

      // One signature for one request (method, target, body hash) to one agent (its pinned
      // fingerprint), now, for the analyst signed in: the caller chooses none of the rest.
      await sql`CREATE OR REPLACE FUNCTION deskside_sign_agent_request(machine text,
          method text, target text, body_sha256 text)
        RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        DECLARE
          k bytea;
          fingerprint text;
          analyst text := session_user;
          key_id text;
          signed_at bigint := floor(extract(epoch FROM clock_timestamp()));
          nonce text := replace(gen_random_uuid()::text, '-', '');
          message text;
        BEGIN
          PERFORM deskside_require_enabled();
          IF method NOT IN ('GET', 'POST') OR target !~ '^/v1/[!-~]*$' OR length(target) > 2000
              OR body_sha256 !~ '^[0-9a-f]{64}$' THEN
            RAISE EXCEPTION 'not a request to an agent' USING ERRCODE = 'invalid_parameter_value';
          END IF;
          IF analyst !~ '^[A-Za-z0-9._~-]{1,63}$' THEN
            RAISE EXCEPTION 'the role % cannot sign requests to agents', analyst
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          SELECT mk.key, m.fingerprint INTO k, fingerprint
            FROM machine_keys mk JOIN machines m ON m.id = mk.machine_id
            WHERE mk.machine_id = machine;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'the desk holds no key for machine %', machine
              USING ERRCODE = 'no_data_found';
          END IF;
          key_id := left(encode(sha256(k), 'hex'), 32);
          message := concat_ws(chr(10), 'deskside-signed-request-v1', key_id, fingerprint, analyst,
            signed_at::text, nonce, method, target, body_sha256);
          RETURN format('Deskside-Signed key=%s,analyst=%s,time=%s,nonce=%s,body=%s,signature=%s',
            key_id, analyst, signed_at, nonce, body_sha256,
            encode(deskside_hmac_sha256(k, convert_to(message, 'UTF8')), 'hex'));
        END $$`.execute(db);
      for (const fn of [
        'deskside_hmac_sha256(bytea, bytea)',
        'deskside_require_enabled()',
        'deskside_set_machine_key(text, text)',
        'deskside_sign_agent_request(text, text, text, text)',
      ]) {
        await sql`REVOKE ALL ON FUNCTION ${sql.raw(fn)} FROM PUBLIC`.execute(db);
      }
    },
  };
}
