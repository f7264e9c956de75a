import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HOSTILE_VALUES } from './fixtures/hostile-values';
import { quoteForShell, shellCommand } from './shell-quote';

describe('quoting for a remote POSIX shell', () => {
  it('puts every argument in single quotes, a quote inside as the four characters quote, backslash, quote, quote', () => {
    expect(quoteForShell("it's")).toBe("'it'\\''s'");
    expect(quoteForShell('$(id)')).toBe("'$(id)'");
  });

  it.each(HOSTILE_VALUES)('hands %j to the program unchanged through sh', (value) => {
    // printf prints each argument between < and >: one argument, exactly as given.
    const out = execFileSync('sh', ['-c', shellCommand('printf', ['<%s>', value])], {
      encoding: 'utf8',
    });
    expect(out).toBe(`<${value}>`);
  });

  it('wraps the program in timeout where the machine has it, the arguments still one word each', () => {
    const command = shellCommand('printf', ['<%s>', "'; id #"], 2.5);
    expect(command).toContain("timeout -s KILL 3 printf '<%s>' ''\\''; id #'");
    const out = execFileSync('sh', ['-c', command], { encoding: 'utf8' });
    expect(out).toBe("<'; id #>");
  });

  it('refuses a program that is not a plain name or path, and a NUL in an argument', () => {
    expect(() => shellCommand('ls; id', [])).toThrow(/not a program name/);
    expect(() => shellCommand('$(id)', [])).toThrow(/not a program name/);
    expect(() => quoteForShell('a\0b')).toThrow(/NUL/);
  });
});
