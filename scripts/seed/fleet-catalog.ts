/**
 * What the demo fleet is made of: laptop models, operating systems and their releases, and
 * the programs an office installs, each with how its versions follow one another. Dates are
 * days before the seed's `now`, so the same seed and day give the same fleet.
 */

export type OsFamily = 'windows' | 'macos' | 'ubuntu';

export interface Model {
  manufacturer: string;
  /** As the machine reports it: Lenovo gives its machine type here, the name in `version`. */
  model: string;
  version: string;
  sku: string;
  cpu: { manufacturer: string; brand: string; cores: number; physicalCores: number; ghz: number };
  memoryGiB: number;
  os: readonly OsFamily[];
  /** Relative share of the fleet. */
  weight: number;
}

const intel = (brand: string, physicalCores: number, cores: number, ghz: number) => ({
  manufacturer: 'Intel',
  brand,
  cores,
  physicalCores,
  ghz,
});

export const MODELS: readonly Model[] = [
  {
    manufacturer: 'Dell Inc.',
    model: 'Latitude 5440',
    version: '',
    sku: '0C0D',
    cpu: intel('Core™ i5-1345U', 10, 12, 1.6),
    memoryGiB: 16,
    os: ['windows', 'windows', 'windows', 'ubuntu'],
    weight: 24,
  },
  {
    manufacturer: 'Dell Inc.',
    model: 'Latitude 7440',
    version: '',
    sku: '0C0E',
    cpu: intel('Core™ i7-1365U', 10, 12, 1.8),
    memoryGiB: 16,
    os: ['windows'],
    weight: 14,
  },
  {
    manufacturer: 'LENOVO',
    model: '21HD003AMB',
    version: 'ThinkPad T14 Gen 4',
    sku: 'LENOVO_MT_21HD_BU_Think_FM_ThinkPad T14 Gen 4',
    cpu: intel('Core™ i5-1335U', 10, 12, 1.3),
    memoryGiB: 16,
    os: ['windows', 'windows', 'ubuntu'],
    weight: 20,
  },
  {
    manufacturer: 'LENOVO',
    model: '21HM004GMB',
    version: 'ThinkPad X1 Carbon Gen 11',
    sku: 'LENOVO_MT_21HM_BU_Think_FM_ThinkPad X1 Carbon Gen 11',
    cpu: intel('Core™ i7-1355U', 10, 12, 1.7),
    memoryGiB: 32,
    os: ['windows'],
    weight: 8,
  },
  {
    manufacturer: 'HP',
    model: 'HP EliteBook 840 14 inch G10 Notebook PC',
    version: '',
    sku: '818N6EA#UUG',
    cpu: intel('Core™ i5-1345U', 10, 12, 1.6),
    memoryGiB: 16,
    os: ['windows'],
    weight: 18,
  },
  {
    manufacturer: 'Apple Inc.',
    model: 'Mac15,3',
    version: '',
    sku: 'MTL73N/A',
    cpu: { manufacturer: 'Apple', brand: 'M3', cores: 8, physicalCores: 8, ghz: 4.05 },
    memoryGiB: 16,
    os: ['macos'],
    weight: 12,
  },
];

/** The model whose users meet the printer-driver problem more often than others. */
export const PRINTER_TROUBLE_MODEL = 'HP EliteBook 840 14 inch G10 Notebook PC';

/** One OS release a machine can run, from `sinceDaysAgo` on. */
export interface OsRelease {
  family: OsFamily;
  platform: string;
  distro: string;
  release: string;
  codename: string;
  kernel: string;
  /** The build at `daysAgo`: monthly updates move it on. */
  build: (daysAgo: number) => string;
}

/** Months since two years ago: what a monthly update counter reads at `daysAgo`. */
const months = (daysAgo: number) => Math.max(0, Math.floor((730 - daysAgo) / 30));

const windows = (
  name: string,
  release: string,
  codename: string,
  firstUbr: number,
  step: number,
) => ({
  family: 'windows' as const,
  platform: 'Windows',
  distro: `Microsoft Windows ${name} Enterprise`,
  release,
  codename,
  kernel: release,
  build: (daysAgo: number) => `${release.split('.')[2]}.${firstUbr + months(daysAgo) * step}`,
});

export const WINDOWS_10_22H2 = windows('10', '10.0.19045', '22H2', 5247, 97);
export const WINDOWS_11_23H2 = windows('11', '10.0.22631', '23H2', 4602, 109);
export const WINDOWS_11_24H2 = windows('11', '10.0.26100', '24H2', 2033, 211);

const MACOS_14_BUILDS = ['23H124', '23H222', '23H311', '23H420', '23H527', '23H626'];
const MACOS_15_BUILDS = ['24B83', '24C101', '24D70', '24E263', '24F74', '24G84', '24G90'];
const macos = (release: string, codename: string, kernel: string, builds: string[]) => ({
  family: 'macos' as const,
  platform: 'darwin',
  distro: 'macOS',
  release,
  codename,
  kernel,
  build: (daysAgo: number) => builds[Math.min(builds.length - 1, Math.floor(months(daysAgo) / 4))]!,
});
export const MACOS_14 = macos('14.7', 'Sonoma', '23.6.0', MACOS_14_BUILDS);
export const MACOS_15 = macos('15.6', 'Sequoia', '24.6.0', MACOS_15_BUILDS);

const ubuntu = (release: string, codename: string, kernel: string) => ({
  family: 'ubuntu' as const,
  platform: 'linux',
  distro: 'Ubuntu',
  release,
  codename,
  kernel,
  build: () => '',
});
export const UBUNTU_22_04 = ubuntu('22.04', 'jammy', '6.8.0-52-generic');
export const UBUNTU_24_04 = ubuntu('24.04', 'noble', '6.8.0-71-generic');

/** The release a machine of `family` starts on, and the one it may be upgraded to. */
export const OS_PATHS: Readonly<
  Record<OsFamily, readonly { from: OsRelease; to: OsRelease | null; weight: number }[]>
> = {
  windows: [
    { from: WINDOWS_11_23H2, to: WINDOWS_11_24H2, weight: 8 },
    { from: WINDOWS_11_23H2, to: null, weight: 3 },
    { from: WINDOWS_10_22H2, to: WINDOWS_11_23H2, weight: 1 },
    { from: WINDOWS_10_22H2, to: null, weight: 2 },
  ],
  macos: [
    { from: MACOS_14, to: MACOS_15, weight: 3 },
    { from: MACOS_14, to: null, weight: 1 },
  ],
  ubuntu: [
    { from: UBUNTU_22_04, to: UBUNTU_24_04, weight: 1 },
    { from: UBUNTU_22_04, to: null, weight: 1 },
  ],
};

/** A program: its name, who makes it, and its nth release (n counted from two years ago). */
export interface Product {
  name: string;
  publisher: string;
  os: readonly OsFamily[];
  /** Share of the machines of those OSes that have it. */
  share: number;
  /** Days between two releases. */
  cadenceDays: number;
  version: (n: number) => string;
  sizeMiB: number;
}

const listed =
  (versions: readonly string[]) =>
  (n: number): string =>
    versions[Math.min(n, versions.length - 1)]!;

/** The VPN client: 6.2.1 reconnects every few minutes, and some machines stay on it. */
export const VPN_CLIENT = 'GlobalProtect';
export const VPN_TROUBLE_VERSION = '6.2.1';
const VPN_VERSIONS = ['6.1.4', '6.2.0', VPN_TROUBLE_VERSION, '6.2.4', '6.2.6', '6.3.1', '6.3.2'];

export const PRODUCTS: readonly Product[] = [
  {
    name: 'Google Chrome',
    publisher: 'Google LLC',
    os: ['windows', 'macos'],
    share: 0.85,
    cadenceDays: 28,
    version: (n) => `${131 + n}.0.${6778 + n * 87}.${86 + ((n * 37) % 120)}`,
    sizeMiB: 410,
  },
  {
    name: 'google-chrome-stable',
    publisher: 'Chrome Linux Team',
    os: ['ubuntu'],
    share: 0.8,
    cadenceDays: 28,
    version: (n) => `${131 + n}.0.${6778 + n * 87}.${85 + ((n * 37) % 120)}-1`,
    sizeMiB: 350,
  },
  {
    name: 'Microsoft Edge',
    publisher: 'Microsoft Corporation',
    os: ['windows'],
    share: 1,
    cadenceDays: 28,
    version: (n) => `${131 + n}.0.${2903 + n * 85}.${48 + ((n * 23) % 90)}`,
    sizeMiB: 520,
  },
  {
    name: 'Mozilla Firefox',
    publisher: 'Mozilla',
    os: ['windows', 'macos'],
    share: 0.2,
    cadenceDays: 28,
    version: (n) => `${133 + n}.0${n % 3 === 0 ? '' : `.${n % 3}`}`,
    sizeMiB: 240,
  },
  {
    name: 'firefox',
    publisher: 'Ubuntu Mozilla Team',
    os: ['ubuntu'],
    share: 1,
    cadenceDays: 28,
    version: (n) => `${133 + n}.0+build1-0ubuntu0.1`,
    sizeMiB: 250,
  },
  {
    name: 'Microsoft 365 Apps for enterprise - en-us',
    publisher: 'Microsoft Corporation',
    os: ['windows'],
    share: 1,
    cadenceDays: 30,
    version: (n) => `16.0.${18129 + n * 203}.${20158 + ((n * 41) % 180)}`,
    sizeMiB: 3900,
  },
  {
    name: 'Microsoft Word',
    publisher: 'Microsoft Corporation',
    os: ['macos'],
    share: 1,
    cadenceDays: 30,
    version: (n) => `16.${91 + n}`,
    sizeMiB: 2300,
  },
  {
    name: 'Microsoft Outlook',
    publisher: 'Microsoft Corporation',
    os: ['macos'],
    share: 1,
    cadenceDays: 30,
    version: (n) => `16.${91 + n}`,
    sizeMiB: 1900,
  },
  {
    name: 'Microsoft Teams',
    publisher: 'Microsoft Corporation',
    os: ['windows', 'macos'],
    share: 1,
    cadenceDays: 21,
    version: (n) => `${24295 + n * 21}.${606 + (n % 5) * 100}.${3238 + n * 13}.${6194 + n * 7}`,
    sizeMiB: 680,
  },
  {
    name: 'teams-for-linux',
    publisher: 'Ismael Martinez',
    os: ['ubuntu'],
    share: 0.7,
    cadenceDays: 45,
    version: (n) => `1.${12 + Math.floor(n / 3)}.${n % 3}`,
    sizeMiB: 320,
  },
  {
    name: 'libreoffice-core',
    publisher: 'Debian LibreOffice Maintainers',
    os: ['ubuntu'],
    share: 1,
    cadenceDays: 90,
    version: (n) => `4:24.2.${Math.min(7, n)}-0ubuntu0.24.04.1`,
    sizeMiB: 140,
  },
  {
    name: 'Adobe Acrobat Reader DC',
    publisher: 'Adobe',
    os: ['windows'],
    share: 0.9,
    cadenceDays: 45,
    version: (n) => `${24 + Math.floor(n / 8)}.00${4 + (n % 4)}.${20272 + n * 41}`,
    sizeMiB: 780,
  },
  {
    name: 'Adobe Acrobat Reader',
    publisher: 'Adobe',
    os: ['macos'],
    share: 0.7,
    cadenceDays: 45,
    version: (n) => `${24 + Math.floor(n / 8)}.00${4 + (n % 4)}.${20272 + n * 41}`,
    sizeMiB: 720,
  },
  {
    name: VPN_CLIENT,
    publisher: 'Palo Alto Networks',
    os: ['windows', 'macos'],
    share: 1,
    cadenceDays: 110,
    version: listed(VPN_VERSIONS),
    sizeMiB: 120,
  },
  {
    name: 'globalprotect',
    publisher: 'Palo Alto Networks',
    os: ['ubuntu'],
    share: 1,
    cadenceDays: 110,
    version: (n) => `${listed(VPN_VERSIONS)(n)}-12`,
    sizeMiB: 60,
  },
  {
    name: 'Zoom Workplace (64-bit)',
    publisher: 'Zoom Video Communications, Inc.',
    os: ['windows'],
    share: 0.4,
    cadenceDays: 30,
    version: (n) => `6.${2 + Math.floor(n / 6)}.${(n % 6) * 2 + 1} (${53540 + n * 719})`,
    sizeMiB: 330,
  },
  {
    name: 'zoom.us',
    publisher: 'Zoom Video Communications, Inc.',
    os: ['macos'],
    share: 0.5,
    cadenceDays: 30,
    version: (n) => `6.${2 + Math.floor(n / 6)}.${(n % 6) * 2 + 1} (${53540 + n * 719})`,
    sizeMiB: 300,
  },
  {
    name: '7-Zip 24.08 (x64)',
    publisher: 'Igor Pavlov',
    os: ['windows'],
    share: 0.5,
    cadenceDays: 400,
    version: listed(['24.08', '25.01']),
    sizeMiB: 6,
  },
  {
    name: 'HP Smart Universal Printing',
    publisher: 'HP Inc.',
    os: ['windows'],
    share: 0.75,
    cadenceDays: 150,
    version: listed(['7.2.0.25780', '7.3.0.25919', '7.4.0.26002', '7.5.0.26211', '7.6.0.26490']),
    sizeMiB: 45,
  },
  {
    name: 'Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.40.33810',
    publisher: 'Microsoft Corporation',
    os: ['windows'],
    share: 1,
    cadenceDays: 730,
    version: () => '14.40.33810.0',
    sizeMiB: 20,
  },
];
