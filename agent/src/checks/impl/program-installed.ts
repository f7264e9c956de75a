import {
  findInstalledPrograms,
  type CheckFactsOf,
  type CheckOutcomeOf,
  type CheckParams,
  type InstalledSoftware,
} from '@deskside/core';
import { collectInstalledSoftware } from '../../collect/software';
import type { CheckImplementation } from '../context';
import { outcome } from '../outcome';
import { withFacts } from './facts';

const MAX_LISTED = 10;

export function judgeProgramInstalled(
  software: InstalledSoftware,
  name: string,
): CheckOutcomeOf<'program.installed'> {
  const matches = findInstalledPrograms(software, name);
  const facts = {
    name,
    installedCount: software.programs.length,
    matches: matches.slice(0, MAX_LISTED).map((program) => ({
      name: program.name,
      version: program.version,
      publisher: program.publisher,
      installedOn: program.installedOn,
      source: program.source,
    })),
  };
  return matches.length > 0
    ? outcome('pass', 'program.installed.found', facts)
    : outcome('fail', 'program.installed.missing', facts);
}

export const programInstalled: CheckImplementation<
  CheckParams<'program.installed'>,
  CheckFactsOf<'program.installed'>
> = (params, ctx) =>
  withFacts(
    'program.installed',
    () => collectInstalledSoftware({ platform: ctx.platform, run: ctx.exec }),
    (software) => judgeProgramInstalled(software, params.name),
  );
