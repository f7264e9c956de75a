import { z } from 'zod';
import type { PendingUpdates } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { asArray, runPowerShellJson } from '../powershell';
import { isoDateTime, text } from '../text';

/**
 * Updates Windows Update already found, from its local cache (Online = false: no search on
 * the network), and whether a restart is pending to finish earlier ones.
 */
export const WINDOWS_UPDATES_SCRIPT = `
$ErrorActionPreference = 'Stop'
$reboot = (Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired') -or
  (Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending')
$searcher = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher()
$searcher.Online = $false
$result = $searcher.Search('IsInstalled=0 and IsHidden=0')
$updates = foreach ($u in $result.Updates) {
  [pscustomobject]@{
    title = [string]$u.Title; kb = (@($u.KBArticleIDs) -join ',')
    severity = [string]$u.MsrcSeverity; categories = (@($u.Categories | ForEach-Object { $_.Name }) -join ',')
  }
}
$last = (New-Object -ComObject Microsoft.Update.AutoUpdate).Results.LastSearchSuccessDate
[pscustomobject]@{
  rebootRequired = $reboot
  lastSearch = if ($last) { $last.ToString('yyyy-MM-ddTHH:mm:ssZ') } else { $null }
  updates = @($updates)
} | ConvertTo-Json -Compress -Depth 3
`;

const ReportSchema = z.object({
  rebootRequired: z.boolean(),
  lastSearch: z.string().nullish(),
  updates: z.unknown(),
});
const UpdateSchema = z.object({
  title: z.string(),
  kb: z.string().nullish(),
  severity: z.string().nullish(),
  categories: z.string().nullish(),
});

export function parseWindowsUpdates(json: unknown): PendingUpdates {
  const report = ReportSchema.parse(json);
  const updates = asArray(report.updates).flatMap((raw) => {
    const update = UpdateSchema.safeParse(raw);
    if (!update.success || text(update.data.title) === '') return [];
    const { title, kb, severity, categories } = update.data;
    return [
      {
        name: text(title),
        currentVersion: '',
        availableVersion: text(kb) ? `KB${text(kb).split(',')[0]!}` : '',
        security: text(severity) !== '' || /Security Updates/i.test(categories ?? ''),
      },
    ];
  });
  return {
    source: 'windows-update',
    updates,
    rebootRequired: report.rebootRequired,
    catalogCheckedAt: isoDateTime(report.lastSearch ?? ''),
  };
}

export async function windowsUpdates(run: CommandRunner): Promise<PendingUpdates> {
  // The update agent can be slow to answer even from its cache.
  return parseWindowsUpdates(
    await runPowerShellJson(run, WINDOWS_UPDATES_SCRIPT, { timeoutMs: 120_000 }),
  );
}
