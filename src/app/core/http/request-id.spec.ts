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
