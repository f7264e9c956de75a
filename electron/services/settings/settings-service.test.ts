import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { SettingsService } from './settings-service';

let desk: TestConsole;
beforeEach(async () => {
  desk = await openTestConsole();
});
afterEach(async () => {
  await desk.dispose();
});

describe('console settings', () => {
  it('start by following the system language', async () => {
    expect(await desk.call('settings.get', {})).toEqual({
      language: null,
      displayName: null,
      fleet: null,
    });
  });

  it('keep a chosen language across restarts', async () => {
    expect(await desk.call('settings.update', { language: 'el' })).toMatchObject({
      language: 'el',
    });
    expect(new SettingsService(desk.dataDir).get()).toMatchObject({ language: 'el' });
  });

  it('refuse a language Deskside does not speak, and unknown settings, changing nothing', async () => {
    await desk.call('settings.update', { language: 'fr' });
    expect((await callError(desk.call('settings.update', { language: 'de' as 'fr' }))).code).toBe(
      'validation',
    );
    const unknown = await callError(
      desk.call('settings.update', { theme: 'dark' } as unknown as { language: 'fr' }),
    );
    expect(unknown.code).toBe('validation');
    expect(await desk.call('settings.get', {})).toMatchObject({ language: 'fr' });
  });

  it('fall back to the default for a value damaged by hand, instead of failing to start', async () => {
    await writeFile(path.join(desk.dataDir, 'settings.json'), JSON.stringify({ language: 42 }));
    expect(new SettingsService(desk.dataDir).get()).toEqual({
      language: null,
      displayName: null,
      fleet: null,
    });
  });

  it('tell the settings page that a key file seals the secrets in browser mode', async () => {
    expect((await desk.call('app.info', {})).secrets).toEqual({
      kind: 'key-file',
      reason: 'browser-mode',
    });
  });
});
