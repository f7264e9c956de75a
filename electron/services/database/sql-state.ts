/** PostgreSQL's SQLSTATE of a failed query (pg puts it on the error as `code`), if it has one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** P0002, no_data_found: what the desk's functions raise for a row that is not there. */
export const NO_DATA_FOUND = 'P0002';

/** 42501, insufficient_privilege: the signed-in role may not do this. */
export const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * The server ended the session (57P01, an administrator disabled the analyst) or refuses the
 * login (28000 / 28P01: no longer permitted to log in, or a changed password).
 */
export const SIGNED_OUT = ['57P01', '28000', '28P01'];
