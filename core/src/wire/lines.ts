/**
 * Splits a stream into text lines (NDJSON), whatever the chunk boundaries: a line, or a
 * multi-byte character of one, may arrive in pieces. Lines come without their `\n` (or
 * `\r\n`); blank lines are kept, for the reader to skip or not.
 */
export class LineSplitter {
  /** Made with the first chunk of bytes: a reader of text never needs one. */
  private decoder: TextDecoder | undefined;
  private pending = '';

  /** The lines this chunk completes. */
  push(chunk: string | Uint8Array): string[] {
    this.pending +=
      typeof chunk === 'string'
        ? chunk
        : (this.decoder ??= new TextDecoder('utf-8')).decode(chunk, { stream: true });
    const lines = this.pending.split('\n');
    this.pending = lines.pop()!;
    return lines.map(withoutCarriageReturn);
  }

  /** The last line, when the stream did not end with a newline. */
  end(): string[] {
    const rest = this.pending + (this.decoder?.decode() ?? '');
    this.pending = '';
    return rest === '' ? [] : [withoutCarriageReturn(rest)];
  }
}

const withoutCarriageReturn = (line: string): string =>
  line.endsWith('\r') ? line.slice(0, -1) : line;

/** The lines of a stream of text or bytes, each as soon as it is complete. */
export async function* splitLines(
  chunks: AsyncIterable<string | Uint8Array>,
): AsyncGenerator<string, void, undefined> {
  const splitter = new LineSplitter();
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}
