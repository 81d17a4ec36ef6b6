import { HttpErrorResponse } from '@angular/common/http';
import { AppError, type AppErrorKind, appErrorMessage, isAppError } from './app-error';

/** Every kind; `satisfies` makes the compiler flag a kind added to the union but not here. */
const RETRYABLE_BY_KIND = {
  offline: true,
  network: true,
  timeout: true,
  aborted: false,
  unauthorized: false,
  'auth-expired': false,
  forbidden: false,
  'not-found': false,
  conflict: false,
  'precondition-failed': false,
  validation: false,
  'rate-limited': true,
  'upgrade-required': false,
  server: true,
  'circuit-open': true,
  'budget-exhausted': true,
  parse: false,
  unknown: false,
} as const satisfies Record<AppErrorKind, boolean>;

const KINDS = Object.keys(RETRYABLE_BY_KIND) as AppErrorKind[];

describe('AppError', () => {
  for (const kind of KINDS) {
    it(`gives ${kind} a non-empty message with no status code and no stack`, () => {
      const message = appErrorMessage(kind);
      expect(message.trim().length).toBeGreaterThan(0);
      expect(message).not.toMatch(/\d/);
      expect(message).not.toMatch(/\n|\bat \S+ \(|Error:/);
    });

    it(`${RETRYABLE_BY_KIND[kind] ? 'marks' : 'does not mark'} ${kind} as retryable by default`, () => {
      expect(new AppError({ kind }).retryable).toBe(RETRYABLE_BY_KIND[kind]);
    });
  }

  it('uses the kind message when none is given', () => {
    expect(new AppError({ kind: 'forbidden' }).message).toBe(appErrorMessage('forbidden'));
  });

  it('uses a given message over the kind message', () => {
    expect(new AppError({ kind: 'conflict', message: 'That name is taken.' }).message).toBe(
      'That name is taken.',
    );
  });

  it('lets the caller override retryable', () => {
    expect(new AppError({ kind: 'server', retryable: false }).retryable).toBeFalse();
  });

  it('defaults status, attempts and durationMs to 0 and fieldErrors to empty', () => {
    const error = new AppError({ kind: 'network' });
    expect(error.status).toBe(0);
    expect(error.attempts).toBe(0);
    expect(error.durationMs).toBe(0);
    expect(error.fieldErrors).toEqual({});
    expect(error.requestId).toBeUndefined();
  });

  it('has no trace id without a request id, and the request id’s hex digits with one', () => {
    expect(new AppError({ kind: 'network' }).traceId).toBeUndefined();
    const requestId = '4bf92f35-77b3-4da6-a3ce-929d0e0e4736';
    expect(new AppError({ kind: 'network', requestId }).traceId).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it('is an Error named AppError carrying its cause', () => {
    const cause = new Error('socket hang up');
    const error = new AppError({ kind: 'network', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.cause).toBe(cause);
  });

  describe('withCall', () => {
    const problem = { type: 'about:blank', title: 'Validation failed', status: 422 };
    const cause = new Error('422');
    const original = new AppError({
      kind: 'validation',
      status: 422,
      problem,
      fieldErrors: { email: ['Required'] },
      retryAfterMs: 1500,
      minVersion: '2.0.0',
      cause,
    });

    it('fills in the request id, attempts and duration', () => {
      const filled = original.withCall({ requestId: 'req-1', attempts: 3, durationMs: 1234 });
      expect(filled.requestId).toBe('req-1');
      expect(filled.attempts).toBe(3);
      expect(filled.durationMs).toBe(1234);
    });

    it('keeps everything else', () => {
      const filled = original.withCall({ requestId: 'req-1', attempts: 3, durationMs: 1234 });
      expect(filled.kind).toBe('validation');
      expect(filled.status).toBe(422);
      expect(filled.message).toBe(original.message);
      expect(filled.retryable).toBeFalse();
      expect(filled.problem).toBe(problem);
      expect(filled.fieldErrors).toEqual({ email: ['Required'] });
      expect(filled.retryAfterMs).toBe(1500);
      expect(filled.minVersion).toBe('2.0.0');
      expect(filled.cause).toBe(cause);
    });

    it('keeps an overridden retryable and message', () => {
      const custom = new AppError({ kind: 'server', retryable: false, message: 'Try tomorrow.' });
      const filled = custom.withCall({ attempts: 1, durationMs: 5 });
      expect(filled.retryable).toBeFalse();
      expect(filled.message).toBe('Try tomorrow.');
    });

    it('keeps a request id the error already had', () => {
      const tagged = new AppError({ kind: 'server', requestId: 'inner' });
      expect(tagged.withCall({ requestId: 'outer', attempts: 1, durationMs: 5 }).requestId).toBe(
        'inner',
      );
    });

    it('returns a new AppError and leaves the original untouched', () => {
      const filled = original.withCall({ requestId: 'req-1', attempts: 3, durationMs: 1234 });
      expect(filled).not.toBe(original);
      expect(filled).toBeInstanceOf(AppError);
      expect(original.attempts).toBe(0);
      expect(original.requestId).toBeUndefined();
    });
  });
});

describe('isAppError', () => {
  it('is true for an AppError', () => {
    expect(isAppError(new AppError({ kind: 'unknown' }))).toBeTrue();
  });

  it('is false for a plain Error', () => {
    expect(isAppError(new Error('boom'))).toBeFalse();
  });

  it('is false for an HttpErrorResponse', () => {
    expect(isAppError(new HttpErrorResponse({ status: 500 }))).toBeFalse();
  });

  it('is true for an AppError from another copy of the class (another bundle)', () => {
    class OtherAppError extends Error {
      override readonly name = 'AppError';
      readonly kind = 'server';
    }
    expect(isAppError(new OtherAppError('x'))).toBeTrue();
  });

  it('is false for an Error named AppError that has no kind', () => {
    const error = new Error('x');
    error.name = 'AppError';
    expect(isAppError(error)).toBeFalse();
  });

  it('is false for another Error that has a kind', () => {
    expect(isAppError(Object.assign(new TypeError('x'), { kind: 'server' }))).toBeFalse();
  });

  it('is false for a plain object shaped like an AppError', () => {
    expect(isAppError({ name: 'AppError', kind: 'server', message: 'x' })).toBeFalse();
  });

  it('is false for null', () => {
    expect(isAppError(null)).toBeFalse();
  });
});
