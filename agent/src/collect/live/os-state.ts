import os from 'node:os';

/** What changes about the OS between requests: cheap to read, read every time. */
export function osState(now = Date.now()) {
  const uptimeSeconds = Math.round(os.uptime());
  return {
    hostname: os.hostname(),
    uptimeSeconds,
    // Rounded to the second so the same boot always reads the same.
    lastBootAt: new Date(Math.round((now - uptimeSeconds * 1000) / 1000) * 1000).toISOString(),
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
