import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleSettings } from '@deskside/core';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import { FleetSettings, serverList } from './FleetSettings';

beforeAll(async () => {
  await setupI18n('en');
});

describe('fleet settings (a fake console answers)', () => {
  it('turns fleet mode on with the servers and the credentials file entered', async () => {
    const settings: ConsoleSettings = { language: null, displayName: null, fleet: null };
    const call = renderWithApi(<FleetSettings />, {
      'settings.get': () => settings,
      'settings.update': (changes) => ({ ...settings, ...(changes as Partial<ConsoleSettings>) }),
    });
    expect(await screen.findByText('Fleet mode is off.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('NATS servers (one a line)'), {
      target: { value: 'nats://a.example.org:4222\n tls://b.example.org:4222 \n' },
    });
    fireEvent.change(screen.getByLabelText("This console's credentials file (.creds)"), {
      target: { value: '/etc/deskside/console.creds' },
    });
    expect(screen.queryByRole('button', { name: 'Turn fleet mode off' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save fleet settings' }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('settings.update', {
        fleet: {
          servers: ['nats://a.example.org:4222', 'tls://b.example.org:4222'],
          credentialsFile: '/etc/deskside/console.creds',
        },
      });
    });
  });

  it("sends the CA file for the servers' TLS certificates when one is entered", async () => {
    const settings: ConsoleSettings = { language: null, displayName: null, fleet: null };
    const call = renderWithApi(<FleetSettings />, {
      'settings.get': () => settings,
      'settings.update': (changes) => ({ ...settings, ...(changes as Partial<ConsoleSettings>) }),
    });
    fireEvent.change(await screen.findByLabelText('NATS servers (one a line)'), {
      target: { value: 'tls://a.example.org:4222' },
    });
    fireEvent.change(screen.getByLabelText("This console's credentials file (.creds)"), {
      target: { value: '/etc/deskside/console.creds' },
    });
    fireEvent.change(
      screen.getByLabelText("CA file for the servers' TLS certificates (optional)"),
      { target: { value: ' /etc/deskside/ca.pem ' } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save fleet settings' }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('settings.update', {
        fleet: {
          servers: ['tls://a.example.org:4222'],
          credentialsFile: '/etc/deskside/console.creds',
          tlsCaFile: '/etc/deskside/ca.pem',
        },
      });
    });
  });

  it('shows fleet mode on and turns it off', async () => {
    const call = renderWithApi(<FleetSettings />, {
      'settings.get': () => ({
        language: null,
        displayName: null,
        fleet: { servers: ['nats://a.example.org:4222'], credentialsFile: '/c.creds' },
      }),
      'settings.update': () => ({ language: null, displayName: null, fleet: null }),
    });
    expect(await screen.findByText('Fleet mode is on.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn fleet mode off' }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('settings.update', { fleet: null });
    });
  });

  it('reads one server a line, or separated by commas, without blanks', () => {
    expect(serverList(' nats://a:1, nats://b:2\n\nnats://c:3 ')).toEqual([
      'nats://a:1',
      'nats://b:2',
      'nats://c:3',
    ]);
    expect(serverList('  ')).toEqual([]);
  });
});
