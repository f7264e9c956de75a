import { z } from 'zod';
import type { InstalledProgram } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { text } from '../text';

// Spotlight-backed and slow on large disks: it runs in the background refresh, not per request.
const SYSTEM_PROFILER_TIMEOUT_MS = 180_000;
export const SYSTEM_PROFILER_APPS_ARGS = [
  '-json',
  '-detailLevel',
  'mini',
  'SPApplicationsDataType',
];

const AppSchema = z.object({
  _name: z.string(),
  version: z.string().optional(),
  obtained_from: z.string().optional(),
  signed_by: z.array(z.string()).optional(),
  arch_kind: z.string().optional(),
  path: z.string().optional(),
});
const ReportSchema = z.object({ SPApplicationsDataType: z.array(z.unknown()) });

const ARCHITECTURES: Record<string, string> = {
  arch_arm: 'arm64',
  arch_arm_i64: 'universal',
  arch_i64: 'x86_64',
  arch_ios: 'arm64',
};

/** "Developer ID Application: Google LLC (EQHXZ8M8AV)" -> "Google LLC"; Apple's own -> "Apple". */
function publisher(app: z.infer<typeof AppSchema>): string {
  if (app.obtained_from === 'apple') return 'Apple';
  const signer = app.signed_by?.[0] ?? '';
  const match =
    /^(?:Developer ID Application|Apple Distribution|Apple Development): (.+?)(?: \([A-Z0-9]+\))?$/.exec(
      signer,
    );
  return match?.[1] ?? '';
}

export function parseMacApplications(json: string): InstalledProgram[] {
  const report = ReportSchema.parse(JSON.parse(json));
  return report.SPApplicationsDataType.flatMap((raw) => {
    const app = AppSchema.safeParse(raw);
    if (!app.success || text(app.data._name) === '') return [];
    // Helper apps inside other bundles and in system folders are not what people install.
    const path = app.data.path ?? '';
    if (/\.app\/Contents\//.test(path) || path.startsWith('/System/Library/')) return [];
    return [
      {
        name: text(app.data._name),
        version: text(app.data.version),
        publisher: publisher(app.data),
        architecture: ARCHITECTURES[app.data.arch_kind ?? ''] ?? '',
        installedOn: null,
        sizeBytes: null,
        source: 'macos-applications' as const,
      },
    ];
  });
}

export async function macSoftware(run: CommandRunner): Promise<InstalledProgram[]> {
  const result = await run('system_profiler', SYSTEM_PROFILER_APPS_ARGS, {
    timeoutMs: SYSTEM_PROFILER_TIMEOUT_MS,
  });
  if (result.exitCode !== 0) throw new Error(`system_profiler exited with ${result.exitCode}`);
  return parseMacApplications(result.stdout);
}
