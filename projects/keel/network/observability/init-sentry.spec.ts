import { startSentryWith } from './init-sentry';
import { SentryBridge, type SentrySdk } from './sentry-bridge';

describe('startSentry (startSentryWith)', () => {
  const app = { release: '1.2.3', platform: 'web' };
  let log: string[];
  let bridge: SentryBridge;

  /** A stand-in SDK that logs each step, and marks where a task ends after it. */
  function fakeSdk(): SentrySdk {
    const step = (name: string) => () => {
      log.push(name);
      // Runs at the end of the task `name` ran in: before the next step only if that step
      // waits for a later task.
      setTimeout(() => log.push(`after ${name}`));
    };
    return {
      start: (dsn: string) => step(`start ${dsn}`)(),
      startTracing: step('tracing'),
    } as unknown as SentrySdk;
  }

  beforeEach(() => {
    log = [];
    bridge = new SentryBridge();
    bridge.use(() => log.push('queued breadcrumb'));
  });

  it('stays off without a DSN: nothing loaded, the queue dropped', async () => {
    const load = jasmine.createSpy('load');
    expect(await startSentryWith(load, {}, app, bridge)).toBeFalse();
    expect(await startSentryWith(load, { sentry: {} }, app, bridge)).toBeFalse();
    expect(load).not.toHaveBeenCalled();
    expect(bridge.loaded).toBeFalse();
    expect(log).toEqual([]);
  });

  it('starts the SDK, then tracing, then the queued reports, each in a task of its own', async () => {
    const started = await startSentryWith(
      () => Promise.resolve(fakeSdk()),
      { sentry: { dsn: 'https://key@{host}/1' } },
      app,
      bridge,
    );
    expect(started).toBeTrue();
    expect(bridge.loaded).toBeTrue();
    expect(log).toEqual([
      `start https://key@${location.host}/1`,
      `after start https://key@${location.host}/1`,
      'tracing',
      'after tracing',
      'queued breadcrumb',
    ]);
  });
});
