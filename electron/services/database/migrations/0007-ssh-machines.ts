import type { Kysely, Migration } from 'kysely';

/**
 * Machines reached over SSH (transport `ssh`). `address` and `port` say where the SSH server
 * listens and `fingerprint` holds its confirmed host key as OpenSSH prints it
 * (`SHA256:...`); the login name, the OS it answered as (`linux`, `darwin`, `win32`: its
 * inventory is then read without asking first) and the optional jump host sit beside them. No credential
 * of any analyst is stored here: each analyst's login stays on their own PC
 * (machines/ssh/ssh-logins.ts).
 */
export function sshMachines(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const column of [
        'ssh_username',
        'ssh_os',
        'jump_host',
        'jump_username',
        'jump_host_key',
      ]) {
        await db.schema.alterTable('machines').addColumn(column, 'text').execute();
      }
      await db.schema.alterTable('machines').addColumn('jump_port', 'integer').execute();
    },
  };
}
