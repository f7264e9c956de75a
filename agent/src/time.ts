const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * `new Date(ms).toISOString()`, put together from the date's UTC fields. The first time V8
 * turns any Date into a string, even an ISO one in UTC, it loads the local time zone from
 * ICU's data, which then stays in memory (about half a megabyte); the serving agent stamps
 * the times it writes while idle with this instead. For years 0 to 9999.
 */
export function utcTimestamp(ms: number = Date.now()): string {
  const date = new Date(ms);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `.${pad(date.getUTCMilliseconds(), 3)}Z`
  );
}
