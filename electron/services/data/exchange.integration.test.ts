import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ExportDocumentSchema, type ExportDocument } from '@deskside/core';
import { callError, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, consolesOnStores, type StoreKind } from '#test/helpers/stores';
import { exportData, importData } from '#test/helpers/transfers';
import { MailIntake } from '../mail/mail-intake';
import { parseMail } from '../mail/parse-mail';
import { WorkflowConfigService } from '../workflow/config-service';

const consoles = consolesOnStores();
afterEach(() => consoles.disposeAll());
const open = (kind: StoreKind) => consoles.open(kind);

/** A desk with a little of everything: people, a worked ticket, evidence, outside help. */
async function fill(desk: TestConsole): Promise<void> {
  const person = await desk.call('people.create', {
    name: 'Αλέξης Νικολάου',
    email: 'alexis@example.org',
    machines: [{ name: 'PC-1' }],
  });
  const ticket = await desk.call('tickets.create', {
    requesterId: person.id,
    channel: 'phone',
    summary: 'Écran noir',
    description: 'Het scherm blijft zwart',
    category: 'hardware/monitor',
  });
  await desk.call('tickets.addEntry', {
    ticketId: ticket.id,
    kind: 'note',
    body: 'Κάλεσα τον χρήστη',
  });
  const snapshot = await desk.call('machines.inventory', { id: 'local' });
  await desk.call('tickets.attachInventory', {
    ticketId: ticket.id,
    snapshotId: snapshot.snapshotId,
  });
  await desk.call('vendors.openCase', { ticketId: ticket.id, vendor: 'Samsung', reference: 'S-1' });
  await desk.call('visits.schedule', {
    ticketId: ticket.id,
    technician: 'Pieter',
    scheduledAt: '2026-03-03T10:00:00Z',
    checklist: ['Cable'],
  });
  await desk.call('orders.create', {
    ticketId: ticket.id,
    kind: 'repair',
    item: 'Monitor',
    reason: 'Backlight',
  });
  // A reply by e-mail with an attachment: evidence that names no machine.
  const mail = await parseMail(
    Buffer.from(
      `From: alexis@example.org\r\nSubject: Re: [#${ticket.id}] photo\r\nMessage-ID: <p@x>\r\n` +
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n' +
        'Content-Type: text/plain\r\n\r\nSee the photo.\r\n--b\r\n' +
        'Content-Type: image/png\r\nContent-Disposition: attachment; filename=screen.png\r\n' +
        'Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n',
    ),
  );
  const deps = {
    store: desk.store,
    config: new WorkflowConfigService(desk.store),
    now: () => new Date(),
  };
  await new MailIntake(deps, 'console').take(mail);
  const second = await desk.call('tickets.create', {
    requester: 'Jan',
    channel: 'email',
    summary: 'Wachtwoord vergeten',
  });
  await desk.call('tickets.resolve', {
    id: second.id,
    expectedVersion: 1,
    resolutionCode: 'fixed',
    resolutionNotes: 'Reset, "quoted", and a, comma',
  });
}

const withoutTime = (doc: ExportDocument) => ({ ...doc, exportedAt: '' });

describe.each([
  ['sqlite', 'sqlite'],
  ['sqlite', 'postgres'],
  ['postgres', 'sqlite'],
] as const)('a JSON export from %s imported into %s', (from, to) => {
  it('brings back every record unchanged, searchable, and numbering continues after it', async () => {
    const source = await open(from);
    await fill(source);
    const json = await exportData(source, 'json');
    const target = await open(to);
    expect(await importData(target, 'json', json)).toEqual({
      tickets: 2,
      people: 1,
      timeline: expect.any(Number),
    });
    const again = ExportDocumentSchema.parse(JSON.parse(await exportData(target, 'json')));
    expect(again.evidence.map((e) => e.kind).sort()).toEqual(['inventory', 'mail-attachment']);
    expect(withoutTime(again)).toEqual(withoutTime(ExportDocumentSchema.parse(JSON.parse(json))));
    expect(
      (await target.call('tickets.queue', { search: 'κάλεσα' })).tickets.map((t) => t.summary),
    ).toEqual(['Écran noir']);
    const next = await target.call('tickets.create', {
      requester: 'R',
      channel: 'chat',
      summary: 'After import',
    });
    expect(next.id).toBe(3);
  });
});

describe.each(STORE_KINDS)('import on %s', (kind) => {
  it('refuses a bad document, naming where, and imports nothing', async () => {
    const source = await open(kind);
    await fill(source);
    const doc = JSON.parse(await exportData(source, 'json')) as ExportDocument;
    const target = await open(kind);

    const badStatus = structuredClone(doc);
    (badStatus.tickets[1] as { status: string }).status = 'lost';
    expect(
      (await callError(importData(target, 'json', JSON.stringify(badStatus)))).message,
    ).toMatch(/^Invalid import: tickets\.1\.status/);

    // The file's own desk rules apply to its tickets, as a desk's do to new ones.
    const unknownGroup = structuredClone(doc);
    unknownGroup.tickets[1]!.groupId = 'canteen';
    expect(
      (await callError(importData(target, 'json', JSON.stringify(unknownGroup)))).message,
    ).toBe('Invalid import: tickets.1.groupId: “canteen” is not a group of this desk');

    const forged = structuredClone(doc);
    const forgedEvidence = forged.evidence[0]!;
    if (forgedEvidence.kind !== 'inventory') throw new Error('expected inventory evidence');
    forgedEvidence.content.collectedAt = '2000-01-01T00:00:00.000Z';
    expect((await callError(importData(target, 'json', JSON.stringify(forged)))).message).toMatch(
      /evidence\.0\.sha256/,
    );

    const orphan = structuredClone(doc);
    orphan.timeline[0]!.ticketId = 77;
    expect((await callError(importData(target, 'json', JSON.stringify(orphan)))).message).toMatch(
      /timeline\.0\.ticketId: ticket 77/,
    );

    expect((await callError(importData(target, 'json', '{"format": '))).message).toMatch(
      /not valid JSON/,
    );
    expect(await target.call('tickets.list', {})).toEqual([]);
    expect(await target.call('people.list', {})).toEqual([]);
    expect((await callError(importData(source, 'json', JSON.stringify(doc)))).code).toBe(
      'conflict',
    );
  });

  it('round-trips tickets through CSV', async () => {
    const source = await open(kind);
    await fill(source);
    const csv = await exportData(source, 'tickets-csv');
    const rows = parse<Record<string, string>>(csv, { columns: true });
    expect(rows.map((r) => [r.summary, r.status, r.resolutionNotes])).toEqual([
      ['Écran noir', 'new', ''],
      ['Wachtwoord vergeten', 'resolved', 'Reset, "quoted", and a, comma'],
    ]);
    const target = await open(kind);
    expect(await importData(target, 'tickets-csv', csv)).toMatchObject({ tickets: 2 });
    expect(await exportData(target, 'tickets-csv')).toBe(csv);
  });

  it('refuses a CSV with a bad row, naming the row and field, and imports nothing', async () => {
    const target = await open(kind);
    const header =
      'id,createdAt,status,channel,requester,summary,description,errorMessages,stepsTried,category,impact,urgency,assignee,groupId,resolutionCode,resolutionNotes';
    const good = ',,new,phone,Jan,Printer,,,,printer,low,low,,,,';
    const badChannel = ',,new,fax,Jan,Printer,,,,printer,low,low,,,,';
    const error = await callError(
      importData(target, 'tickets-csv', [header, good, badChannel].join('\n')),
    );
    expect(error.message).toMatch(/^Row 2 \(line 3\), field “channel”/);
    const unknownCategory = ',,new,phone,Jan,Printer,,,,printer/coffee,low,low,,,,';
    expect(
      (
        await callError(
          importData(target, 'tickets-csv', [header, good, unknownCategory].join('\n')),
        )
      ).message,
    ).toMatch(/^Row 2 \(line 3\): .*category/);
    expect((await callError(importData(target, 'tickets-csv', 'summary\nx'))).message).toMatch(
      /no column “id”/,
    );
    expect(
      (await callError(importData(target, 'tickets-csv', `${header}\n"unterminated`))).message,
    ).toMatch(/cannot be read/);
    expect(await target.call('tickets.list', {})).toEqual([]);
  });
});
