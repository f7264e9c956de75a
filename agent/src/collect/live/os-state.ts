import os from 'node:os';

let zone: { tz: string | undefined; name: string } | undefined;

/**
 * The time zone's name. V8 settles the default zone once per process (again only when TZ is
 * set), while building a formatter to ask for it costs more than the rest of the section.
 */
function timeZone(): string {
  if (zone === undefined || zone.tz !== process.env.TZ) {
    zone = { tz: process.env.TZ, name: Intl.DateTimeFormat().resolvedOptions().timeZone };
  }
  return zone.name;
}

/** What changes about the OS between requests: cheap to read, read every time. */
export function osState(now = Date.now()) {
  const uptimeSeconds = Math.round(os.uptime());
  return {
    hostname: os.hostname(),
    uptimeSeconds,
    // Rounded to the second so the same boot always reads the same.
    lastBootAt: new Date(Math.round((now - uptimeSeconds * 1000) / 1000) * 1000).toISOString(),
    timezone: timeZone(),
  };
}
