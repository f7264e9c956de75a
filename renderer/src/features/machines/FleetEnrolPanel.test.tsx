import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleSettings, FleetEnrolmentOutcome } from '@deskside/core';
import { renderWithApi, type Answers } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import en from '../../i18n/en.json';
import { FleetEnrolPanel, FleetRevokePanel, type PairedState } from './FleetEnrolPanel';

beforeAll(async () => {
  await setupI18n('en');
});

const ID = '0b6c5d8e-9f1a-4b2c-8d3e-4f5a6b7c8d9e';
const IN_FLEET_MODE: ConsoleSettings = {
  language: null,
  displayName: null,
  fleet: { servers: ['nats://nats.example.org:4222'], credentialsFile: '/etc/console.creds' },
};

function renderPanel(answers: Answers, state: PairedState | null = null) {
  return renderWithApi(
    <MemoryRouter initialEntries={[{ pathname: `/machines/${ID}`, state }]}>
      <Routes>
        <Route path="/machines/:id" element={<FleetEnrolPanel machineId={ID} />} />
      </Routes>
    </MemoryRouter>,
    { 'settings.get': () => IN_FLEET_MODE, ...answers },
  );
}

const direct = (reason: 'not_permitted' | 'delivery_failed'): FleetEnrolmentOutcome => ({
  enrolled: false,
  reason,
  detail: 'The agent answered: HTTP 404',
});

describe('the fleet panel of a paired machine (a fake console answers)', () => {
  it('says why the pairing stayed direct, and enrols when asked', async () => {
    const call = renderPanel(
      {
        'machines.fleetEnrol': () => ({
          fleetEnrolment: { enrolled: true, fleetId: ID, publicKey: 'UABC' },
        }),
      },
      { fleetEnrolment: direct('not_permitted') },
    );
    expect(await screen.findByText(en.fleetEnrol.reason.not_permitted)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en.fleetEnrol.action }));
    expect(await screen.findByText(en.fleetEnrol.enrolled)).toBeTruthy();
    expect(call).toHaveBeenCalledWith('machines.fleetEnrol', { id: ID });
    expect(screen.queryByRole('button', { name: en.fleetEnrol.action })).toBeNull();
  });

  it("shows the agent's own words when delivery failed", async () => {
    renderPanel({}, { fleetEnrolment: direct('delivery_failed') });
    const note = await screen.findByRole('status');
    expect(note.textContent).toContain(en.fleetEnrol.reason.delivery_failed);
    expect(note.textContent).toContain('HTTP 404');
  });

  it('is not shown on a console without fleet mode', async () => {
    const call = renderPanel({ 'settings.get': () => ({ ...IN_FLEET_MODE, fleet: null }) });
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('settings.get', {});
    });
    expect(screen.queryByRole('region', { name: en.fleetEnrol.title })).toBeNull();
  });
});

describe('taking a fleet machine out of the fleet (a fake console answers)', () => {
  const renderRevoke = (answers: Answers) =>
    renderWithApi(<FleetRevokePanel machineId={ID} />, answers);

  it('asks first, and cancelling revokes nothing', () => {
    const call = renderRevoke({});
    fireEvent.click(screen.getByRole('button', { name: en.fleetEnrol.revoke }));
    expect(screen.getByText(en.fleetEnrol.revokeConfirm)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en.fleetEnrol.cancel }));
    expect(call).not.toHaveBeenCalledWith('machines.fleetRevoke', expect.anything());
    expect(screen.getByRole('button', { name: en.fleetEnrol.revoke })).toBeTruthy();
  });

  it('revokes once confirmed, and says when the server was not told', async () => {
    const call = renderRevoke({
      'machines.fleetRevoke': () => ({
        revoked: ['UABC'],
        serverUpdated: false,
        detail: 'connection refused',
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: en.fleetEnrol.revoke }));
    fireEvent.click(screen.getByRole('button', { name: en.fleetEnrol.revokeYes }));
    const note = await screen.findByRole('status');
    expect(note.textContent).toContain(en.fleetEnrol.revokedLater);
    expect(note.textContent).toContain('connection refused');
    expect(call).toHaveBeenCalledWith('machines.fleetRevoke', { id: ID });
    expect(screen.queryByRole('button', { name: en.fleetEnrol.revoke })).toBeNull();
  });
});
