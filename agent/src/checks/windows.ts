import path from 'node:path';

/** A program of Windows itself, by full path, so a look-alike earlier on PATH is never run. */
export function windowsSystemTool(exe: string): string {
  return path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', exe);
}
