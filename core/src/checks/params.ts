import { z } from 'zod';

// One schema instance for percentages across core (the facts define it).
export { PercentSchema } from '../facts/common';

/**
 * Building blocks for check parameters. Checks run on other people's PCs, so every value an
 * analyst can send is held to the narrowest shape that still does the job: names are plain
 * identifiers (no shell metacharacters, no leading dash that a tool could read as an
 * option), paths are absolute and never climb with `..`, URLs are http(s) without
 * credentials. The agent passes them as single arguments, never through a shell, but the
 * schema is the first wall.
 */

const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})*\\.?$`);
/** DNS names may hold underscores in service labels (`_ldap._tcp.example.org`). */
const DNS_LABEL = '(?:_?[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)';
const DNS_NAME = new RegExp(`^(?=.{1,253}$)${DNS_LABEL}(?:\\.${DNS_LABEL})*\\.?$`);

export const IpAddressSchema = z.union([z.ipv4(), z.ipv6()], {
  error: 'An IP address (IPv4 or IPv6)',
});

/** A host name, an IPv4 address or a bare IPv6 address. */
export const HostSchema = z
  .string()
  .min(1, 'A host name or an IP address')
  .max(253)
  .refine(
    (host) => HOSTNAME.test(host) || IpAddressSchema.safeParse(host).success,
    'A host name (letters, digits, dots and dashes) or an IP address',
  );

export const DnsNameSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(DNS_NAME, 'A DNS name (letters, digits, dots, dashes, underscores)');

export const PortNumberSchema = z.number().int().min(1).max(65535);

/**
 * A service's name as its service manager knows it: a systemd unit (`cups`,
 * `getty@tty1.service`), a Windows service name (`Spooler`, `wuauserv`) or a launchd label
 * (`com.apple.cupsd`). Windows service names may hold spaces.
 */
export const ServiceNameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 _.@:+-]*$/,
    'A service name: letters, digits, spaces and . _ @ : + - (not starting with a dash or a space)',
  )
  .refine((name) => !name.endsWith(' '), 'A service name does not end with a space');

/** A program's name or part of it, as installed-software lists show it (`Firefox`, `7-Zip`). */
export const ProgramNameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} _.,+()&'-]*$/u,
    "A program name: letters, digits, spaces and . , _ + - ( ) & ' (not starting with a symbol)",
  );

/** A network interface's name (`eth0`, `enp3s0`, `Wi-Fi`, `Ethernet 2`, `en0`). */
export const InterfaceNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} _.:()-]*$/u,
    'An interface name: letters, digits, spaces and . _ : ( ) -',
  );

/** A printer's queue name (`HP_LaserJet_4th_floor`, `Microsoft Print to PDF`). */
export const PrinterNameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} _.,:()#+-]*$/u,
    'A printer name: letters, digits, spaces and . , _ : ( ) # + -',
  );

/** A disk device as smartctl names it (`/dev/sda`, `/dev/nvme0`, `/dev/disk0`, `/dev/pd0`). */
export const DiskDeviceSchema = z
  .string()
  .max(64)
  .regex(/^\/dev\/[A-Za-z0-9][A-Za-z0-9_/-]*$/, 'A device path such as /dev/sda')
  .refine((device) => !device.includes('//'), 'A device path such as /dev/sda');

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * An absolute local path: `/var/tmp` or `C:\Users\Public`. Never a network path (`\\server`,
 * `//server`: opening one would send the machine's credentials to that server), a device
 * path (`\\?\`, `\\.\`), a relative path, a `..` segment or a control character.
 */
export const AbsolutePathSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((path) => !CONTROL_CHARACTERS.test(path), 'A path without control characters')
  .refine(
    (path) => /^\/(?!\/)/.test(path) || /^[A-Za-z]:[\\/](?![\\/])/.test(path),
    'An absolute local path such as /var/tmp or C:\\Users\\Public',
  )
  .refine((path) => !path.split(/[\\/]/).includes('..'), 'A path without .. segments');

const HTTP_URL = /^https?:\/\/(\[[0-9A-Fa-f:.]+\]|[^/?#:@[\]]+)(?::(\d{1,5}))?(?:[/?#]\S*)?$/i;

/**
 * An http or https URL with a host name or an IP address and without a user name or password
 * in it (an `@` before the path is refused, so the host is the host it looks like).
 */
export const HttpUrlSchema = z
  .string()
  .min(1)
  .max(2048)
  .refine((url) => !CONTROL_CHARACTERS.test(url), 'A URL without control characters')
  .refine((url) => {
    const match = HTTP_URL.exec(url);
    if (!match) return false;
    const host = match[1]!.replace(/^\[(.*)\]$/, '$1');
    const port = match[2] === undefined ? 80 : Number(match[2]);
    return HostSchema.safeParse(host).success && port >= 1 && port <= 65535;
  }, 'An http:// or https:// URL with a host name or an IP address, without spaces or credentials');

/**
 * For params objects with a warn and a fail threshold: the fail threshold must be at least as
 * severe as the warn one, else the check could fail without ever warning. Spread into
 * `.refine(...)`.
 */
export function thresholdsInOrder<W extends string, F extends string>(
  warnKey: W,
  failKey: F,
  direction: 'above' | 'below',
): [(params: Record<W | F, number>) => boolean, { message: string; path: string[] }] {
  return [
    (params) =>
      direction === 'above'
        ? params[failKey] >= params[warnKey]
        : params[failKey] <= params[warnKey],
    {
      message: `${failKey} must be ${direction === 'above' ? 'at least' : 'at most'} ${warnKey}`,
      path: [failKey],
    },
  ];
}
