import { createHash } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { parseMail } from './parse-mail';

/** A message as a mail client would send it, built by Nodemailer in memory. */
async function message(options: SendMailOptions): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail({
    from: 'Ann <Ann@Corp.test>',
    to: 'desk@corp.test',
    ...options,
  });
  return info.message as Buffer;
}

describe('parseMail', () => {
  it('keeps an attachment over the cap as its name, size and hash, without its bytes', async () => {
    const big = 'x'.repeat(2_000);
    const raw = await message({
      subject: 'Logs',
      text: 'Two files.',
      attachments: [
        { filename: 'small.txt', content: 'small' },
        { filename: 'big.txt', content: big },
      ],
    });
    const mail = await parseMail(raw, 1_000);
    expect(mail.fromAddress).toBe('ann@corp.test');
    expect(mail.fromName).toBe('Ann');
    expect(
      mail.attachments.map(({ fileName, size, data }) => ({ fileName, size, kept: data !== null })),
    ).toEqual([
      { fileName: 'small.txt', size: 5, kept: true },
      { fileName: 'big.txt', size: 2_000, kept: false },
    ]);
    expect(mail.attachments[1]?.sha256).toBe(createHash('sha256').update(big).digest('hex'));
  });

  it('keys a message without a Message-ID by the hash of its bytes', async () => {
    const raw = Buffer.from('From: a@corp.test\r\nSubject: x\r\n\r\nbody\r\n');
    const mail = await parseMail(raw);
    expect(mail.messageId).toBeNull();
    expect(mail.key).toBe(`sha256:${createHash('sha256').update(raw).digest('hex')}`);
  });

  it('reads In-Reply-To and References, and a delivery report as automatic', async () => {
    const reply = await parseMail(
      await message({
        subject: 'Re: x',
        text: 'ok',
        inReplyTo: '<b@x>',
        references: ['<a@x>', '<b@x>'],
      }),
    );
    expect(reply.answers).toEqual(['<b@x>', '<a@x>']);
    expect(reply.automatic).toBeNull();
    const report = await parseMail(
      Buffer.from(
        'From: postmaster@mx.corp.test\r\nSubject: Delivery Status Notification\r\n' +
          'Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n' +
          '--b\r\nContent-Type: text/plain\r\n\r\nFailed.\r\n--b--\r\n',
      ),
    );
    expect(report.automatic).toBe('mailer-daemon');
  });
});
