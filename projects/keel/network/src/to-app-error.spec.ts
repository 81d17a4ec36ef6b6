import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { AppError, type AppErrorKind } from './app-error';
import { AttemptTimeoutError } from './retry-policy';
import { toAppError } from './to-app-error';

/** 2026-01-01T00:00:00Z, a Thursday. */
const NOW = Date.UTC(2026, 0, 1);

describe('toAppError', () => {
  describe('by status', () => {
    const cases: readonly (readonly [number, AppErrorKind, boolean])[] = [
      [0, 'network', true],
      [400, 'validation', false],
      [401, 'unauthorized', false],
      [403, 'forbidden', false],
      [404, 'not-found', false],
      [408, 'timeout', true],
      [409, 'conflict', false],
      [412, 'precondition-failed', false],
      [422, 'validation', false],
      [426, 'upgrade-required', false],
      [428, 'precondition-failed', false],
      [429, 'rate-limited', true],
      [500, 'server', true],
      [502, 'server', true],
      [503, 'server', true],
      [504, 'server', true],
    ];

    for (const [status, kind, retryable] of cases) {
      it(`maps ${status} to ${kind}, ${retryable ? '' : 'not '}retryable`, () => {
        const error = toAppError(httpError(status), NOW);
        expect(error.kind).toBe(kind);
        expect(error.retryable).toBe(retryable);
      });
    }

    it('keeps the status on the error', () => {
      expect(toAppError(httpError(503), NOW).status).toBe(503);
    });

    it('keeps the response as the cause', () => {
      const response = httpError(503);
      expect(toAppError(response, NOW).cause).toBe(response);
    });

    it('maps a 4xx it has no kind for to unknown', () => {
      expect(toAppError(httpError(418), NOW).kind).toBe('unknown');
    });

    it('maps any other 5xx to server', () => {
      expect(toAppError(httpError(507), NOW).kind).toBe('server');
    });

    for (const status of [100, 300]) {
      it(`maps a ${status}, which is neither a 2xx nor an error status, to unknown`, () => {
        expect(toAppError(httpError(status), NOW).kind).toBe('unknown');
      });
    }
  });

  describe('problem details', () => {
    it('keeps the parsed problem body', () => {
      const problem = { type: 'about:blank', title: 'Not Found', status: 404 };
      expect(toAppError(httpError(404, {}, problem), NOW).problem).toEqual(
        jasmine.objectContaining(problem),
      );
    });

    it('has no problem when the body is not one', () => {
      expect(
        toAppError(httpError(502, {}, '<html>Bad gateway</html>'), NOW).problem,
      ).toBeUndefined();
    });

    it('reads field errors off a 422 problem+json errors array', () => {
      const body = {
        type: 'https://keel.example/problems/validation',
        title: 'Validation failed',
        status: 422,
        errors: [
          { field: 'email', message: 'Required' },
          { field: 'items.0.quantity', message: 'Must be at least 1' },
          { field: 'email', message: 'Must be an email address' },
        ],
      };
      const error = toAppError(
        httpError(422, { 'Content-Type': 'application/problem+json' }, body),
        NOW,
      );
      expect(error.fieldErrors).toEqual({
        email: ['Required', 'Must be an email address'],
        'items.0.quantity': ['Must be at least 1'],
      });
    });

    it('reads field errors off a 422 body that arrived as a JSON string', () => {
      const body = JSON.stringify({
        title: 'Validation failed',
        errors: [{ field: 'name', message: 'Required' }],
      });
      expect(toAppError(httpError(422, {}, body), NOW).fieldErrors).toEqual({ name: ['Required'] });
    });

    it('reads minVersion off a 426 problem', () => {
      const body = {
        type: 'about:blank',
        title: 'Upgrade required',
        status: 426,
        minVersion: '2.4.0',
      };
      const error = toAppError(httpError(426, {}, body), NOW);
      expect(error.kind).toBe('upgrade-required');
      expect(error.minVersion).toBe('2.4.0');
    });

    it('leaves minVersion undefined when the 426 problem has none', () => {
      expect(toAppError(httpError(426), NOW).minVersion).toBeUndefined();
    });

    it('leaves minVersion undefined when the 426 problem’s is not a string', () => {
      const body = { type: 'about:blank', title: 'Upgrade required', minVersion: 2 };
      expect(toAppError(httpError(426, {}, body), NOW).minVersion).toBeUndefined();
    });
  });

  describe('rate limiting', () => {
    it('reads retryAfterMs off a 429 Retry-After in seconds', () => {
      expect(toAppError(httpError(429, { 'Retry-After': '30' }), NOW).retryAfterMs).toBe(30_000);
    });

    it('reads retryAfterMs off a 429 Retry-After HTTP-date', () => {
      const headers = { 'Retry-After': 'Thu, 01 Jan 2026 00:00:45 GMT' };
      expect(toAppError(httpError(429, headers), NOW).retryAfterMs).toBe(45_000);
    });

    it('leaves retryAfterMs undefined when a 429 has no Retry-After', () => {
      expect(toAppError(httpError(429), NOW).retryAfterMs).toBeUndefined();
    });
  });

  describe('not a plain HTTP status', () => {
    it('maps an attempt timeout to timeout, retryable', () => {
      const error = toAppError(new AttemptTimeoutError(10_000), NOW);
      expect(error.kind).toBe('timeout');
      expect(error.retryable).toBeTrue();
    });

    it('maps a 2xx whose body would not parse to parse', () => {
      const response = new HttpErrorResponse({
        status: 200,
        statusText: 'OK',
        url: '/api/orders',
        error: { error: new SyntaxError('Unexpected end of JSON input'), text: '{"a":' },
      });
      const error = toAppError(response, NOW);
      expect(error.kind).toBe('parse');
      expect(error.retryable).toBeFalse();
    });

    it('maps a thrown Error to unknown', () => {
      const error = toAppError(new Error('Cannot read properties of undefined'), NOW);
      expect(error.kind).toBe('unknown');
      expect(error.retryable).toBeFalse();
    });

    it('maps a thrown non-Error to unknown', () => {
      expect(toAppError('boom', NOW).kind).toBe('unknown');
      expect(toAppError(null, NOW).kind).toBe('unknown');
    });

    it('maps a DOMException other than an abort to unknown', () => {
      expect(toAppError(new DOMException('Blocked.', 'SecurityError'), NOW).kind).toBe('unknown');
    });

    it('maps a status-0 response caused by another DOMException to network', () => {
      const failure = new DOMException('A network error occurred.', 'NetworkError');
      expect(toAppError(httpError(0, {}, failure), NOW).kind).toBe('network');
    });

    it('maps an AbortError DOMException to aborted', () => {
      const error = toAppError(new DOMException('The user aborted a request.', 'AbortError'), NOW);
      expect(error.kind).toBe('aborted');
      expect(error.retryable).toBeFalse();
    });

    it('maps a status-0 response caused by an abort to aborted, not network', () => {
      // DESIGN.md: a network failure is "status 0 that is not an abort", and cancellation is
      // never an error; retry-policy.ts already tells the two apart.
      const abort = new DOMException('The user aborted a request.', 'AbortError');
      expect(toAppError(httpError(0, {}, abort), NOW).kind).toBe('aborted');
    });

    it('passes an AppError through unchanged', () => {
      const original = new AppError({ kind: 'circuit-open', retryAfterMs: 4000 });
      expect(toAppError(original, NOW)).toBe(original);
    });

    it('keeps the thrown value as the cause', () => {
      const thrown = new Error('boom');
      expect(toAppError(thrown, NOW).cause).toBe(thrown);
    });
  });

  describe('messages', () => {
    for (const status of [
      0, 400, 401, 403, 404, 408, 409, 412, 422, 426, 429, 500, 502, 503, 504,
    ]) {
      it(`gives a ${status} a message without its status code`, () => {
        const { message } = toAppError(httpError(status), NOW);
        expect(message.length).toBeGreaterThan(0);
        expect(message).not.toMatch(/\d/);
      });
    }

    it('never shows the text of a thrown error', () => {
      const { message } = toAppError(new Error('TypeError at line 42'), NOW);
      expect(message).not.toContain('TypeError');
    });
  });
});

function httpError(
  status: number,
  headers: Record<string, string> = {},
  error: unknown = null,
): HttpErrorResponse {
  return new HttpErrorResponse({
    status,
    headers: new HttpHeaders(headers),
    error,
    url: '/api/orders',
  });
}
