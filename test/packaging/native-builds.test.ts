import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeBuilds, saveNativeBuilds } from '../../scripts/native-builds';
import { ROOT } from './builder-config';

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function write(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

describe("Node's builds of the native modules across npm run dist", () => {
  it('are the addons of the modules @electron/rebuild rebuilds, here', () => {
    const relative = nativeBuilds(path.join(ROOT, 'node_modules')).map((file) =>
      path.relative(ROOT, file).split(path.sep).join('/'),
    );
    expect(relative).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    // Without a binding.gyp at its root ssh2 is not rebuilt, and its addon is not packed.
    expect(relative.filter((file) => file.includes('ssh2'))).toEqual([]);
  });

  it('are put back after a rebuild replaced them or removed their folder', () => {
    folder = mkdtempSync(path.join(tmpdir(), 'deskside-native-test-'));
    const modules = path.join(folder, 'node_modules');
    const sqlite = path.join(modules, 'sqlite/build/Release/sqlite.node');
    const scoped = path.join(modules, '@scope/crypto/build/Release/crypto.node');
    const plain = path.join(modules, 'plain/build/Release/plain.node');
    write(path.join(modules, 'sqlite/binding.gyp'), '{}');
    write(sqlite, 'for Node');
    write(path.join(modules, '@scope/crypto/binding.gyp'), '{}');
    write(scoped, 'for Node');
    write(plain, 'no binding.gyp: never rebuilt');

    const restore = saveNativeBuilds(modules);
    rmSync(path.join(modules, 'sqlite/build'), { recursive: true });
    write(scoped, 'for Electron');
    expect(restore().sort()).toEqual([scoped, sqlite]);

    expect(readFileSync(sqlite, 'utf8')).toBe('for Node');
    expect(readFileSync(scoped, 'utf8')).toBe('for Node');
  });
});
