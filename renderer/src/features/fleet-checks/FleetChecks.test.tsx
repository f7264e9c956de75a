import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CheckCatalogEntry,
  CheckResult,
  CheckRun,
  FleetQueuedCheck,
  FleetScatter,
} from '@deskside/core';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import en from '../../i18n/en.json';
import { formatDateTime } from '../../i18n/format';
import { ChecksPanel } from '../checks/ChecksPanel';
import { FleetQueuedChecks } from './FleetQueuedChecks';
import { FleetScatterPanel } from './FleetScatterPanel';

beforeAll(async () => {
  await setupI18n('en');
});

const MACHINE = '0b7e6d5c-4a39-4281-9f0e-1d2c3b4a5968';
const OTHER = '1c8f7e6d-5b4a-4392-8a1f-2e3d4c5b6a79';
const REQUEST = '6f1c1f7e-8a7e-4c4e-9d0a-1b2c3d4e5f60';
const EXPIRES = '2026-12-09T10:00:00.000Z';

const entry = (id: string): CheckCatalogEntry => ({
  id,
  summary: id,
  description: id,
  timeoutMs: 5_000,
  transports: ['agent-https', 'nats'],
  os: ['linux'],
  params: {},
  needsParams: false,
  codes: ['ok'],
});
const CATALOG = { checks: [entry('fs.writable')] };

const passed: CheckResult = {
  checkId: 'fs.writable',
  status: 'pass',
  code: 'fs.writable.ok',
  facts: {},
  startedAt: '2026-12-02T10:00:00.000Z',
  durationMs: 3,
};

const run = (machineId = MACHINE): CheckRun => ({
  runId: '7a2d1e0f-9b8c-4d7e-8f6a-5b4c3d2e1f00',
  machineId,
  machineName: 'PC-AWAY',
  transport: 'nats',
  startedAt: '2026-12-02T10:00:00.000Z',
  finishedAt: '2026-12-02T10:00:01.000Z',
  state: 'done',
  version: 2,
  checks: [{ checkId: 'fs.writable', params: {}, state: 'done', result: passed }],
  error: null,
});

const queued = (change: Partial<FleetQueuedCheck> = {}): FleetQueuedCheck => ({
  requestId: REQUEST,
  machineId: MACHINE,
  ticketId: 42,
  checks: [{ checkId: 'fs.writable', params: {} }],
  queuedBy: 'bram',
  queuedAt: '2026-12-02T09:00:00.000Z',
  expiresAt: EXPIRES,
  state: 'waiting',
  settledAt: null,
  run: null,
  problem: null,
  evidenceId: null,
  ...change,
});

describe('queued fleet checks', () => {
  it('show a waiting check with its expiry, then its result once it ran', async () => {
    let answer = [queued()];
    const call = renderWithApi(<FleetQueuedChecks request={{ ticketId: 42 }} />, {
      'machines.fleetQueuedChecks': () => answer,
    });
    const list = await screen.findByRole('list', { name: en.fleetChecks.queuedTitle });
    expect(within(list).getByText(en.fleetChecks.state.waiting)).toBeTruthy();
    expect(
      within(list).getByText(
        `The machine is away; the checks run when it is back, until ${formatDateTime(EXPIRES, 'en')}.`,
      ),
    ).toBeTruthy();
    expect(call).toHaveBeenCalledWith('machines.fleetQueuedChecks', { ticketId: 42 });

    answer = [
      queued({
        state: 'done',
        settledAt: '2026-12-02T10:00:01.000Z',
        run: run(),
        evidenceId: 'e1',
      }),
    ];
    // Read again while on screen: the result replaces the waiting line.
    await waitFor(
      () => {
        expect(screen.getByText(en.fleetChecks.state.done)).toBeTruthy();
      },
      { timeout: 8_000 },
    );
    expect(screen.getByRole('list', { name: en.checks.results })).toBeTruthy();
    expect(screen.getByText(/The results are on the ticket\./)).toBeTruthy();
    expect(screen.queryByText(en.fleetChecks.state.waiting)).toBeNull();
  }, 10_000);

  it('show nothing when none were queued', async () => {
    const call = renderWithApi(<FleetQueuedChecks request={{ machineId: MACHINE }} />, {
      'machines.fleetQueuedChecks': () => [],
    });
    await waitFor(() => {
      expect(call).toHaveBeenCalled();
    });
    expect(screen.queryByRole('region')).toBeNull();
  });
});

describe('checks on a fleet machine', () => {
  const runFrom = async () => {
    fireEvent.click(await screen.findByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: en.checks.run }));
  };

  it('go over NATS and say they were queued when the machine is away', async () => {
    const call = renderWithApi(<ChecksPanel machineId={MACHINE} transport="agent-https" fleet />, {
      'checks.catalog': () => CATALOG,
      'machines.fleetRunChecks': () => ({ via: 'queued', queued: queued() }),
    });
    await runFrom();
    expect(
      await screen.findByText(
        `The machine is away: the checks are queued and run when it is back (until ${formatDateTime(EXPIRES, 'en')}).`,
      ),
    ).toBeTruthy();
    expect(call).toHaveBeenCalledWith('machines.fleetRunChecks', {
      machineId: MACHINE,
      checks: [{ checkId: 'fs.writable', params: {} }],
    });
    expect(call.mock.calls.some(([method]) => method === 'machines.startChecks')).toBe(false);
  });

  it("show the machine's answer when it was online", async () => {
    renderWithApi(<ChecksPanel machineId={MACHINE} transport="agent-https" fleet />, {
      'checks.catalog': () => CATALOG,
      'machines.fleetRunChecks': () => ({
        via: 'asked',
        outcome: { agentId: MACHINE, state: 'done', run: run(), refusal: null },
      }),
    });
    await runFrom();
    expect(await screen.findByText(en.fleetChecks.askedNow)).toBeTruthy();
    expect(screen.getByText(en.checks.status.pass)).toBeTruthy();
  });
});

describe('scatter-gather over fleet machines', () => {
  const scatter = (change: Partial<FleetScatter> = {}): FleetScatter => ({
    id: REQUEST,
    state: 'running',
    selection: { kind: 'department', department: 'Finance' },
    machineIds: [MACHINE, OTHER],
    outcomes: [{ agentId: MACHINE, state: 'done', run: run(), refusal: null }],
    startedAt: '2026-12-02T10:00:00.000Z',
    durationMs: null,
    ...change,
  });

  it('asks a selection, shows progress and partial results, and can stop waiting', async () => {
    let status = scatter();
    const call = renderWithApi(
      <FleetScatterPanel
        machineNames={
          new Map([
            [MACHINE, 'PC-FIN-1'],
            [OTHER, 'PC-FIN-2'],
          ])
        }
      />,
      {
        'checks.catalog': () => CATALOG,
        'machines.fleetScatterStart': () => status,
        'machines.fleetScatter': () => status,
        'machines.fleetScatterCancel': () => {
          status = scatter({
            state: 'cancelled',
            durationMs: 1_500,
            outcomes: [
              ...status.outcomes,
              { agentId: OTHER, state: 'cancelled', run: null, refusal: null },
            ],
          });
          return status;
        },
      },
    );
    const form = await screen.findByRole('form', { name: en.fleetChecks.scatter.title });
    fireEvent.change(within(form).getByLabelText(en.fleetChecks.scatter.selectBy), {
      target: { value: 'department' },
    });
    fireEvent.click(within(form).getByRole('checkbox'));
    fireEvent.click(within(form).getByRole('button', { name: en.fleetChecks.scatter.run }));
    expect((await screen.findByRole('alert')).textContent).toBe(en.fleetChecks.scatter.valueNeeded);
    fireEvent.change(within(form).getByLabelText(en.fleetChecks.scatter.value.department), {
      target: { value: 'Finance' },
    });
    fireEvent.click(within(form).getByRole('button', { name: en.fleetChecks.scatter.run }));

    expect(await screen.findByText('1 of 2 machines answered so far')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('machines.fleetScatterStart', {
      selection: { kind: 'department', department: 'Finance' },
      checks: [{ checkId: 'fs.writable', params: {} }],
    });
    const table = screen.getByRole('table', { name: en.fleetChecks.scatter.outcomes });
    expect(within(table).getByText('PC-FIN-1')).toBeTruthy();
    expect(within(table).getByText('1 passed, 0 warnings, 0 failed')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: en.fleetChecks.scatter.cancel }));
    expect(await screen.findByText('Stopped: 2 of 2 machines')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('machines.fleetScatterCancel', { id: REQUEST });
    expect(within(table).getByText(en.fleetChecks.scatter.agent.cancelled)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: en.fleetChecks.scatter.progress })).toBeTruthy();
  });
});
