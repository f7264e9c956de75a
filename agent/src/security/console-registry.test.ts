import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { ConsoleRegistry, REGISTRY_FILE } from './console-registry';

const folders = temporaryFolders('deskside-registry-');
const tempDir = folders.make;
afterEach(folders.removeAll);

async function pairOne(registry: ConsoleRegistry, name = 'ana@desk') {
  const { code } = await registry.issueCode({ ttlMs: 60_000, label: null });
  const result = await registry.exchange({ code, consoleName: name }, '127.0.0.1');
  if (!result.ok) throw new Error('expected a fresh code to work');
  return result;
}

describe('ConsoleRegistry (consoles.json on disk)', () => {
  it('admits a paired console by its credential, and nothing else', async () => {
    const registry = new ConsoleRegistry({ dataDir: await tempDir() });
    expect(await registry.authenticate('anything-at-all-0123456789')).toBeNull();
    const paired = await pairOne(registry);
    expect(await registry.authenticate(paired.credential)).toEqual({
      consoleId: paired.console.id,
    });
    expect(await registry.authenticate(`${paired.credential}x`)).toBeNull();
  });

  it('keeps consoles.json private and free of codes and credentials', async () => {
    const dataDir = await tempDir();
    const registry = new ConsoleRegistry({ dataDir });
    const { code } = await registry.issueCode({ ttlMs: 60_000, label: null });
    const result = await registry.exchange({ code }, '127.0.0.1');
    if (!result.ok) throw new Error('expected the code to work');
    const file = path.join(dataDir, REGISTRY_FILE);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(code);
    expect(text).not.toContain(result.credential);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('sees a revocation made by another process at the next authentication', async () => {
    const dataDir = await tempDir();
    const serving = new ConsoleRegistry({ dataDir });
    const paired = await pairOne(serving);
    expect(await serving.authenticate(paired.credential)).not.toBeNull();
    // `deskside-agent consoles revoke` opens its own registry on the same folder.
    await new ConsoleRegistry({ dataDir }).revoke(paired.console.id);
    expect(await serving.authenticate(paired.credential)).toBeNull();
  });

  it('sees a console paired through another registry on the same folder', async () => {
    const dataDir = await tempDir();
    const serving = new ConsoleRegistry({ dataDir });
    expect(await serving.authenticate('not-yet-paired-0123456789abc')).toBeNull();
    const paired = await pairOne(new ConsoleRegistry({ dataDir }));
    expect(await serving.authenticate(paired.credential)).toEqual({ consoleId: paired.console.id });
  });

  it('loses no change when many are made at once', async () => {
    const dataDir = await tempDir();
    const registries = [0, 1, 2].map(() => new ConsoleRegistry({ dataDir }));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => pairOne(registries[i % 3]!, `console ${i}`)),
    );
    const { consoles } = await registries[0]!.list();
    expect(consoles.map((c) => c.id).sort()).toEqual(results.map((r) => r.console.id).sort());
    expect(new Set(results.map((r) => r.credential)).size).toBe(12);
  });

  it('refuses every paired console while consoles.json is damaged, and says so', async () => {
    const dataDir = await tempDir();
    const errors: unknown[] = [];
    const registry = new ConsoleRegistry({ dataDir, onReadError: (error) => errors.push(error) });
    const paired = await pairOne(registry);
    await writeFile(path.join(dataDir, REGISTRY_FILE), '{ "version": 1, "consoles": [');
    expect(await registry.authenticate(paired.credential)).toBeNull();
    expect(String(errors[0])).toMatch(/consoles\.json is damaged/);
    // Changing it is refused too, rather than starting over and losing every console.
    await expect(registry.issueCode({ ttlMs: 60_000, label: null })).rejects.toThrow(/damaged/);
  });

  it('says which console id it does not know', async () => {
    const registry = new ConsoleRegistry({ dataDir: await tempDir() });
    await expect(registry.revoke('k7m2p9q4')).rejects.toThrow(/No console with id "k7m2p9q4"/);
  });
});
