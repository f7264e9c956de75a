import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportDocumentSchema, type ExportDocument, type Job } from '@deskside/core';
import { callError, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, consolesOnStores, type StoreKind } from '#test/helpers/stores';
import { exportData, importData, jobEnd, uploadData } from '#test/helpers/transfers';

const consoles = consolesOnStores();
afterEach(() => consoles.disposeAll());
const open = (kind: StoreKind) => consoles.open(kind);

const transfersLeft = (desk: TestConsole) => readdir(path.join(desk.dataDir, 'transfers'));

/** An export with `count` tickets and a note on each: larger than one read of the file. */
async function bigExport(desk: TestConsole, count: number): Promise<string> {
  const { sla } = await desk.call('workflow.config', {});
  await desk.call('workflow.configure', { sla: { ...sla, atRiskShare: 0.4 } });
  const ticket = await desk.call('tickets.create', {
    requester: 'Ρένα',
    channel: 'phone',
    summary: 'Imprimante hors ligne',
    description: 'Το έγγραφο δεν τυπώνεται. '.repeat(20),
  });
  await desk.call('tickets.addEntry', { ticketId: ticket.id, kind: 'note', body: 'Koffie' });
  const doc = ExportDocumentSchema.parse(JSON.parse(await exportData(desk, 'json')));
  const [first] = doc.tickets;
  const [created, note] = doc.timeline;
  const many: ExportDocument = {
    ...doc,
    tickets: Array.from({ length: count }, (_, i) => ({ ...first!, id: i + 1 })),
    timeline: Array.from({ length: count }, (_, i) => [
      { ...created!, id: 2 * i + 1, ticketId: i + 1 },
      { ...note!, id: 2 * i + 2, ticketId: i + 1, body: `Koffie ${i + 1}` },
    ]).flat(),
  };
  return JSON.stringify(many);
}

/**
 * Cancels a job from inside its work, on its first progress event in `phase` with a total:
 * the cancel call aborts the job before the event returns to the work.
 */
function cancelIn(desk: TestConsole, phase: Job['phase']) {
  const stop = desk.events.subscribe((event) => {
    if (event.type === 'job.progress' && event.job.phase === phase && event.job.total > 0) {
      stop();
      void desk.call('jobs.cancel', { id: event.job.id });
    }
  });
}

describe.each(STORE_KINDS)('long imports and exports on %s', (kind) => {
  it('import a file larger than one chunk, sent in chunks that split characters, with progress to the end', async () => {
    const source = await open(kind);
    const json = await bigExport(source, 600);
    expect(Buffer.byteLength(json)).toBeGreaterThan(600_000);
    const target = await open(kind);
    // 99,999 bytes: chunk edges fall inside Greek letters' two-byte sequences.
    const uploaded = await uploadData(target, 'json', json, 99_999);
    expect(uploaded).toMatchObject({ phase: 'receiving', done: uploaded.size });
    const phases: string[] = [];
    const stop = target.events.subscribe((event) => {
      if (event.type === 'job.progress' && !phases.includes(event.job.phase))
        phases.push(event.job.phase);
    });
    await target.call('data.runImport', { id: uploaded.id });
    const job = await jobEnd(target, uploaded.id);
    stop();
    expect(job).toMatchObject({
      state: 'done',
      phase: 'indexing',
      done: 600,
      total: 600,
      result: { tickets: 600, people: 0, timeline: 1200 },
    });
    expect(phases).toEqual(['checking', 'writing', 'indexing']);
    const found = await target.call('tickets.queue', { search: 'koffie 599' });
    expect(found.tickets.map((t) => t.id)).toEqual([599]);
    await target.call('jobs.dismiss', { id: job.id });
    expect(await transfersLeft(target)).toEqual([]);
  });

  it('cancelling an import while it writes leaves the database as it was', async () => {
    const source = await open(kind);
    const json = await bigExport(source, 300);
    const target = await open(kind);
    const before = await target.call('workflow.config', {});
    const uploaded = await uploadData(target, 'json', json);
    // The cancel arrives inside the transaction, once every row and the settings are in.
    cancelIn(target, 'indexing');
    await target.call('data.runImport', { id: uploaded.id });
    expect(await jobEnd(target, uploaded.id)).toMatchObject({ state: 'cancelled', result: null });
    expect(await target.call('tickets.list', {})).toEqual([]);
    expect(await target.call('workflow.config', {})).toEqual(before);
    expect(before.sla.atRiskShare).not.toBe(0.4);
    expect(await transfersLeft(target)).toEqual([]);
    // Nothing was half-done: the same file imports afterwards.
    expect(await importData(target, 'json', json)).toMatchObject({ tickets: 300 });
  });

  it('cancelling an export stops it and leaves nothing to read', async () => {
    const desk = await open(kind);
    await bigExport(desk, 1);
    cancelIn(desk, 'exporting');
    const started = await desk.call('data.startExport', { format: 'json' });
    expect(await jobEnd(desk, started.id)).toMatchObject({ state: 'cancelled' });
    expect(
      (await callError(desk.call('data.readExport', { id: started.id, offset: 0 }))).code,
    ).toBe('conflict');
  });
});

describe('an upload', () => {
  it('takes chunks only in order, up to the size announced, and runs only when complete', async () => {
    const desk = await open('sqlite');
    const job = await desk.call('data.beginImport', { format: 'tickets-csv', size: 10 });
    const chunk = (offset: number, text: string) =>
      desk.call('data.importChunk', {
        id: job.id,
        offset,
        data: Buffer.from(text).toString('base64'),
      });
    expect((await chunk(0, 'abcd')).done).toBe(4);
    expect((await callError(chunk(0, 'abcd'))).code).toBe('conflict');
    expect((await callError(chunk(4, 'efghijklmn'))).message).toMatch(/past the 10 bytes/);
    expect((await callError(desk.call('data.runImport', { id: job.id }))).message).toMatch(
      /has 4 of its 10 bytes/,
    );
    expect(await desk.call('jobs.cancel', { id: job.id })).toMatchObject({ state: 'cancelled' });
    expect(await transfersLeft(desk)).toEqual([]);
    expect((await callError(chunk(4, 'ef'))).code).toBe('conflict');
  });

  it('refuses a chunk that is not base64 or is larger than a chunk may be', async () => {
    const desk = await open('sqlite');
    const job = await desk.call('data.beginImport', { format: 'json', size: 1_000_000 });
    const send = (data: string) => desk.call('data.importChunk', { id: job.id, offset: 0, data });
    expect((await callError(send('not base64!'))).code).toBe('validation');
    const tooLarge = Buffer.alloc(600 * 1024).toString('base64');
    expect((await callError(send(tooLarge))).code).toBe('validation');
  });
});
