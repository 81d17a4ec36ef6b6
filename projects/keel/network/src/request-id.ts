const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Random bytes for 256 ids at a time: one `getRandomValues` call instead of one per id. */
const pool = new Uint8Array(16 * 256);
let offset = pool.length;

/** The offset of `n` fresh bytes in `pool` (n ≤ 16), refilling it when it runs out. */
function take(n: number): number {
  if (offset + n > pool.length) {
    crypto.getRandomValues(pool);
    offset = 0;
  }
  const at = offset;
  offset += n;
  return at;
}

/**
 * A UUID v4 (RFC 9562 §5.4) from the platform's cryptographic random source. The bytes are
 * drawn 4 KiB at a time: Chromium's `crypto.randomUUID()` costs several microseconds a call
 * (a profile of the chain put it at 7.6 µs), more than the rest of correlation put together.
 */
export function newRequestId(): string {
  return uuidOf(newTraceId());
}

/**
 * A call's W3C trace id (32 lower-case hex digits) with the version and variant bits of a UUID
 * v4, so that `uuidOf` makes its request id: the call plan draws one value for both names of
 * the call instead of taking the dashes out of a UUID again (a regular expression per call).
 * Never all zeros (its version digit is 4); its last 7 bytes are random, as Trace Context asks.
 */
export function newTraceId(): string {
  const b = pool;
  const o = take(16);
  const h = HEX;
  return (
    h[b[o]] +
    h[b[o + 1]] +
    h[b[o + 2]] +
    h[b[o + 3]] +
    h[b[o + 4]] +
    h[b[o + 5]] +
    h[(b[o + 6] & 0x0f) | 0x40] +
    h[b[o + 7]] +
    h[(b[o + 8] & 0x3f) | 0x80] +
    h[b[o + 9]] +
    h[b[o + 10]] +
    h[b[o + 11]] +
    h[b[o + 12]] +
    h[b[o + 13]] +
    h[b[o + 14]] +
    h[b[o + 15]]
  );
}

/** The UUID spelling (8-4-4-4-12) of a trace id made by `newTraceId`. */
export function uuidOf(traceId: string): string {
  return (
    traceId.slice(0, 8) +
    '-' +
    traceId.slice(8, 12) +
    '-' +
    traceId.slice(12, 16) +
    '-' +
    traceId.slice(16, 20) +
    '-' +
    traceId.slice(20)
  );
}

/**
 * The W3C Trace Context trace id of a request id (32 lower-case hex digits): the request id
 * without the dashes, so one random value names the call in `X-Request-Id`, in `traceparent`
 * and in the server's log (`AppError.traceId` reads it this way).
 */
export function traceIdOf(requestId: string): string {
  return requestId.replace(/-/g, '');
}

/** A W3C Trace Context span (parent) id: 16 lower-case hex digits, never all zeros. */
export function newSpanId(): string {
  const b = pool;
  const o = take(8);
  const h = HEX;
  const id =
    h[b[o]] +
    h[b[o + 1]] +
    h[b[o + 2]] +
    h[b[o + 3]] +
    h[b[o + 4]] +
    h[b[o + 5]] +
    h[b[o + 6]] +
    h[b[o + 7]];
  return id === '0000000000000000' ? newSpanId() : id;
}

/**
 * The `traceparent` header of one attempt (W3C Trace Context level 1, version 00): the call's
 * trace, this attempt's span, and the sampled flag (Keel records every call it sends).
 */
export function traceparent(traceId: string, spanId: string): string {
  return `00-${traceId}-${spanId}-01`;
}

/**
 * Sentry's trace header for the same attempt (`<trace id>-<span id>`), with no sampling flag,
 * so a backend that continues Sentry traces decides sampling itself.
 */
export function sentryTrace(traceId: string, spanId: string): string {
  return `${traceId}-${spanId}`;
}
