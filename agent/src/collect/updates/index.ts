import type { PendingUpdates } from '@deskside/core';
import { collectForPlatform, type CollectorOptions } from '../platform';
import { linuxUpdates, type LinuxUpdatePaths } from './linux';
import { macUpdates } from './macos';
import { windowsUpdates } from './windows';

export interface UpdatesOptions extends CollectorOptions {
  linuxPaths?: LinuxUpdatePaths;
}

/**
 * OS updates available but not installed, from what the OS already knows (apt's package
 * lists, dnf's cache, Windows Update's last search, macOS's last scheduled check). Changes
 * nothing and downloads nothing. Throws FactsUnavailableError when the OS cannot tell.
 */
export function collectPendingUpdates(options: UpdatesOptions = {}): Promise<PendingUpdates> {
  return collectForPlatform('Pending updates', options, {
    linux: (run) => linuxUpdates(run, options.linuxPaths),
    win32: windowsUpdates,
    darwin: macUpdates,
  });
}
