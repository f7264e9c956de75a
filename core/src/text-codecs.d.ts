/**
 * The WHATWG text codecs. Every runtime core runs in has them (Node, browsers, Electron's
 * renderer), but the ES library core compiles against does not declare them; only the part
 * core uses is declared here, so core still reaches for nothing else a runtime provides.
 */
declare class TextDecoder {
  constructor(label?: 'utf-8', options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
