import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { errorCode } from './outcome';

export type TcpProbeResult = 'open' | 'refused' | 'timeout' | 'unreachable' | 'name_not_found';

export interface TcpProbe {
  result: TcpProbeResult;
  /** Time to the answer (connect or refusal), or null without one. */
  ms: number | null;
  remoteAddress: string | null;
  errorCode: string | null;
}

const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN']);
const NAME_NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

/** Opens a TCP connection and closes it at once: sends nothing. */
export function tcpProbe(
  host: string,
  port: number,
  waitMs: number,
  signal: AbortSignal,
): Promise<TcpProbe> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host, port, signal });
    let settled = false;
    const finish = (result: TcpProbeResult, code: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const answered = result === 'open' || result === 'refused';
      resolve({
        result,
        ms: answered ? Math.round((performance.now() - started) * 10) / 10 : null,
        remoteAddress: socket.remoteAddress ?? null,
        errorCode: code,
      });
      socket.destroy();
    };
    const timer = setTimeout(() => {
      finish('timeout', null);
    }, waitMs);
    socket.once('connect', () => {
      finish('open', null);
    });
    socket.once('error', (error) => {
      const code = errorCode(error) ?? null;
      if (code === 'ECONNREFUSED') finish('refused', code);
      else if (code !== null && NAME_NOT_FOUND.has(code)) finish('name_not_found', code);
      else if (code !== null && UNREACHABLE.has(code)) finish('unreachable', code);
      else if (code === 'ABORT_ERR') finish('timeout', code);
      else finish('unreachable', code);
    });
  });
}
