import { z } from 'zod';
import type { PendingUpdates } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { isoDateTime, text } from '../text';

/** What softwareupdate found at its last scheduled check, as it keeps it on disk. */
export const SOFTWARE_UPDATE_PLIST = '/Library/Preferences/com.apple.SoftwareUpdate.plist';

const RecommendedSchema = z.array(
  z.object({
    'Display Name': z.string().optional(),
    'Display Version': z.string().optional(),
    Identifier: z.string().optional(),
  }),
);

// `plutil -extract` exits 1 when the key is absent: no recommended updates recorded.
async function extract(run: CommandRunner, key: string, format: 'json' | 'raw') {
  const result = await run('plutil', ['-extract', key, format, '-o', '-', SOFTWARE_UPDATE_PLIST]);
  return result.exitCode === 0 ? result.stdout.trim() : null;
}

export function parseMacUpdates(
  recommendedJson: string | null,
  lastCheck: string | null,
): PendingUpdates {
  const recommended = recommendedJson ? RecommendedSchema.parse(JSON.parse(recommendedJson)) : [];
  return {
    source: 'macos-softwareupdate',
    updates: recommended.flatMap((item) => {
      const name = text(item['Display Name']) || text(item.Identifier);
      if (name === '') return [];
      return [
        {
          name,
          currentVersion: '',
          availableVersion: text(item['Display Version']),
          // Apple names its security-only releases so; other updates carry fixes too.
          security: /security/i.test(name) ? true : null,
        },
      ];
    }),
    rebootRequired: null,
    catalogCheckedAt: isoDateTime(lastCheck ?? ''),
  };
}

export async function macUpdates(run: CommandRunner): Promise<PendingUpdates> {
  const [recommended, lastCheck] = await Promise.all([
    extract(run, 'RecommendedUpdates', 'json'),
    extract(run, 'LastSuccessfulDate', 'raw'),
  ]);
  return parseMacUpdates(recommended, lastCheck);
}
