import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  InventorySchema,
  InventoryV1Schema,
  InventoryV2Schema,
  type InventoryV2,
} from '@deskside/core';
import recordedV1 from '#test/fixtures/inventory-linux.json';
import recordedV2 from '#test/fixtures/inventory-linux-v2.json';
import { applyLanguage, setupI18n } from '../../i18n';
import { InventorySections } from './InventorySections';

// Inventories recorded from a real Linux machine by `deskside-agent inventory --json`: one
// by the first agents (schema version 1, as old evidence holds it), one by this agent.
const v1 = InventoryV1Schema.parse(recordedV1);
const v2 = InventoryV2Schema.parse(recordedV2);

beforeAll(async () => {
  await setupI18n('en');
});

const region = (name: string) => screen.getByRole('region', { name });

describe('InventorySections with a schema version 1 document (old evidence)', () => {
  it('still parses as an inventory and shows each section with the machine’s own values', () => {
    expect(InventorySchema.parse(recordedV1)).toEqual(v1);
    render(<InventorySections inventory={v1} />);
    for (const title of [
      'System',
      'Operating system',
      'Processor',
      'Memory',
      'Disks',
      'File systems',
      'Network interfaces',
    ]) {
      expect(region(title)).toBeTruthy();
    }
    expect(within(region('Operating system')).getByText(v1.os.hostname)).toBeTruthy();
    for (const fs of v1.fileSystems)
      expect(within(region('File systems')).getAllByText(fs.mount).length).toBeGreaterThan(0);
    for (const n of v1.network)
      expect(within(region('Network interfaces')).getByText(n.name)).toBeTruthy();
    // Sections version 1 did not have are not shown as empty.
    expect(screen.queryByRole('region', { name: 'Installed software' })).toBeNull();
  });

  it('formats sizes for people, not bytes', () => {
    render(
      <InventorySections
        inventory={{ ...v1, memory: { ...v1.memory, totalBytes: 16 * 1024 ** 3 } }}
      />,
    );
    expect(within(region('Memory')).getByText('16 GB')).toBeTruthy();
  });

  it('says so when a section has nothing, instead of showing an empty table', () => {
    render(<InventorySections inventory={{ ...v1, disks: [] }} />);
    expect(within(region('Disks')).getByText('None reported')).toBeTruthy();
  });
});

const laptop: InventoryV2 = {
  ...v2,
  users: [
    {
      user: 'jdoe',
      session: 'tty2',
      remoteHost: '',
      loginAt: '2026-11-23T08:57:00.000Z',
      state: '',
    },
  ],
  battery: {
    acConnected: false,
    batteries: [
      {
        name: 'BAT0',
        manufacturer: 'SMP',
        model: '5B10W13975',
        serial: '2145',
        chemistry: 'Li-poly',
        percent: 63,
        state: 'discharging',
        cycleCount: 312,
        designCapacity: 57000,
        fullChargeCapacity: 48120,
        capacityUnit: 'mWh',
        healthPercent: 84.4,
        timeRemainingMinutes: 232,
      },
    ],
  },
  printers: {
    spooler: 'cups',
    spoolerRunning: true,
    printers: [
      {
        name: 'Office_LaserJet',
        isDefault: true,
        status: 'stopped',
        statusMessage: 'Paused',
        description: 'HP LaserJet',
        location: 'Room 2.14',
        uri: 'ipp://192.0.2.50/ipp/print',
        driver: '',
        shared: true,
        jobs: [
          {
            id: 'Office_LaserJet-1',
            owner: 'jdoe',
            sizeBytes: 1024,
            submittedAt: null,
            status: '',
          },
        ],
      },
    ],
  },
  problems: [],
};

describe('InventorySections with a schema version 2 document', () => {
  it('shows the new sections readably', () => {
    render(<InventorySections inventory={laptop} />);
    for (const title of [
      'BIOS',
      'Baseboard',
      'Logged-in users',
      'Battery',
      'Printers',
      'Installed software',
      'Pending OS updates',
    ]) {
      expect(region(title), title).toBeTruthy();
    }
    expect(within(region('Battery')).getByText('63%')).toBeTruthy();
    expect(within(region('Battery')).getByText('on battery')).toBeTruthy();
    expect(within(region('Printers')).getByText('stopped: Paused')).toBeTruthy();
    expect(within(region('Logged-in users')).getByText('jdoe')).toBeTruthy();
    const gateway = v2.network!.defaultGateways.ip4[0]!;
    expect(
      within(region('Network interfaces')).getByText(
        new RegExp(gateway.address.replace(/\./g, '\\.')),
      ),
    ).toBeTruthy();
    expect(
      within(region('Installed software')).getByText(
        `${v2.software!.programs.length} programs installed`,
      ),
    ).toBeTruthy();
    expect(
      within(region('Pending OS updates')).getByText(String(v2.updates!.updates.length)),
    ).toBeTruthy();
  });

  it('finds a program by name', () => {
    render(<InventorySections inventory={laptop} />);
    const software = region('Installed software');
    const wanted = v2.software!.programs[3]!;
    fireEvent.change(within(software).getByLabelText('Find a program'), {
      target: { value: wanted.name },
    });
    const rows = within(software).getAllByRole('row');
    expect(rows.some((row) => row.textContent.includes(wanted.name))).toBe(true);
    expect(rows.length).toBeLessThan(v2.software!.programs.length + 1);
  });

  it('tolerates a document with only some sections, and says what could not be read', async () => {
    const partial: InventoryV2 = {
      schemaVersion: 2,
      collectedAt: v2.collectedAt,
      hostname: v2.hostname,
      os: v2.os!,
      observedAt: { os: v2.collectedAt },
      problems: [
        {
          section: 'printers',
          reason: 'not_installed',
          message: 'Printers: CUPS is not installed (no lpstat)',
        },
      ],
    };
    const { unmount } = render(<InventorySections inventory={partial} />);
    expect(region('Operating system')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Processor' })).toBeNull();
    const problem = within(region('Not read')).getByRole('listitem');
    expect(problem.textContent).toBe(
      'Printers: the program that reports it is not installed (Printers: CUPS is not installed (no lpstat))',
    );
    unmount();

    // The reason is said in the analyst's language; only the agent's detail stays English.
    await applyLanguage('el');
    try {
      render(<InventorySections inventory={partial} />);
      expect(within(region('Δεν διαβάστηκε')).getByRole('listitem').textContent).toMatch(
        /^Εκτυπωτές: το πρόγραμμα που το αναφέρει δεν είναι εγκατεστημένο \(/,
      );
    } finally {
      await applyLanguage('en');
    }
  });
});
