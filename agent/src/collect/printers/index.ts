import type { Printers } from '@deskside/core';
import { collectForPlatform, type CollectorOptions } from '../platform';
import { cupsPrinters } from './cups';
import { windowsPrinters } from './windows';

/**
 * The printers the machine knows with their state and queued jobs: CUPS on Linux and
 * macOS, the print spooler on Windows. Throws FactsUnavailableError when there is no print
 * system to ask (CUPS not installed).
 */
export function collectPrinters(options: CollectorOptions = {}): Promise<Printers> {
  return collectForPlatform('Printers', options, {
    linux: cupsPrinters,
    darwin: cupsPrinters,
    win32: windowsPrinters,
  });
}
