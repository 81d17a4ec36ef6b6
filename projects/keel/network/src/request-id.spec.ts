import { newRequestId, newSpanId, traceIdOf, traceparent } from './request-id';

describe('newRequestId', () => {
  it('makes RFC 9562 version 4 UUIDs', () => {
    for (let i = 0; i < 600; i++)
      expect(newRequestId()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
  });

  it('never repeats itself, also across refills of its random pool', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newRequestId()));
    expect(ids.size).toBe(2000);
  });
});

describe('trace context ids', () => {
  it('derives the trace id from the request id: 32 lower-case hex digits, never all zeros', () => {
    const id = newRequestId();
    const trace = traceIdOf(id);
    expect(trace).toMatch(/^[0-9a-f]{32}$/);
    expect(trace).toBe(id.replace(/-/g, ''));
    expect(trace).not.toBe('0'.repeat(32));
  });

  it('makes distinct 16-digit span ids, also across refills of the pool', () => {
    const spans = Array.from({ length: 3000 }, () => newSpanId());
    for (const span of spans) expect(span).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(spans).size).toBe(3000);
  });

  it('writes a version-00 traceparent with the sampled flag', () => {
    expect(traceparent('4bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7')).toBe(
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    );
  });
});

/**
 * What comes out of given random bytes. The ids draw from a pool filled 4 KiB at a time, so each
 * spec here first draws until the pool refills from the (spied) source, and afterwards until it
 * refills from the real one again, leaving no known bytes behind for the next spec.
 */
describe('ids from the random source', () => {
  let random: jasmine.Spy;

  beforeEach(() => (random = spyOn(crypto, 'getRandomValues').and.callThrough()));

  afterEach(() => {
    random.and.callThrough();
    drawUntilRefill(newRequestId);
  });

  /** Draws until one draw refilled the pool, and returns what that draw gave. */
  function drawUntilRefill<T>(draw: () => T): T {
    const before = random.calls.count();
    for (let i = 0; i < 1000; i++) {
      const value = draw();
      if (random.calls.count() > before) return value;
    }
    throw new Error('the pool was never refilled');
  }

  /** A fake `getRandomValues` that writes `byte(i)` at each index. */
  function bytes(byte: (index: number) => number) {
    return (array: Uint8Array) => {
      for (let i = 0; i < array.length; i++) array[i] = byte(i);
      return array;
    };
  }

  it('asks the platform for random bytes once per 256 request ids', () => {
    drawUntilRefill(newRequestId);
    for (let i = 1; i < 256; i++) newRequestId();
    expect(random).toHaveBeenCalledTimes(1);
    newRequestId();
    expect(random).toHaveBeenCalledTimes(2);
  });

  it('lays out 16 random bytes in order, with the version and variant bits of RFC 9562', () => {
    random.and.callFake(bytes((i) => i & 0xff));
    expect(drawUntilRefill(newRequestId)).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
    expect(newRequestId()).toBe('10111213-1415-4617-9819-1a1b1c1d1e1f');
  });

  it('never makes an all-zero span id, even from eight zero bytes', () => {
    random.and.callFake(bytes((i) => (i < 8 ? 0 : i & 0xff)));
    expect(drawUntilRefill(newSpanId)).toBe('08090a0b0c0d0e0f');
  });
});
