import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOwnerOnlyFile } from './credentials';
import { readFleetSettingsFile } from './fleet-enrolment';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-fleet-settings-'));
  made.push(dir);
  return dir;
}

describe('the fleet settings a console delivered (real files)', () => {
  it('are none when the data folder holds no fleet.json', async () => {
    expect(await readFleetSettingsFile(await folder())).toBeNull();
  });

  it('are read back as written, servers and CA', async () => {
    const dir = await folder();
    const kept = { servers: ['tls://nats.example.org:4222'], tls: { caFile: '/x/fleet-ca.pem' } };
    await writeOwnerOnlyFile(path.join(dir, 'fleet.json'), JSON.stringify(kept));
    expect(await readFleetSettingsFile(dir)).toEqual(kept);
  });

  it('refuse a file that is not JSON or not fleet settings', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'fleet.json'), '{ servers');
    await expect(readFleetSettingsFile(dir)).rejects.toThrow(/is not JSON/);
    await writeFile(path.join(dir, 'fleet.json'), JSON.stringify({ servers: ['http://x'] }));
    await expect(readFleetSettingsFile(dir)).rejects.toThrow(/no usable fleet settings/);
  });
});

describe('an owner-only file (real files)', () => {
  it('is mode 600, replaces the old one whole and leaves nothing beside it', async () => {
    const dir = await folder();
    const file = path.join(dir, 'sub', 'fleet.creds');
    await writeOwnerOnlyFile(file, 'first');
    await chmod(file, 0o644);
    await writeOwnerOnlyFile(file, 'second');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readdir(path.dirname(file))).toEqual(['fleet.creds']);
  });
});
