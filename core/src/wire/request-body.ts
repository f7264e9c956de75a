/** Why a request body was refused; each has its HTTP status and a message for the caller. */
export type BodyRefusal =
  'unsupported_media_type' | 'too_large' | 'incomplete' | 'not_utf8' | 'not_json';

const REFUSALS: Record<BodyRefusal, { status: number; message: string }> = {
  unsupported_media_type: { status: 415, message: 'The request body must be application/json' },
  too_large: { status: 413, message: 'The request body is too large' },
  incomplete: { status: 400, message: 'The request body ended before it was complete' },
  not_utf8: { status: 400, message: 'The request body is not valid UTF-8' },
  not_json: { status: 400, message: 'The request body is not valid JSON' },
};

export class BodyRefusedError extends Error {
  override readonly name = 'BodyRefusedError';
  readonly status: number;
  constructor(readonly refusal: BodyRefusal) {
    super(REFUSALS[refusal].message);
    this.status = REFUSALS[refusal].status;
  }
}

/** A request as far as its body goes: Node's `IncomingMessage` is one. */
export interface IncomingBody extends AsyncIterable<Uint8Array> {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface BodyLimits {
  /** Largest body accepted, in bytes; reading stops at the first byte past it. */
  maxBytes: number;
  /** What an empty body stands for; without it, an empty body is not JSON. */
  whenEmpty?: unknown;
}

const JSON_MEDIA_TYPE = /^application\/json\b/i;

/**
 * A request's JSON body, read up to a size limit. A declared length over the limit is refused
 * before anything is read, and a body that grows past it is refused at that chunk: nothing is
 * parsed or handed on. Throws `BodyRefusedError`, never anything else.
 */
export async function readJsonBody(request: IncomingBody, limits: BodyLimits): Promise<unknown> {
  const contentType = request.headers['content-type'];
  if (typeof contentType !== 'string' || !JSON_MEDIA_TYPE.test(contentType)) {
    throw new BodyRefusedError('unsupported_media_type');
  }
  const declared = request.headers['content-length'];
  if (typeof declared === 'string' && Number(declared) > limits.maxBytes) {
    throw new BodyRefusedError('too_large');
  }
  const bytes = await readBytes(request, limits.maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BodyRefusedError('not_utf8');
  }
  if (text === '' && limits.whenEmpty !== undefined) return limits.whenEmpty;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyRefusedError('not_json');
  }
}

async function readBytes(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const received: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > maxBytes) break;
      received.push(chunk);
    }
  } catch {
    // The caller closed the connection before sending the whole body.
    throw new BodyRefusedError('incomplete');
  }
  if (size > maxBytes) throw new BodyRefusedError('too_large');
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of received) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
