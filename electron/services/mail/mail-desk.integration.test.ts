/**
 * Mail on a PostgreSQL desk with roles: the console of an analyst (not the owner) takes
 * messages, acts on the requester's answers, and queues, sends and sends again the desk's
 * messages with the analyst's own rights, and nobody can rewrite what the desk took.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { deskAnalyst, deskWithAnalysts, signedInAs, tryAs } from '#test/helpers/desk';
import { smtpAccountOf, startMailServers } from '#test/helpers/mail-servers';
import { openConsoleOn } from '#test/helpers/stores';
import { WorkflowConfigService } from '../workflow/config-service';
import { MailIntake } from './mail-intake';
import { LifecycleService } from '../tickets/lifecycle-service';
import { queueReply, resend, sendDue } from './mail-outbox';
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
      const account = smtpAccountOf(servers, 'desk@desk.test');
      const logger = pino({ level: 'silent' });
      expect(await sendDue(deps, account, logger)).toBe(1);
      const [row] = await owner.selectFrom('mailOutbox').selectAll().execute();
      // The database names the analyst, whatever the console said.
      expect(row).toMatchObject({ id: queued.id, state: 'sent', createdBy: bram.login });

      // A send cut off an hour ago is queued again and sent with the analyst's rights.
      await owner
        .updateTable('mailOutbox')
        .set({ state: 'sending', nextAttemptAt: new Date(Date.now() - 3_600_000).toISOString() })
        .execute();
      expect(await resend(deps, queued.id)).toMatchObject({ state: 'queued' });
      expect(await sendDue(deps, account, logger)).toBe(1);

      // The requester's "it works" and rating, recorded with the analyst's rights.
      const ticket = await owner
        .selectFrom('tickets')
        .select('version')
        .where('id', '=', taken.ticketId)
        .executeTakeFirstOrThrow();
      await new LifecycleService(deps).resolve(
        {
          id: taken.ticketId,
          expectedVersion: ticket.version,
          resolutionCode: 'fixed',
          resolutionNotes: 'Plugged in again',
        },
        bram.login,
      );
      const answer = (key: string, text: string) =>
        parseMail(
          Buffer.from(
            `From: ann@desk.test\r\nSubject: Re: [#${taken.ticketId}] Scanner\r\n` +
              `Message-ID: <${key}@desk.test>\r\n\r\n${text}\r\n`,
          ),
        );
      const intake = new MailIntake(deps, 'bram-pc');
      expect(await intake.take(await answer('works', 'Ja, het werkt weer'))).toMatchObject({
        kind: 'confirmed',
      });
      expect(await intake.take(await answer('rating', '5'))).toMatchObject({ kind: 'rated' });
      expect(
        await owner
          .selectFrom('tickets')
          .select(['status', 'feedbackRating'])
          .where('id', '=', taken.ticketId)
          .executeTakeFirst(),
      ).toEqual({ status: 'closed', feedbackRating: 5 });

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
