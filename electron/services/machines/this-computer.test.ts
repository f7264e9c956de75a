import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { namingThisComputer, thisComputer, uuidV5 } from './this-computer';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});
const dataDir = async () => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'deskside-pc-'));
  folders.push(folder);
  return folder;
};

describe('this computer’s id', () => {
  it('is RFC 9562’s version 5 UUID (checked against the RFC’s DNS example)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is the same for the same PC in any data folder, and differs between PCs', async () => {
    const osId = (value: string) => () => Promise.resolve(value);
    const first = await thisComputer(await dataDir(), osId('4c4c4544-0042-3510-8052-b4c04f4e3232'));
    const again = await thisComputer(
      await dataDir(),
      osId('4C4C4544-0042-3510-8052-B4C04F4E3232\n'),
    );
    const other = await thisComputer(await dataDir(), osId('0f9a8e7d6c5b4a39281706f5e4d3c2b1'));
    expect(first.id).toBe(again.id);
    expect(first.id).not.toBe(other.id);
    expect(first.id).not.toContain('4c4c4544');
    expect(first.hostname).toBe(os.hostname());
  });

  it('is kept in the data folder where the OS has no machine id', async () => {
    const folder = await dataDir();
    const none = () => Promise.resolve('');
    const first = await thisComputer(folder, none);
    const failing = () => Promise.reject(new Error('no /etc/machine-id'));
    expect((await thisComputer(folder, failing)).id).toBe(first.id);
    expect((await readFile(path.join(folder, 'this-computer-id'), 'utf8')).trim()).toBe(first.id);
    expect((await thisComputer(await dataDir(), none)).id).not.toBe(first.id);
  });
});

describe('`local` in a call', () => {
  const pc = '0b9c6f2e-3d41-5a7b-8c9d-1e2f3a4b5c6d';

  it('becomes this PC’s id in every machineId field and in a machine method’s id', () => {
    expect(
      namingThisComputer(
        'people.update',
        {
          id: 4,
          machines: [
            { name: 'Laptop', machineId: 'local' },
            { name: 'Old', machineId: null },
          ],
        },
        pc,
      ),
    ).toEqual({
      id: 4,
      machines: [
        { name: 'Laptop', machineId: pc },
        { name: 'Old', machineId: null },
      ],
    });
    expect(namingThisComputer('machines.inventory', { id: 'local' }, pc)).toEqual({ id: pc });
  });

  it('leaves every other word alone, `local` included', () => {
    const input = { id: 'local', summary: 'local', channel: 'local', tags: ['local'] };
    expect(namingThisComputer('kb.update', input, pc)).toEqual(input);
    expect(namingThisComputer('tickets.addEntry', { note: 'local' }, pc)).toEqual({
      note: 'local',
    });
    expect(namingThisComputer('machines.list', {}, pc)).toEqual({});
  });
});
