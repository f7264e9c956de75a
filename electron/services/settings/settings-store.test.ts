import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsService } from './settings-service';
import { confSettingsStore, settingsStoreOptions } from './settings-store';

const folders = temporaryFolders('deskside-settings-');
let dataDir: string;
beforeEach(async () => {
  dataDir = await folders.make();
});
afterEach(() => folders.removeAll());

describe('the conf settings store', () => {
  it('keeps the settings in settings.json in the data folder', async () => {
    const store = confSettingsStore(settingsStoreOptions(dataDir));
    expect(store.path).toBe(path.join(dataDir, 'settings.json'));
    store.set({ language: 'nl', displayName: 'Anna', fleet: null });
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toEqual({
      language: 'nl',
      displayName: 'Anna',
      fleet: null,
    });
  });

  it('reads a file written before, as the settings service sees it', async () => {
    await writeFile(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({ language: 'fr', displayName: null }),
    );
    // The defaults of fields the file does not have yet (fleet) are read with it.
    expect(confSettingsStore(settingsStoreOptions(dataDir)).store).toEqual({
      language: 'fr',
      displayName: null,
      fleet: null,
    });
    expect(new SettingsService(dataDir).get()).toEqual({
      language: 'fr',
      displayName: null,
      fleet: null,
    });
  });

  it('starts with the defaults where there is no file yet', () => {
    expect(new SettingsService(dataDir, confSettingsStore).get()).toEqual({
      language: null,
      displayName: null,
      fleet: null,
    });
  });
});
