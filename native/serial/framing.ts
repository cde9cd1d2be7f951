/**
 * What a protocol must provide for the serial transport to carry it: how to encode a request and a
 * streaming decoder for what comes back. The ID card reader (GA 450) and the signature pad each
 * supply their own; the transport knows nothing about either.
 */
export interface Framing<TRequest> {
  encode(request: TRequest): Uint8Array;
  createDecoder(): StreamDecoder;
}

/** Takes bytes in whatever chunks the port delivers them and reports what it found. */
export interface StreamDecoder {
  /** Never throws, whatever the bytes. */
  push(chunk: Uint8Array): DecoderEvent[];
  /** Drops any partial frame (before a new command, after a timeout). */
  reset(): void;
}

export type DecoderEvent =
  /** A complete frame whose checksum matched; `body` is the protocol payload between header and checksum. */
  | { type: 'frame'; body: Uint8Array }
  /** A complete frame whose checksum did not match: reported, never thrown. */
  | { type: 'checksum-error'; expected: number; actual: number; length: number }
  /** A header whose length is out of bounds: the decoder resynchronises on the next preamble. */
  | { type: 'length-error'; length: number }
  /** Bytes that were not part of any frame (line noise). */
  | { type: 'skipped'; count: number };
