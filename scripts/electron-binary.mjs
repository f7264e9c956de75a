// Where Electron's binary is, or null where it was never downloaded. Read from the electron
// package's path.txt: requiring `electron` itself starts a download when the binary is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** @returns {string | null} */
export function electronBinary(root = '.') {
  const folder = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(folder, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(folder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
