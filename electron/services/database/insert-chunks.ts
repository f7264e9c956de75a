/** Both databases cap the parameters of one statement (SQLite 32766, PostgreSQL 65535). */
const MAX_PARAMETERS = 30_000;

export function chunksFor<T extends object>(rows: readonly T[]): T[][] {
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
