// The compiled addons in node_modules that electron-builder's rebuild for Electron replaces
// (@electron/rebuild rebuilds each module with a binding.gyp into its build/Release), and a
// way to put Node's builds back afterwards: scripts/dist.ts.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function nativeBuilds(nodeModules: string): string[] {
  const packages = readdirSync(nodeModules, { withFileTypes: true })
    // A linked module (npm link, workspaces) is a symbolic link to its folder.
    .filter(
      (entry) => (entry.isDirectory() || entry.isSymbolicLink()) && !entry.name.startsWith('.'),
    )
    .flatMap((entry) =>
      entry.name.startsWith('@')
        ? readdirSync(path.join(nodeModules, entry.name)).map((name) =>
            path.join(nodeModules, entry.name, name),
          )
        : [path.join(nodeModules, entry.name)],
    );
  return packages
    .filter((folder) => existsSync(path.join(folder, 'binding.gyp')))
    .map((folder) => path.join(folder, 'build', 'Release'))
    .filter((release) => existsSync(release))
    .flatMap((release) =>
      readdirSync(release)
        .filter((name) => name.endsWith('.node'))
        .map((name) => path.join(release, name)),
    );
}

/**
 * Copies the addons aside. The function returned copies them back (a rebuild may have
 * removed their folder) and deletes the copies; it answers the files it put back.
 */
export function saveNativeBuilds(nodeModules: string): () => string[] {
  const saved = mkdtempSync(path.join(tmpdir(), 'deskside-native-'));
  const files = nativeBuilds(nodeModules).map((file, index) => {
    const copy = path.join(saved, `${index}.node`);
    copyFileSync(file, copy);
    return { file, copy };
  });
  return () => {
    for (const { file, copy } of files) {
      mkdirSync(path.dirname(file), { recursive: true });
      copyFileSync(copy, file);
    }
    rmSync(saved, { recursive: true, force: true });
    return files.map(({ file }) => file);
  };
}
