import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { replaceFile } from './replace-file';

const folders = temporaryFolders('deskside-replace-');
afterEach(folders.removeAll);

describe('replaceFile', () => {
  it('writes a new file and replaces an old one whole, with the mode asked for', async () => {
    const dir = await folders.make();
    const file = path.join(dir, 'state.json');
    await replaceFile(file, 'first\n', { mode: 0o600 });
    expect(await readFile(file, 'utf8')).toBe('first\n');
    await writeFile(file, 'x'.repeat(10_000));
    await replaceFile(file, 'ünïcode second\n', { mode: 0o600 });
    expect(await readFile(file, 'utf8')).toBe('ünïcode second\n');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    // A cache does without the flush to disk; the content is the same.
    await replaceFile(file, 'third\n', { mode: 0o600, flush: false });
    expect(await readFile(file, 'utf8')).toBe('third\n');
    // No temporary file is left beside it.
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('leaves no temporary file behind when the last step fails', async () => {
    const dir = await folders.make();
    // A folder where the file should go: the temporary file is written, the rename fails.
    const target = path.join(dir, 'state.json');
    await mkdir(target);
    await writeFile(path.join(target, 'inside'), 'kept');
    await expect(replaceFile(target, 'new', { mode: 0o600 })).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['state.json']);
    expect(await readFile(path.join(target, 'inside'), 'utf8')).toBe('kept');
  });
});
