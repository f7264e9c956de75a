import type { CheckFactsOf, CheckOutcomeOf, CheckParams } from '@deskside/core';
import type { CheckContext, CheckImplementation } from '../context';
import { outcome } from '../outcome';
import { windowsSystemTool } from '../windows';

type Outcome = CheckOutcomeOf<'service.running'>;

const MAX_LISTED_PIDS = 10;
/** Linux keeps only the first 15 bytes of a process name in /proc/<pid>/comm. */
const COMM_LENGTH = 15;

/** `systemctl show -p ... -- name` output: `Key=Value` lines. */
export function judgeSystemd(name: string, stdout: string): Outcome {
  const props = Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => line.split(/=(.*)/s, 2))
      .filter((pair): pair is [string, string] => pair.length === 2),
  );
  const facts = {
    name,
    manager: 'systemd' as const,
    loadState: props.LoadState ?? null,
    activeState: props.ActiveState ?? null,
    subState: props.SubState ?? null,
    mainPid: props.MainPID ? Number(props.MainPID) : null,
  };
  if (props.LoadState === 'not-found') return outcome('fail', 'service.running.not_found', facts);
  if (props.ActiveState === 'active') return outcome('pass', 'service.running.ok', facts);
  if (props.ActiveState === undefined) return outcome('error', 'service.running.unknown', facts);
  return outcome('fail', 'service.running.stopped', facts);
}

/** Exit code of `sc query` for a name that is not an installed service. */
const SC_NO_SUCH_SERVICE = 1060;
/** The state keyword, which `sc` prints in English on every Windows language. */
const SC_STATE =
  /:\s*([1-7])\s+(STOPPED|START_PENDING|STOP_PENDING|RUNNING|CONTINUE_PENDING|PAUSE_PENDING|PAUSED)\b/;

/** `sc.exe query name`: its exit code and the STATE line. */
export function judgeWindowsService(name: string, exitCode: number, stdout: string): Outcome {
  const facts = { name, manager: 'windows' as const, state: null as string | null };
  if (exitCode === SC_NO_SUCH_SERVICE) return outcome('fail', 'service.running.not_found', facts);
  const state = SC_STATE.exec(stdout);
  if (exitCode !== 0 || !state) return outcome('error', 'service.running.unknown', facts);
  facts.state = state[2]!;
  return state[2] === 'RUNNING'
    ? outcome('pass', 'service.running.ok', facts)
    : outcome('fail', 'service.running.stopped', facts);
}

/** `launchctl print system/label` exits 113 for an unknown label. */
const LAUNCHCTL_NO_SUCH_SERVICE = 113;

export function judgeLaunchd(name: string, exitCode: number, stdout: string): Outcome {
  const state = /^\s*state = (.+)$/m.exec(stdout)?.[1]?.trim() ?? null;
  const pid = /^\s*pid = (\d+)$/m.exec(stdout)?.[1];
  const facts = { name, manager: 'launchd' as const, state, pid: pid ? Number(pid) : null };
  if (exitCode === LAUNCHCTL_NO_SUCH_SERVICE) {
    return outcome('fail', 'service.running.not_found', facts);
  }
  if (exitCode !== 0 || state === null) return outcome('error', 'service.running.unknown', facts);
  return state === 'running'
    ? outcome('pass', 'service.running.ok', facts)
    : outcome('fail', 'service.running.stopped', facts);
}

/** Without a service manager (a container, a minimal system): processes by that name. */
function processesNamed(name: string, ctx: CheckContext): Promise<number[]> {
  return ctx.probes.processIdsNamed(name.replace(/\.service$/, '').slice(0, COMM_LENGTH));
}

async function linuxService(name: string, ctx: CheckContext): Promise<Outcome> {
  // sd_booted(3): systemd is the init system when this folder exists.
  if (await ctx.probes.pathExists('/run/systemd/system')) {
    const result = await ctx.exec('systemctl', [
      'show',
      '--no-pager',
      '-p',
      'LoadState',
      '-p',
      'ActiveState',
      '-p',
      'SubState',
      '-p',
      'MainPID',
      '--',
      name,
    ]);
    return judgeSystemd(name, result.stdout);
  }
  const pids = await processesNamed(name, ctx);
  const facts = { name, manager: 'none' as const, pids: pids.slice(0, MAX_LISTED_PIDS) };
  return pids.length > 0
    ? outcome('pass', 'service.running.ok', facts)
    : outcome('fail', 'service.running.stopped', facts);
}

export const serviceRunning: CheckImplementation<
  CheckParams<'service.running'>,
  CheckFactsOf<'service.running'>
> = async (params, ctx) => {
  const { name } = params;
  if (ctx.platform === 'win32') {
    const result = await ctx.exec(windowsSystemTool('sc.exe'), ['query', name]);
    return judgeWindowsService(name, result.exitCode, result.stdout);
  }
  if (ctx.platform === 'darwin') {
    const result = await ctx.exec('/bin/launchctl', ['print', `system/${name}`]);
    return judgeLaunchd(name, result.exitCode, result.stdout);
  }
  return linuxService(name, ctx);
};
