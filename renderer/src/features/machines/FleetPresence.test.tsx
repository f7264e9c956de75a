import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import recorded from '#test/fixtures/fleet-presence.json';
import { FleetPresenceSchema } from '@deskside/core';
import { setupI18n } from '../../i18n';
import { FleetPresenceBadge } from './FleetPresence';

beforeAll(async () => {
  await setupI18n('en');
});

const presence = FleetPresenceSchema.parse(recorded);

describe('a fleet machine’s presence', () => {
  it('shows online, offline with when it was last seen, or nothing outside the fleet', () => {
    const { rerender, container } = render(
      <FleetPresenceBadge
        presence={{ machineId: 'm', online: true, lastSeenAt: presence.sentAt, presence }}
      />,
    );
    expect(screen.getByText('Online (fleet)').className).toContain('machine-online');
    rerender(
      <FleetPresenceBadge
        presence={{ machineId: 'm', online: false, lastSeenAt: presence.sentAt, presence }}
      />,
    );
    const offline = screen.getByText(/^Offline, last seen .*2026.* \(fleet\)$/);
    expect(offline.className).toContain('machine-unreachable');
    rerender(<FleetPresenceBadge presence={undefined} />);
    expect(container.textContent).toBe('');
  });
});
