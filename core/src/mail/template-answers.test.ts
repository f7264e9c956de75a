import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../languages';
import { replyAnswer } from './reply-answer';
import { defaultTemplate } from './templates';

/** The answers a template suggests, in quotes: "…", « … » or «…». */
const suggested = (body: string) =>
  [...body.matchAll(/"([^"{}]+)"|«\s*([^«»{}]+?)\s*»/g)].map((m) => (m[1] ?? m[2])!.trim());

describe.each(LANGUAGES)('the built-in messages in %s ask what the desk understands', (lang) => {
  it('the reply the resolved message suggests is read as "it works", the other as "not working"', () => {
    const answers = suggested(defaultTemplate('resolved', lang).body);
    expect(answers).toHaveLength(2);
    expect(replyAnswer(answers[0]!)).toEqual({ kind: 'works' });
    expect(replyAnswer(answers[1]!)).toEqual({ kind: 'not-working' });
  });

  it('a digit, the answer the closed message asks for, is read as a rating', () => {
    expect(defaultTemplate('closed', lang).body).toMatch(/1\D{1,6}5/);
    for (const score of [1, 2, 3, 4, 5]) {
      expect(replyAnswer(String(score))).toMatchObject({ kind: 'rating', score });
    }
  });
});
