/**
 * Splits a byte stream into text lines (NDJSON), whatever the chunk boundaries: a line or a
 * multi-byte character may arrive in pieces.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';

  /** The lines completed by this chunk. */
  push(chunk: Uint8Array): string[] {
    this.pending += this.decoder.decode(chunk, { stream: true });
    const lines = this.pending.split('\n');
    this.pending = lines.pop()!;
    return lines;
  }

  /** The last line, if the stream did not end with a newline. */
  end(): string[] {
    const rest = this.pending + this.decoder.decode();
    this.pending = '';
    return rest === '' ? [] : [rest];
  }
}
