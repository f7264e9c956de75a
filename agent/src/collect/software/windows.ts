import { z } from 'zod';
import type { InstalledProgram } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { asArray, runPowerShellJson } from '../powershell';
import { compactDate, numberOrNull, text } from '../text';

/**
 * The programs Windows lists under "Apps & features": the Uninstall keys of the machine
 * (64-bit and 32-bit views) and of the user, without system components and updates.
 */
export const WINDOWS_SOFTWARE_SCRIPT = `
$keys = @(
  @{ path = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'; arch = '' },
  @{ path = 'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'; arch = 'x86' },
  @{ path = 'HKCU:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'; arch = '' }
)
$items = foreach ($key in $keys) {
  Get-ItemProperty -Path $key.path -ErrorAction SilentlyContinue |
    Where-Object { $_.DisplayName -and $_.SystemComponent -ne 1 -and -not $_.ParentKeyName } |
    ForEach-Object {
      [pscustomobject]@{
        name = [string]$_.DisplayName; version = [string]$_.DisplayVersion
        publisher = [string]$_.Publisher; installDate = [string]$_.InstallDate
        sizeKb = $_.EstimatedSize; arch = $key.arch
      }
    }
}
ConvertTo-Json -Compress -InputObject @($items)
`;

const EntrySchema = z.object({
  name: z.string(),
  version: z.string().nullish(),
  publisher: z.string().nullish(),
  installDate: z.string().nullish(),
  sizeKb: z.number().nullish(),
  arch: z.string().nullish(),
});

export function parseWindowsSoftware(json: unknown): InstalledProgram[] {
  return asArray(json).flatMap((raw) => {
    const entry = EntrySchema.safeParse(raw);
    if (!entry.success || text(entry.data.name) === '') return [];
    const { data } = entry;
    const kb = numberOrNull(data.sizeKb);
    return [
      {
        name: text(data.name),
        version: text(data.version),
        publisher: text(data.publisher),
        architecture: text(data.arch),
        installedOn: compactDate(data.installDate),
        sizeBytes: kb === null ? null : kb * 1024,
        source: 'windows-registry' as const,
      },
    ];
  });
}

export async function windowsSoftware(run: CommandRunner): Promise<InstalledProgram[]> {
  return parseWindowsSoftware(await runPowerShellJson(run, WINDOWS_SOFTWARE_SCRIPT));
}
