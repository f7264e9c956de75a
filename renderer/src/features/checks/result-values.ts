import type { CheckFacts } from '@deskside/core';
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
 * agent sent them) turned into text in the analyst's locale. Every value is always present
 * (a dash when the facts lack it), so no sentence ever shows a raw `{{placeholder}}`.
 */
type Values = Record<string, string>;
type JsonValue = CheckFacts[string];

export const NO_VALUE = '—';

function reader(facts: CheckFacts, locale: string) {
  const raw = (key: string): JsonValue | undefined => facts[key];
  const num = (key: string): number | null => {
    const value = raw(key);
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  const show = <T>(value: T | null, format: (value: T) => string) =>
    value === null ? NO_VALUE : format(value);
  const records = (key: string): Record<string, JsonValue>[] => {
    const value = raw(key);
    return Array.isArray(value)
      ? value.filter(
          (item): item is Record<string, JsonValue> =>
            typeof item === 'object' && item !== null && !Array.isArray(item),
        )
      : [];
  };
  const list = (items: readonly string[]) =>
    items.length === 0 ? NO_VALUE : formatList(items, locale);
  return {
    locale,
    records,
    list,
    text: (key: string) => {
      const value = raw(key);
      if (typeof value === 'string' && value !== '') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return NO_VALUE;
    },
    strings: (key: string) => {
      const value = raw(key);
      return list(Array.isArray(value) ? value.map(String) : []);
    },
    number: (key: string) => show(num(key), (n) => formatNumber(n, locale)),
    bytes: (key: string) => show(num(key), (n) => formatBytes(n, locale)),
    percent: (key: string) => show(num(key), (n) => formatPercent(n, locale)),
    ms: (key: string) => show(num(key), (n) => formatMilliseconds(n, locale)),
    days: (key: string) => show(num(key), (n) => formatDuration(n * 86_400, locale)),
    seconds: (key: string) => show(num(key), (n) => formatDuration(n, locale)),
    date: (key: string) => {
      const value = raw(key);
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? formatDateTime(value, locale)
        : NO_VALUE;
    },
  };
}

type Reader = ReturnType<typeof reader>;

/** A name or a number from nested facts, as text. */
const label = (value: JsonValue | undefined): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : NO_VALUE;
/** Names of the records under `key` whose `field` passes `keep`. */
const namesOf = (
  f: Reader,
  key: string,
  keep: (item: Record<string, JsonValue>) => boolean = () => true,
  field = 'name',
) =>
  f.list(
    f
      .records(key)
      .filter(keep)
      .map((item) => label(item[field])),
  );

const byCheck: Record<string, (f: Reader) => Values> = {
  'disk.free': (f) => ({
    path: f.text('path'),
    free: f.bytes('freeBytes'),
    total: f.bytes('totalBytes'),
    freePercent: f.percent('freePercent'),
    warnBelow: f.percent('warnBelowPercent'),
    failBelow: f.percent('failBelowPercent'),
  }),
  'memory.pressure': (f) => ({
    used: f.percent('usedPercent'),
    total: f.bytes('totalBytes'),
    warnAbove: f.percent('warnAbovePercent'),
    failAbove: f.percent('failAbovePercent'),
  }),
  'cpu.load': (f) => ({
    used: f.percent('usedPercent'),
    cores: f.number('cores'),
    warnAbove: f.percent('warnAbovePercent'),
    failAbove: f.percent('failAbovePercent'),
  }),
  'system.uptime': (f) => ({
    uptime: f.seconds('uptimeSeconds'),
    bootTime: f.date('bootTime'),
    warnAfter: f.days('warnAfterDays'),
    failAfter: f.days('failAfterDays'),
  }),
  'fs.writable': (f) => ({ path: f.text('path'), errorCode: f.text('errorCode') }),
  'disk.smart': (f) => ({
    devices: namesOf(f, 'devices', () => true, 'device'),
    failing: namesOf(f, 'devices', (d) => d.verdict === 'failing', 'device'),
    warning: namesOf(f, 'devices', (d) => d.verdict === 'warning', 'device'),
  }),
  'service.running': (f) => ({
    name: f.text('name'),
    state: f.text('activeState') === NO_VALUE ? f.text('state') : f.text('activeState'),
  }),
  'processes.top': (f) => {
    const [cpu] = f.records('byCpu');
    const [memory] = f.records('byMemory');
    const percent = (item: Record<string, JsonValue> | undefined, key: string) => {
      const value = item?.[key];
      return typeof value === 'number' ? formatPercent(value, f.locale) : NO_VALUE;
    };
    return {
      count: f.number('processCount'),
      topCpu: typeof cpu?.name === 'string' ? cpu.name : NO_VALUE,
      topCpuPercent: percent(cpu, 'cpuPercent'),
      topMemory: typeof memory?.name === 'string' ? memory.name : NO_VALUE,
      topMemoryPercent: percent(memory, 'memoryPercent'),
    };
  },
  'network.interfaces': (f) => ({
    name: f.text('name'),
    interfaces: namesOf(f, 'interfaces'),
    up: namesOf(f, 'interfaces', (nic) => nic.up === true),
    available: f.strings('available'),
  }),
  'network.gateway': (f) => ({ gateway: f.text('gateway'), time: f.ms('rttMs') }),
  'dns.resolve': (f) => ({
    name: f.text('name'),
    type: f.text('type'),
    servers: f.strings('servers'),
    answers: f.strings('answers'),
    time: f.ms('ms'),
    errorCode: f.text('errorCode'),
  }),
  'http.reach': (f) => ({
    url: f.text('url'),
    status: f.text('status'),
    time: f.ms('ms'),
    certValidTo: f.date('certValidTo'),
    expected: f.strings('expectStatus'),
    errorCode: f.text('errorCode'),
  }),
  'tcp.port': (f) => ({
    host: f.text('host'),
    // A port is a name, not a quantity: never grouped ("8 443").
    port: f.text('port'),
    time: f.ms('connectMs'),
    errorCode: f.text('errorCode'),
  }),
  'clock.offset': (f) => ({ server: f.text('server'), offset: f.ms('offsetMs') }),
  'printers.queues': (f) => {
    const printers = f.records('printers');
    const jobs = printers.reduce((sum, p) => sum + (typeof p.jobs === 'number' ? p.jobs : 0), 0);
    return {
      count: formatNumber(printers.length, f.locale),
      jobs: formatNumber(jobs, f.locale),
      troubled: f.list(
        printers
          .filter((p) => p.status === 'stopped' || p.status === 'offline' || p.status === 'error')
          .map((p) => `${label(p.name)} (${label(p.status)})`),
      ),
      name: f.text('name'),
      available: f.strings('available'),
      spooler: f.text('spooler'),
    };
  },
  'battery.health': (f) => {
    const healths = f
      .records('batteries')
      .flatMap((b) => (typeof b.healthPercent === 'number' ? [b.healthPercent] : []));
    const worst = healths.length > 0 ? Math.min(...healths) : null;
    return {
      health: worst === null ? NO_VALUE : formatPercent(worst, f.locale),
      warnBelow: f.percent('warnBelowPercent'),
    };
  },
  'os.updates': (f) => ({
    pending: f.number('pendingCount'),
    security: f.number('securityCount'),
    catalogAge: f.days('catalogAgeDays'),
  }),
  'program.installed': (f) => ({
    name: f.text('name'),
    matches: f.list(
      f
        .records('matches')
        .map((m) =>
          typeof m.version === 'string' && m.version
            ? `${label(m.name)} ${m.version}`
            : label(m.name),
        ),
    ),
  }),
};

/**
 * The values a check's sentences may use, from its facts, in `localeTag`'s formats. `reason`
 * (why facts are unavailable) is a code the caller translates, so it is left to the caller.
 */
export function checkResultValues(checkId: string, facts: CheckFacts, locale: string): Values {
  return byCheck[checkId]?.(reader(facts, locale)) ?? {};
}

/** Checks whose values this module knows (the catalog's, when nothing is missing). */
export const checksWithValues = Object.keys(byCheck);
