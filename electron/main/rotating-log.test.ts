import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { lastLogLines, openRotatingLog } from './rotating-log';

const folders = temporaryFolders('deskside-log-');
let dir: string;
let file: string;
beforeEach(async () => {
  dir = await folders.make();
  file = path.join(dir, 'logs', 'console.log');
});
afterEach(() => folders.removeAll());

const line = (n: number) => `${JSON.stringify({ n, msg: 'x'.repeat(80) })}\n`;

describe('the rotating main-process log', () => {
  it('rotates by size and keeps the newest files, console.log.1 the newest old one', async () => {
    const log = openRotatingLog({ file, maxBytes: 1000, files: 3 });
    for (let n = 0; n < 100; n++) log.write(line(n));
    log.end();
    expect((await readdir(path.dirname(file))).sort()).toEqual([
      'console.log',
      'console.log.1',
      'console.log.2',
    ]);
    for (const name of ['console.log', 'console.log.1', 'console.log.2']) {
      expect((await stat(path.join(dir, 'logs', name))).size).toBeLessThanOrEqual(1000);
    }
    const numbers = async (name: string) =>
      (await readFile(path.join(dir, 'logs', name), 'utf8'))
        .trim()
        .split('\n')
        .map((text) => (JSON.parse(text) as { n: number }).n);
    const current = await numbers('console.log');
    const previous = await numbers('console.log.1');
    const oldest = await numbers('console.log.2');
    expect(current.at(-1)).toBe(99);
    // Consecutive and in order across the files: no line lost or repeated at a rotation.
    expect([...oldest, ...previous, ...current]).toEqual(
      Array.from(
        { length: oldest.length + previous.length + current.length },
        (_, i) => 100 - oldest.length - previous.length - current.length + i,
      ),
    );
  });

  it('goes on from the size a file already has, after a restart', async () => {
    const first = openRotatingLog({ file, maxBytes: 1000, files: 2 });
    for (let n = 0; n < 8; n++) first.write(line(n));
    first.end();
    const second = openRotatingLog({ file, maxBytes: 1000, files: 2 });
    // 8 lines of 97 bytes, 2 more fit in 1000 bytes and the third rotates.
    for (let n = 8; n < 11; n++) second.write(line(n));
    second.end();
    expect((await readFile(`${file}.1`, 'utf8')).trim().split('\n')).toHaveLength(10);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('takes pino lines, and keeps the file readable by the user only', async () => {
    const log = openRotatingLog({ file });
    pino({}, log).info({ part: 'test' }, 'console started');
    log.end();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ msg: 'console started' });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('reports a failing write once and goes on', async () => {
    const errors: unknown[] = [];
    const log = openRotatingLog({ file, maxBytes: 100, onError: (error) => errors.push(error) });
    log.write(line(0));
    // The logs folder replaced by a file: the next rotation cannot open the log again.
    await rm(path.dirname(file), { recursive: true });
    await writeFile(path.dirname(file), '');
    expect(() => {
      log.write(line(1));
      log.write(line(2));
    }).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});

describe('the last lines of the log', () => {
  it('are the file’s last lines, without a piece cut at the start of the tail', () => {
    const log = openRotatingLog({ file });
    for (let n = 0; n < 50; n++) log.write(line(n));
    log.end();
    expect(lastLogLines(file, 3)).toEqual([line(47), line(48), line(49)].map((l) => l.trim()));
    const tail = lastLogLines(file, 100, 500);
    expect(tail.length).toBeGreaterThan(0);
    for (const text of tail) expect(() => JSON.parse(text) as unknown).not.toThrow();
  });

  it('are none where there is no log yet', () => {
    expect(lastLogLines(path.join(dir, 'none.log'), 5)).toEqual([]);
  });
});
