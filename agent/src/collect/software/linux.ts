import type { InstalledProgram } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { isoDateTime, lines, numberOrNull, text } from '../text';

const LIST_TIMEOUT_MS = 30_000;

// One line per package, tab-separated, in an order the parser relies on.
export const DPKG_ARGS = [
  '-W',
  '-f',
  '${Package}\\t${Version}\\t${Architecture}\\t${db:Status-Abbrev}\\t${Installed-Size}\\t${Maintainer}\\n',
];

export const RPM_ARGS = [
  '-qa',
  '--qf',
  '%{NAME}\\t%{EPOCH}\\t%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{INSTALLTIME}\\t%{SIZE}\\t%{VENDOR}\\n',
];

/** "Jane Doe <jane@example.org>" -> "Jane Doe": who maintains it, without an address. */
const withoutAddress = (value: string) => value.replace(/\s*<[^>]*>\s*$/, '').trim();

export function parseDpkg(output: string): InstalledProgram[] {
  const programs: InstalledProgram[] = [];
  for (const line of lines(output)) {
    const [name, version, arch, status, sizeKib, maintainer] = line.split('\t');
    // Status-Abbrev: desired, current, error. Only packages whose files are in place count.
    if (!name || status?.[1] !== 'i') continue;
    const kib = numberOrNull(sizeKib);
    programs.push({
      name,
      version: text(version),
      publisher: withoutAddress(text(maintainer)),
      architecture: text(arch),
      installedOn: null,
      sizeBytes: kib === null ? null : kib * 1024,
      source: 'dpkg',
    });
  }
  return programs;
}

export function parseRpm(output: string): InstalledProgram[] {
  const programs: InstalledProgram[] = [];
  for (const line of lines(output)) {
    const [name, epoch, version, arch, installTime, size, vendor] = line.split('\t');
    // gpg-pubkey entries are the keys rpm trusts, not programs.
    if (!name || name === 'gpg-pubkey') continue;
    const none = (value: string | undefined) => (text(value) === '(none)' ? '' : text(value));
    const seconds = numberOrNull(installTime);
    programs.push({
      name,
      version: none(epoch) ? `${none(epoch)}:${text(version)}` : text(version),
      publisher: none(vendor),
      architecture: none(arch),
      installedOn: seconds === null ? null : (isoDateTime(seconds * 1000)?.slice(0, 10) ?? null),
      sizeBytes: numberOrNull(size),
      source: 'rpm',
    });
  }
  return programs;
}

/** dpkg and rpm packages, whichever of the two the machine has (rarely both). */
export async function linuxSoftware(run: CommandRunner): Promise<InstalledProgram[] | null> {
  const attempts = await Promise.allSettled([
    run('dpkg-query', DPKG_ARGS, { timeoutMs: LIST_TIMEOUT_MS }).then((r) => parseDpkg(r.stdout)),
    run('rpm', RPM_ARGS, { timeoutMs: LIST_TIMEOUT_MS }).then((r) => parseRpm(r.stdout)),
  ]);
  const found = attempts.filter((a) => a.status === 'fulfilled').map((a) => a.value);
  if (found.length === 0) {
    const failure = attempts.find(
      (a): a is PromiseRejectedResult =>
        a.status === 'rejected' && (a.reason as { failure?: string }).failure !== 'missing',
    );
    if (failure) throw failure.reason;
    return null;
  }
  return found.flat();
}
