/**
 * Mail on a PostgreSQL desk with roles: the console of an analyst (not the owner) takes
 * messages and queues and sends the desk's answers with the analyst's own rights, and nobody
 * can rewrite what the desk took.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { deskAnalyst, deskWithAnalysts, signedInAs, tryAs } from '#test/helpers/desk';
import { startMailServers } from '#test/helpers/mail-servers';
import { openConsoleOn } from '#test/helpers/stores';
import { WorkflowConfigService } from '../workflow/config-service';
import { MailIntake } from './mail-intake';
import { queueReply, sendDue } from './mail-outbox';
import { parseMail } from './parse-mail';

describe('mail on a desk with roles', () => {
  it('runs with an analyst’s rights, and what was taken cannot be rewritten', async () => {
    const tag = Date.now().toString(36);
    const ada = deskAnalyst(`ada_m${tag}`, 'admin');
    const bram = deskAnalyst(`bram_m${tag}`, 'analyst');
    const { ownerUrl, owner } = await deskWithAnalysts(ada, [bram]);
    const servers = await startMailServers([{ address: 'ann@desk.test', password: 'x' }]);
    const bramsUrl = signedInAs(ownerUrl, bram);
    const desk = await openConsoleOn('postgres', { databaseUrl: bramsUrl, analyst: bram.login });
    try {
      const deps = {
        store: desk.store,
        config: new WorkflowConfigService(desk.store),
        now: () => new Date(),
      };
      const raw = Buffer.from(
        'From: ann@desk.test\r\nSubject: Scanner\r\nMessage-ID: <scan@desk.test>\r\n\r\nIt is off.\r\n',
      );
      const taken = await new MailIntake(deps, 'bram-pc').take(await parseMail(raw));
      expect(taken.kind).toBe('created');
      if (taken.kind !== 'created') return;
      const queued = await queueReply(
        deps,
        { ticketId: taken.ticketId, body: 'Is it plugged in?' },
        'someone else',
        'desk.test',
      );
      const account = {
        host: '127.0.0.1',
        port: servers.smtpPort,
        security: 'none' as const,
        user: '',
        password: '',
        from: 'desk@desk.test',
      };
      expect(await sendDue(deps, account, pino({ level: 'silent' }))).toBe(1);
      const [row] = await owner.selectFrom('mailOutbox').selectAll().execute();
      // The database names the analyst, whatever the console said.
      expect(row).toMatchObject({ id: queued.id, state: 'sent', createdBy: bram.login });

      const denied = /permission denied/;
      expect(await tryAs(bramsUrl, `UPDATE mail_messages SET ticket_id = NULL`)).toMatch(denied);
      expect(await tryAs(bramsUrl, `DELETE FROM mail_messages`)).toMatch(denied);
      expect(await tryAs(bramsUrl, `DELETE FROM mail_outbox`)).toMatch(denied);
    } finally {
      await desk.dispose();
      await servers.stop();
      await owner.destroy();
    }
  });
});
