import { randomBytes, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CheckFactsOf, CheckParams } from '@deskside/core';
import type { CheckImplementation } from '../context';
import { errorCode, outcome } from '../outcome';

/** Names of the files this check creates; nothing else is ever written or removed. */
export const WRITE_CHECK_PREFIX = '.deskside-write-check-';

const FAILURES: Record<string, string> = {
  EROFS: 'fs.writable.read_only',
  EACCES: 'fs.writable.permission_denied',
  EPERM: 'fs.writable.permission_denied',
  ENOSPC: 'fs.writable.no_space',
  EDQUOT: 'fs.writable.no_space',
};

/**
 * `wx`: create a new file or fail, so an existing file (or a planted symlink) is never
 * opened, let alone overwritten. The data is not forced to the disk: whether files can be
 * created and written here is this check's question (the disk's health is disk.smart's), and
 * a forced flush on the employee's PC, for every run, would cost them and a busy agent alike.
 */
const CREATE_NEW = constants.O_CREAT | constants.O_EXCL | constants.O_RDWR;

function failure(folder: string, error: unknown) {
  const code = errorCode(error);
  return outcome('fail', (code && FAILURES[code]) ?? 'fs.writable.failed', {
    path: folder,
    errorCode: code ?? null,
  });
}

/** Why no file could be created in `folder`; the folder itself tells missing from not one. */
async function notCreated(folder: string, error: unknown) {
  const code = errorCode(error);
  if (code !== 'ENOENT' && code !== 'ENOTDIR') return failure(folder, error);
  try {
    if (!(await stat(folder)).isDirectory()) {
      return outcome('fail', 'fs.writable.not_a_directory', { path: folder });
    }
  } catch (statError) {
    if (errorCode(statError) === 'ENOENT') {
      return outcome('fail', 'fs.writable.path_missing', { path: folder });
    }
    return failure(folder, statError);
  }
  return failure(folder, error);
}

export const fsWritable: CheckImplementation<
  CheckParams<'fs.writable'>,
  CheckFactsOf<'fs.writable'>
> = async (params) => {
  const folder = params.path ?? os.tmpdir();
  const file = path.join(folder, `${WRITE_CHECK_PREFIX}${randomUUID()}.tmp`);
  let handle;
  try {
    handle = await open(file, CREATE_NEW, 0o600);
  } catch (error) {
    return notCreated(folder, error);
  }
  try {
    const payload = randomBytes(64);
    await handle.write(payload, 0, payload.length, 0);
    const readBack = Buffer.alloc(payload.length);
    await handle.read(readBack, 0, readBack.length, 0);
    if (!readBack.equals(payload)) return outcome('fail', 'fs.writable.failed', { path: folder });
    return outcome('pass', 'fs.writable.ok', { path: folder, bytesWritten: payload.length });
  } catch (error) {
    return failure(folder, error);
  } finally {
    await handle.close();
    await unlink(file);
  }
};
