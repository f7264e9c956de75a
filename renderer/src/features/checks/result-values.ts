import type { CatalogCheckId, CheckFactsOf, UnavailableReason } from '@deskside/core';
import {
  formatBytes,
  formatDateTime,
  formatDuration,
  formatList,
  formatMilliseconds,
  formatNumber,
  formatPercent,
} from '../../i18n/format';

/**
 * What a check's result sentence fills in, per check: its facts (language-neutral, as the
 * agent sent them, read with the check's schema) turned into text in the analyst's locale.
 * Every value is always present (a dash when the outcome does not report it), so no sentence
 * ever shows a raw `{{placeholder}}`.
 */
type Values = Record<string, string>;

type KeysOfEither<T> = T extends unknown ? keyof T : never;
type ValueIn<T, K extends PropertyKey> = T extends unknown
  ? K extends keyof T
    ? T[K]
    : never
  : never;
/**
 * Every fact any outcome of a check may report, each possibly absent: a check's outcomes
 * report different facts (a measurement, or only the path that is missing), and its
 * sentences read whichever their outcome has.
 */
export type AnyOutcomeFacts<T> = { [K in KeysOfEither<T>]?: ValueIn<T, K> };

export const NO_VALUE = '—';

export interface ValueFormats {
  locale: string;
  /** Why facts are unavailable, in the analyst's language. */
  reason: (reason: UnavailableReason) => string;
}

function formatsOf({ locale, reason }: ValueFormats) {
  const show = <T>(value: T | null | undefined, format: (value: T) => string) =>
    value === null || value === undefined ? NO_VALUE : format(value);
  const list = (items: readonly (string | number)[] | undefined) =>
    items === undefined || items.length === 0 ? NO_VALUE : formatList(items.map(String), locale);
  return {
    locale,
    list,
    /** A name, a code or a number that is a name (a port, a status): never grouped. */
    text: (value: string | number | null | undefined) =>
      value === null || value === undefined || value === '' ? NO_VALUE : String(value),
    number: (value: number | undefined) => show(value, (n) => formatNumber(n, locale)),
    bytes: (value: number | undefined) => show(value, (n) => formatBytes(n, locale)),
    percent: (value: number | null | undefined) => show(value, (n) => formatPercent(n, locale)),
    ms: (value: number | null | undefined) => show(value, (n) => formatMilliseconds(n, locale)),
    days: (value: number | null | undefined) =>
      show(value, (n) => formatDuration(n * 86_400, locale)),
    seconds: (value: number | undefined) => show(value, (n) => formatDuration(n, locale)),
    date: (value: string | null | undefined) => show(value, (iso) => formatDateTime(iso, locale)),
    reason: (value: UnavailableReason | undefined) => show(value, reason),
  };
}

type Formats = ReturnType<typeof formatsOf>;

const PRINTER_TROUBLE = new Set(['stopped', 'offline', 'error']);

const byCheck: {
  [K in CatalogCheckId]: (facts: AnyOutcomeFacts<CheckFactsOf<K>>, f: Formats) => Values;
} = {
  'disk.free': (
    { path, freeBytes, totalBytes, freePercent, warnBelowPercent, failBelowPercent },
    f,
  ) => ({
    path: f.text(path),
    free: f.bytes(freeBytes),
    total: f.bytes(totalBytes),
    freePercent: f.percent(freePercent),
    warnBelow: f.percent(warnBelowPercent),
    failBelow: f.percent(failBelowPercent),
  }),
  'memory.pressure': ({ usedPercent, totalBytes, warnAbovePercent, failAbovePercent }, f) => ({
    used: f.percent(usedPercent),
    total: f.bytes(totalBytes),
    warnAbove: f.percent(warnAbovePercent),
    failAbove: f.percent(failAbovePercent),
  }),
  'cpu.load': ({ usedPercent, cores, warnAbovePercent, failAbovePercent }, f) => ({
    used: f.percent(usedPercent),
    cores: f.number(cores),
    warnAbove: f.percent(warnAbovePercent),
    failAbove: f.percent(failAbovePercent),
  }),
  'system.uptime': ({ uptimeSeconds, bootTime, warnAfterDays, failAfterDays }, f) => ({
    uptime: f.seconds(uptimeSeconds),
    bootTime: f.date(bootTime),
    warnAfter: f.days(warnAfterDays),
    failAfter: f.days(failAfterDays),
  }),
  'fs.writable': ({ path, errorCode }, f) => ({ path: f.text(path), errorCode: f.text(errorCode) }),
  'disk.smart': ({ devices = [] }, f) => {
    const named = (verdict?: string) =>
      f.list(devices.filter((d) => !verdict || d.verdict === verdict).map((d) => d.device));
    return { devices: named(), failing: named('failing'), warning: named('warning') };
  },
  'service.running': ({ name, activeState, state }, f) => ({
    name: f.text(name),
    // systemd's active state, or the state the other service managers report.
    state: f.text(activeState ?? state),
  }),
  'processes.top': ({ processCount, byCpu = [], byMemory = [] }, f) => ({
    count: f.number(processCount),
    topCpu: f.text(byCpu[0]?.name),
    topCpuPercent: f.percent(byCpu[0]?.cpuPercent),
    topMemory: f.text(byMemory[0]?.name),
    topMemoryPercent: f.percent(byMemory[0]?.memoryPercent),
  }),
  'network.interfaces': ({ name, interfaces = [], available }, f) => ({
    name: f.text(name),
    interfaces: f.list(interfaces.map((nic) => nic.name)),
    up: f.list(interfaces.filter((nic) => nic.up).map((nic) => nic.name)),
    available: f.list(available),
  }),
  'network.gateway': ({ gateway, rttMs }, f) => ({ gateway: f.text(gateway), time: f.ms(rttMs) }),
  'dns.resolve': ({ name, type, servers, answers, ms, errorCode }, f) => ({
    name: f.text(name),
    type: f.text(type),
    servers: f.list(servers),
    answers: f.list(answers),
    time: f.ms(ms),
    errorCode: f.text(errorCode),
  }),
  'http.reach': ({ url, status, ms, certValidTo, expectStatus, errorCode }, f) => ({
    url: f.text(url),
    status: f.text(status),
    time: f.ms(ms),
    certValidTo: f.date(certValidTo),
    expected: f.list(expectStatus),
    errorCode: f.text(errorCode),
  }),
  'tcp.port': ({ host, port, connectMs, errorCode }, f) => ({
    host: f.text(host),
    // A port is a name, not a quantity: never grouped ("8 443").
    port: f.text(port),
    time: f.ms(connectMs),
    errorCode: f.text(errorCode),
  }),
  'clock.offset': ({ server, offsetMs }, f) => ({ server: f.text(server), offset: f.ms(offsetMs) }),
  'printers.queues': ({ printers = [], name, available, spooler, reason }, f) => ({
    count: f.number(printers.length),
    jobs: f.number(printers.reduce((sum, printer) => sum + printer.jobs, 0)),
    troubled: f.list(
      printers
        .filter((printer) => PRINTER_TROUBLE.has(printer.status))
        .map((printer) => `${printer.name} (${printer.status})`),
    ),
    name: f.text(name),
    available: f.list(available),
    spooler: f.text(spooler),
    reason: f.reason(reason),
  }),
  'battery.health': ({ batteries = [], warnBelowPercent, reason }, f) => {
    const healths = batteries.flatMap((battery) =>
      battery.healthPercent === null ? [] : [battery.healthPercent],
    );
    return {
      health: f.percent(healths.length > 0 ? Math.min(...healths) : null),
      warnBelow: f.percent(warnBelowPercent),
      reason: f.reason(reason),
    };
  },
  'os.updates': ({ pendingCount, securityCount, catalogAgeDays, reason }, f) => ({
    pending: f.number(pendingCount),
    security: f.number(securityCount),
    catalogAge: f.days(catalogAgeDays),
    reason: f.reason(reason),
  }),
  'program.installed': ({ name, matches = [], reason }, f) => ({
    name: f.text(name),
    matches: f.list(
      matches.map((match) => (match.version ? `${match.name} ${match.version}` : match.name)),
    ),
    reason: f.reason(reason),
  }),
};

/**
 * The values the sentences of check `checkId` may use, from its facts as its schema reads
 * them (`factsOf`), in the formats of `formats.locale`.
 */
export function checkResultValues<K extends CatalogCheckId>(
  checkId: K,
  facts: AnyOutcomeFacts<CheckFactsOf<K>>,
  formats: ValueFormats,
): Values {
  return byCheck[checkId](facts, formatsOf(formats));
}
