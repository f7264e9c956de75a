/** Memory use of another process, as the OS reports it. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { BenchmarkUnavailable } from './benchmark';

const execFileAsync = promisify(execFile);

/** Resident set size of process `pid` in MiB: /proc on Linux, `ps` elsewhere (macOS). */
export async function residentMiB(pid: number): Promise<number> {
  if (process.platform === 'linux') {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kib === undefined) throw new Error(`No VmRSS for process ${pid}`);
    return Number(kib) / 1024;
  }
  if (process.platform === 'win32') {
    throw new BenchmarkUnavailable('resident memory is read from /proc or ps, not on Windows');
  }
  const { stdout } = await execFileAsync('ps', ['-o', 'rss=', '-p', String(pid)]);
  return Number(stdout.trim()) / 1024;
}
