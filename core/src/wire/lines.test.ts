import { describe, expect, it } from 'vitest';
import { LineSplitter, splitLines } from './lines';

const utf8 = new TextEncoder();

async function* chunksOf<T>(...chunks: T[]): AsyncGenerator<T> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

describe('LineSplitter', () => {
  it('rebuilds lines and characters cut anywhere by chunk boundaries', () => {
    const bytes = utf8.encode('{"a":"Ελληνικά"}\n{"b":"é"}\n{"c":1}');
    for (let cut = 1; cut < bytes.length; cut++) {
      const splitter = new LineSplitter();
      const lines = [
        ...splitter.push(bytes.subarray(0, cut)),
        ...splitter.push(bytes.subarray(cut)),
        ...splitter.end(),
      ];
      expect(lines, `cut at byte ${cut}`).toEqual(['{"a":"Ελληνικά"}', '{"b":"é"}', '{"c":1}']);
    }
  });

  it('holds a multi-byte character fed one byte at a time until it is whole', () => {
    const splitter = new LineSplitter();
    const bytes = utf8.encode('€\n');
    expect(splitter.push(bytes.subarray(0, 1))).toEqual([]);
    expect(splitter.push(bytes.subarray(1, 2))).toEqual([]);
    expect(splitter.push(bytes.subarray(2))).toEqual(['€']);
  });

  it('ends with nothing after a final newline, and keeps blank lines for the reader', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('x\n\n')).toEqual(['x', '']);
    expect(splitter.end()).toEqual([]);
  });

  it('takes text chunks and drops the carriage return of CRLF lines', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('{"a":1}\r')).toEqual([]);
    expect(splitter.push('\n{"b"')).toEqual(['{"a":1}']);
    expect(splitter.push(':2}\r\n')).toEqual(['{"b":2}']);
  });
});

describe('splitLines', () => {
  it('yields each line as its stream completes it, the unterminated last one at the end', async () => {
    const bytes = utf8.encode('{"n":"ő"}\n{"n":2}');
    const lines = splitLines(
      chunksOf(bytes.subarray(0, 7), bytes.subarray(7, 12), bytes.subarray(12)),
    );
    expect(await collect(lines)).toEqual(['{"n":"ő"}', '{"n":2}']);
  });

  it('yields a line before the stream has sent what follows it', async () => {
    let release!: () => void;
    const waiting = new Promise<void>((resolve) => (release = resolve));
    async function* slow() {
      yield 'first\nsec';
      await waiting;
      yield 'ond\n';
    }
    const lines = splitLines(slow());
    expect((await lines.next()).value).toBe('first');
    release();
    expect(await collect(lines)).toEqual(['second']);
  });

  it('yields nothing for an empty stream', async () => {
    expect(await collect(splitLines(chunksOf<string>()))).toEqual([]);
  });
});
