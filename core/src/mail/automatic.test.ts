import { describe, expect, it } from 'vitest';
import { automaticMail, type MailOrigin } from './automatic';

const person: MailOrigin = {
  headers: {},
  returnPath: 'ann@corp.test',
  from: 'ann@corp.test',
  contentType: 'text/plain; charset=utf-8',
};
const with_ = (headers: Record<string, string>): MailOrigin => ({ ...person, headers });

describe('automaticMail', () => {
  it('takes mail a person wrote as a person’s', () => {
    expect(automaticMail(person)).toBeNull();
    expect(automaticMail(with_({ 'auto-submitted': 'no' }))).toBeNull();
  });

  it.each(['auto-replied', 'auto-generated', 'auto-notified; owner-email="x@y"'])(
    'refuses Auto-Submitted: %s',
    (value) => {
      expect(automaticMail(with_({ 'auto-submitted': value }))).toBe('auto-submitted');
    },
  );

  it.each(['bulk', 'junk', 'list', 'Bulk'])('refuses Precedence: %s', (value) => {
    expect(automaticMail(with_({ precedence: value }))).toBe('precedence');
  });

  it('refuses a bounce: an empty return path, MAILER-DAEMON, a delivery report', () => {
    expect(automaticMail({ ...person, returnPath: '<>' })).toBe('bounce');
    expect(automaticMail({ ...person, returnPath: '' })).toBe('bounce');
    expect(automaticMail({ ...person, from: 'MAILER-DAEMON@mx.corp.test' })).toBe('mailer-daemon');
    expect(
      automaticMail({
        ...person,
        contentType: 'multipart/report; report-type=delivery-status; boundary="x"',
      }),
    ).toBe('report');
  });

  it('refuses Outlook out-of-office replies and list mail', () => {
    expect(automaticMail(with_({ 'x-auto-response-suppress': 'All' }))).toBe(
      'auto-response-suppress',
    );
    expect(automaticMail(with_({ 'list-id': '<news.corp.test>' }))).toBe('list');
  });
});
