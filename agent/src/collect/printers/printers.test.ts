import { describe, expect, it } from 'vitest';
import { PrintersSchema } from '@deskside/core';
import { FactsUnavailableError } from '../errors';
import { fixture, replay } from '../testing';
import { parseCupsDate } from './cups';
import { collectPrinters } from './index';

const lpoptions = (name: string) => ({
  file: 'lpoptions',
  match: new RegExp(`^-p ${name}$`),
  stdout: fixture('linux', `lpoptions-${name}.txt`),
});

describe('collectPrinters with outputs recorded from CUPS 2.4', () => {
  it('CUPS: printers with state, reason, default, device and queued jobs', async () => {
    const { run, calls } = replay([
      { file: 'lpstat', stdout: fixture('linux', 'lpstat.txt') },
      lpoptions('Hallway_Copier'),
      lpoptions('Office_LaserJet'),
      lpoptions('Reception_Label'),
    ]);
    const result = PrintersSchema.parse(await collectPrinters({ platform: 'linux', run }));
    expect(calls[0]).toEqual(['lpstat', '-d', '-p', '-o']);
    expect(result.spoolerRunning).toBe(true);
    const byName = Object.fromEntries(result.printers.map((p) => [p.name, p]));
    expect(byName.Hallway_Copier).toMatchObject({
      isDefault: false,
      status: 'idle',
      statusMessage: '',
      uri: 'https://192.0.2.52/ipp/print',
      shared: true,
      jobs: [],
    });
    expect(byName.Office_LaserJet).toMatchObject({
      isDefault: true,
      status: 'stopped',
      statusMessage: 'Paused',
      description: 'HP LaserJet in room 2.14',
      location: 'Room 2.14',
      driver: 'Local Raw Printer',
    });
    expect(byName.Office_LaserJet?.jobs.map((j) => [j.id, j.owner, j.sizeBytes])).toEqual([
      ['Office_LaserJet-1', 'root', 1024],
      ['Office_LaserJet-2', 'root', 5120],
    ]);
    expect(byName.Reception_Label).toMatchObject({
      status: 'stopped',
      statusMessage: 'Paper jam reported by user',
    });
    expect(byName.Reception_Label?.jobs).toHaveLength(1);
  });

  it('CUPS without printers', async () => {
    const { run } = replay([
      {
        file: 'lpstat',
        stdout: fixture('linux', 'lpstat-no-destinations.txt'),
        stderr: fixture('linux', 'lpstat-no-destinations.stderr.txt'),
        exitCode: 1,
      },
    ]);
    expect(await collectPrinters({ platform: 'darwin', run })).toEqual({
      spooler: 'cups',
      spoolerRunning: true,
      printers: [],
    });
  });

  it('CUPS installed but its scheduler not running', async () => {
    const { run } = replay([
      {
        file: 'lpstat',
        stdout: fixture('linux', 'lpstat-scheduler-stopped.txt'),
        stderr: fixture('linux', 'lpstat-scheduler-stopped.stderr.txt'),
        exitCode: 1,
      },
    ]);
    expect(await collectPrinters({ platform: 'linux', run })).toEqual({
      spooler: 'cups',
      spoolerRunning: false,
      printers: [],
    });
  });

  it('CUPS not installed', async () => {
    const { run } = replay([{ file: 'lpstat', failure: 'missing' }]);
    const error = await collectPrinters({ platform: 'linux', run }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactsUnavailableError);
    expect(error).toMatchObject({ reason: 'not_installed' });
  });

  it('reads CUPS dates (C locale) in the machine’s time zone', () => {
    expect(parseCupsDate('Mon Nov 23 10:41:20 2026', (...parts) => parts.join(','))).toBe(
      '2026,10,23,10,41,20',
    );
    expect(parseCupsDate('yesterday')).toBeNull();
  });
});

describe('collectPrinters with recorded Windows outputs', () => {
  it('printers with state from WMI, offline and jammed ones, and their jobs', async () => {
    const { run } = replay([
      {
        file: 'powershell.exe',
        match: /Win32_Printer/,
        stdout: fixture('windows', 'printers.json'),
      },
    ]);
    const result = PrintersSchema.parse(await collectPrinters({ platform: 'win32', run }));
    expect(result.printers.map((p) => [p.name, p.status, p.statusMessage, p.isDefault])).toEqual([
      ['Microsoft Print to PDF', 'idle', '', false],
      ['\\\\print01\\Finance-MFP', 'error', 'Jammed', true],
      ['Reception Label', 'offline', 'Use printer offline', false],
    ]);
    expect(result.printers[1]?.jobs).toEqual([
      {
        id: '17',
        owner: 'jdoe',
        sizeBytes: 1843200,
        submittedAt: '2024-11-21T08:02:11.000Z',
        status: 'Error | Printing',
      },
      {
        id: '18',
        owner: 'jdoe',
        sizeBytes: 40960,
        submittedAt: '2024-11-21T08:05:40.000Z',
        status: '',
      },
    ]);
  });

  it('the spooler stopped', async () => {
    const { run } = replay([
      { file: 'powershell.exe', stdout: fixture('windows', 'printers-spooler-stopped.json') },
    ]);
    expect(await collectPrinters({ platform: 'win32', run })).toEqual({
      spooler: 'windows',
      spoolerRunning: false,
      printers: [],
    });
  });
});

describe('collectPrinters on this machine (real lpstat, where CUPS is installed)', () => {
  it('answers with the printers, or says CUPS is not installed', async () => {
    const outcome = await collectPrinters().then(
      (printers) => ({ printers: PrintersSchema.parse(printers) }),
      (error: unknown) => ({ error }),
    );
    if ('error' in outcome) {
      expect(outcome.error).toBeInstanceOf(FactsUnavailableError);
      expect(outcome.error).toMatchObject({ reason: 'not_installed' });
    } else {
      expect(outcome.printers.spooler).toBe('cups');
    }
  });
});
