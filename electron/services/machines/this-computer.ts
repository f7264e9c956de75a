/**
 * "This computer": the PC a console runs on, as a machine of the desk with a stable id of its
 * own, so a ticket or evidence from it names the same PC in every analyst's console (not
 * `local`, which is a different PC in each).
 *
 * The id is derived from the operating system's own machine id (/etc/machine-id, macOS's
 * IOPlatformUUID, Windows' MachineGuid, as systeminformation reads them): the same PC gets
 * the same id whichever console or data folder runs on it. It is a name-based UUID (v5) of
 * that value, so the desk never stores the OS's machine id itself. Where the OS has none (a
 * bare container), a random id is kept in the console's data folder.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import si from 'systeminformation';
import { LOCAL_MACHINE_ID } from '@deskside/core';

export interface ThisComputer {
  id: string;
  hostname: string;
}

/** Deskside's namespace for PC ids (a fixed, random UUID). */
const PC_NAMESPACE = '6f0f3a52-2c57-4b0e-9d55-3c1f7be1d2a4';
const PC_ID_FILE = 'this-computer-id';

/** RFC 9562 name-based UUID, version 5 (SHA-1), of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const space = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(space).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The id kept in the data folder, made the first time it is needed. */
async function keptId(dataDir: string): Promise<string> {
  const file = path.join(dataDir, PC_ID_FILE);
  const kept = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (UUID.test(kept)) return kept;
  const id = randomUUID();
  await writeFile(file, `${id}\n`, { mode: 0o600 });
  return id;
}

let osMachineIdRead: Promise<string> | undefined;

/** The OS's own machine id, read once per process (it takes systeminformation a few commands). */
function readOsMachineId(): Promise<string> {
  osMachineIdRead ??= si.uuid().then((ids) => ids.os);
  return osMachineIdRead;
}

/** This PC's id and name; `osMachineId` reads the OS's own id ('' when it has none). */
export async function thisComputer(
  dataDir: string,
  osMachineId: () => Promise<string> = readOsMachineId,
): Promise<ThisComputer> {
  const machineId = (await osMachineId().catch(() => '')).trim().toLowerCase();
  const id = machineId ? uuidV5(PC_NAMESPACE, machineId) : await keptId(dataDir);
  return { id, hostname: os.hostname() };
}

/**
 * A call's input with `local` resolved to this PC's id: every `machineId` field, and a
 * machine method's `id`. What is stored then names the PC, the same in every console.
 */
export function namingThisComputer(method: string, input: unknown, pcId: string): unknown {
  const resolve = (value: unknown, key: string | null): unknown => {
    if (value === LOCAL_MACHINE_ID) {
      return key === 'machineId' || (key === 'id' && method.startsWith('machines.')) ? pcId : value;
    }
    if (Array.isArray(value)) return value.map((item) => resolve(item, null));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, resolve(item, name)]),
    );
  };
  return resolve(input, null);
}
