import { TestBed } from '@angular/core/testing';
import {
  FLAGS_READY_TIMEOUT_MS,
  FLAGS_RELOAD_INTERVAL_MS,
  FLAGS_URL,
  FLAG_STORAGE,
} from './feature-flags-options';
import { FLAG_STREAM_START, FLAG_STREAM_URL } from './flag-stream-options';
import { FlagStream } from './flag-stream';
import { provideFeatureFlags } from './provide-feature-flags';
import { MemoryStorage, settle } from '@keel/network/testing';
import { TEST_FLAGS } from '../spec-support/test-flags';

describe('provideFeatureFlags', () => {
  it('creates the store with the app, so cached values are restored before anything asks', () => {
    const storage = new MemoryStorage();
    const read = spyOn(storage, 'getItem').and.callThrough();
    TestBed.configureTestingModule({
      providers: [
        provideFeatureFlags({ flags: TEST_FLAGS }),
        { provide: FLAG_STORAGE, useValue: storage },
      ],
    });
    TestBed.inject(FLAGS_READY_TIMEOUT_MS); // starts the environment, not the store
    expect(read).toHaveBeenCalledWith('keel.flags.v1');
  });

  it('starts the flag stream only once FLAG_STREAM_START says so (the app stable, the browser idle)', async () => {
    let go = () => undefined as void;
    let startedOnce = () => undefined as void;
    const started = jasmine.createSpy('start').and.callFake(() => startedOnce());
    const start = new Promise<void>((r) => (startedOnce = r));
    TestBed.configureTestingModule({
      providers: [
        provideFeatureFlags({ flags: TEST_FLAGS }),
        { provide: FLAG_STORAGE, useValue: new MemoryStorage() },
        { provide: FLAG_STREAM_START, useValue: () => new Promise<void>((r) => (go = r)) },
        { provide: FlagStream, useValue: { start: started } },
      ],
    });
    TestBed.inject(FLAGS_READY_TIMEOUT_MS); // starts the environment
    await settle();
    expect(started).not.toHaveBeenCalled();
    go();
    await start; // the stream's code is downloaded first
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('uses a 5 minute interval and a 3 second wait by default', () => {
    TestBed.configureTestingModule({ providers: [provideFeatureFlags({ flags: TEST_FLAGS })] });
    expect(TestBed.inject(FLAGS_RELOAD_INTERVAL_MS)).toBe(300_000);
    expect(TestBed.inject(FLAGS_READY_TIMEOUT_MS)).toBe(3_000);
  });

  it('reads the flags from the dev API’s paths by default, and from the ones given', () => {
    TestBed.configureTestingModule({ providers: [provideFeatureFlags({ flags: TEST_FLAGS })] });
    expect(TestBed.inject(FLAGS_URL)).toBe('/api/flags');
    expect(TestBed.inject(FLAG_STREAM_URL)).toBe('/api/flags/stream');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideFeatureFlags({ flags: TEST_FLAGS, url: '/v2/flags', streamUrl: '/v2/flags/events' }),
      ],
    });
    expect(TestBed.inject(FLAGS_URL)).toBe('/v2/flags');
    expect(TestBed.inject(FLAG_STREAM_URL)).toBe('/v2/flags/events');
  });

  it('passes the interval and the wait on to their tokens', () => {
    TestBed.configureTestingModule({
      providers: [
        provideFeatureFlags({ flags: TEST_FLAGS, reloadIntervalMs: 60_000, readyTimeoutMs: 500 }),
      ],
    });
    expect(TestBed.inject(FLAGS_RELOAD_INTERVAL_MS)).toBe(60_000);
    expect(TestBed.inject(FLAGS_READY_TIMEOUT_MS)).toBe(500);
  });

  it('refuses an interval under a second, which would reload in a loop', () => {
    expect(() => provideFeatureFlags({ flags: TEST_FLAGS, reloadIntervalMs: 0 })).toThrowError(
      /reloadIntervalMs/,
    );
  });

  it('refuses a negative wait', () => {
    expect(() => provideFeatureFlags({ flags: TEST_FLAGS, readyTimeoutMs: -1 })).toThrowError(
      /readyTimeoutMs/,
    );
  });
});
