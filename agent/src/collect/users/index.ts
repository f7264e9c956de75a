import type { LoggedInUsers } from '@deskside/core';
import { collectForPlatform, type CollectorOptions } from '../platform';
import { unixUsers } from './unix';
import { windowsUsers } from './windows';

/** Who is logged in, locally or remotely, with since when. */
export async function collectLoggedInUsers(options: CollectorOptions = {}): Promise<LoggedInUsers> {
  const users = await collectForPlatform('Logged-in users', options, {
    linux: unixUsers,
    darwin: unixUsers,
    win32: windowsUsers,
  });
  return { users };
}
