import { AppError } from '@keel/network';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('shows an AppError’s own message and retryability', () => {
    const view = describeError(new AppError({ kind: 'network' }));
    expect(view).toEqual({
      kind: 'network',
      message: 'Cannot reach the server. Check your connection and try again.',
      retryable: true,
      retryWhenOnline: true,
    });
  });

  it('retries by itself when online only what a connection can mend', () => {
    const when = (kind: 'offline' | 'network' | 'timeout' | 'server' | 'parse' | 'not-found') =>
      describeError(new AppError({ kind }), { reading: true }).retryWhenOnline;
    expect(when('offline')).toBeTrue();
    expect(when('network')).toBeTrue();
    for (const kind of ['timeout', 'server', 'parse', 'not-found'] as const)
      expect(when(kind)).withContext(kind).toBeFalse();
    expect(describeError(new Error('bug')).retryWhenOnline).toBeFalse();
  });

  it('finds the AppError an rxResource wrapped as its cause', () => {
    const wrapped = new Error('resource failed', { cause: new AppError({ kind: 'timeout' }) });
    expect(describeError(wrapped).kind).toBe('timeout');
  });

  it('never shows the text of an error that is not an AppError', () => {
    const view = describeError(new TypeError('Cannot read properties of undefined (reading x)'));
    expect(view.message).toBe('Something went wrong. Try again in a moment.');
  });

  it('offers Retry for an unreadable answer when reading', () => {
    const parse = new AppError({ kind: 'parse' });
    expect([
      describeError(parse).retryable,
      describeError(parse, { reading: true }).retryable,
    ]).toEqual([false, true]);
  });
});
