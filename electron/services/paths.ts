import envPaths from 'env-paths';

/**
 * The console's data folder (database, key file, logs). Electron and browser mode use the
 * same one, so both open the same tickets. DESKSIDE_DATA_DIR overrides it.
 */
export function consoleDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DESKSIDE_DATA_DIR ?? envPaths('Deskside', { suffix: '' }).data;
}
