import { FLAG_DEFINITIONS } from './flag-registry';
import { HttpEventType, HttpHeaderResponse } from '@angular/common/http';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { ApplicationRef, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import {
  REFRESH_LOCK,
  SESSION_CHANNEL,
  SessionStore,
  provideSession,
  type TabChannel,
  type TabLeadership,
} from '@keel/network/session';
import { networkLayerTesting, settle, type NetworkLayerTesting } from '@keel/network/testing';
import { FeatureFlagsStore } from './feature-flags-store';
import { FLAGS_RELOAD_INTERVAL_MS, FLAG_STORAGE, TAB_VISIBLE } from './feature-flags-options';
import { FlagStream } from './flag-stream';
import {
  FLAG_CHANNEL,
  FLAG_STREAM_LEADERSHIP,
  FLAG_STREAM_SUPPORTED,
  FLAG_STREAM_TIMING,
  type FlagTabMessage,
  isFlagTabMessage,
} from './flag-stream-options';
import { MemoryStorage } from '@keel/network/testing';
import { TEST_FLAGS } from '../spec-support/test-flags';

const DEMO = { id: 'usr_demo', email: 'demo@keel.dev', name: 'Demo User', roles: ['user'] };
const STREAM = '/api/flags/stream';

/** The other tabs, as this tab's channel sees them: what it posted, and a way to reach it. */
class FakeChannel implements TabChannel<FlagTabMessage> {
  readonly posted: FlagTabMessage[] = [];
  private listeners: ((message: FlagTabMessage) => void)[] = [];
  post(message: FlagTabMessage): void {
    this.posted.push(message);
  }
  listen(listener: (message: FlagTabMessage) => void): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }
  /** Another tab posts `message`. */
  deliver(message: FlagTabMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}

/** A lock another tab holds until `grant()`: the tab that held it closed. */
class FakeLeadership implements TabLeadership {
  joined = 0;
  left = 0;
  private lead: (() => void) | null = null;
  join(_name: string, lead: () => void): () => void {
    this.joined++;
    this.lead = lead;
    return () => {
      this.left++;
      this.lead = null;
    };
  }
  grant(): void {
    this.lead?.();
  }
}

describe('FlagStream', () => {
  let layer: NetworkLayerTesting;
  let backend: HttpTestingController;
  let channel: FakeChannel;
  let leadership: FakeLeadership;
  let store: InstanceType<typeof FeatureFlagsStore>;
  /** What the server has sent on each stream request so far. */
  const sent = new Map<TestRequest, string>();

  async function setUp(extra: Provider[] = []): Promise<FlagStream> {
    layer = networkLayerTesting();
    channel = new FakeChannel();
    leadership = new FakeLeadership();
    sent.clear();
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        { provide: FLAG_DEFINITIONS, useValue: TEST_FLAGS },
        provideSession(),
        {
          provide: SESSION_CHANNEL,
          useValue: { post: () => undefined, listen: () => () => undefined },
        },
        { provide: REFRESH_LOCK, useValue: <T>(task: () => Promise<T>) => task() },
        { provide: FLAG_STORAGE, useValue: new MemoryStorage() },
        { provide: TAB_VISIBLE, useValue: new Subject<void>() },
        { provide: FLAG_CHANNEL, useValue: channel },
        { provide: FLAG_STREAM_LEADERSHIP, useValue: leadership },
        { provide: FLAG_STREAM_SUPPORTED, useValue: true },
        ...extra,
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(FeatureFlagsStore);
    const stream = TestBed.inject(FlagStream);
    stream.start();
    await TestBed.inject(ApplicationRef).whenStable();
    await settle();
    return stream;
  }

  /** Signs in and answers the store's first load with `version`. */
  async function signIn(version = 1): Promise<void> {
    TestBed.inject(SessionStore).signedIn(DEMO, 'token', 120_000, layer.clock.now());
    TestBed.tick();
    await answerFlags(version);
  }

  async function answerFlags(
    version: number,
    request = backend.expectOne('/api/flags'),
  ): Promise<void> {
    request.flush(
      { version, flags: { enable_new_ui: version % 2 === 0 } },
      { headers: { ETag: `"${version}"` } },
    );
    await settle();
    TestBed.tick();
  }

  /** Streams not cancelled (taken out of the backend's list, so each is seen once). */
  const openStreams = () => backend.match(STREAM).filter((r) => !r.cancelled);

  function streamRequest(): TestRequest {
    const requests = openStreams();
    expect(requests.length).withContext('flag streams open').toBe(1);
    const [request] = requests;
    if (!sent.has(request)) {
      sent.set(request, '');
      request.event(new HttpHeaderResponse({ status: 200, url: STREAM }));
    }
    return request;
  }

  /** The server writes `text` on the stream. */
  function write(request: TestRequest, text: string): void {
    const total = (sent.get(request) ?? '') + text;
    sent.set(request, total);
    request.event({
      type: HttpEventType.DownloadProgress,
      loaded: total.length,
      partialText: total,
    });
  }

  const flagsEvent = (version: number) => `event: flags\ndata: {"version":${version}}\n\n`;

  describe('in the leading tab', () => {
    it('opens one stream while signed in, as a streaming call with the token', async () => {
      await setUp();
      expect(leadership.joined).toBe(0);
      expect(openStreams()).toEqual([]);
      await signIn();
      expect(leadership.joined).toBe(1);
      expect(openStreams()).toEqual([]);

      const before = layer.clock.requested.length;
      leadership.grant();
      const request = streamRequest();
      expect(request.request.headers.get('Authorization')).toBe('Bearer token');
      expect(request.request.responseType).toBe('text');
      expect(request.request.reportProgress).toBeTrue();
      // Low fetch priority: a request that stays open must not compete with the page's own.
      expect(request.request.priority).toBe('low');
      // No attempt timeout and no deadline were started for it: the only wait is the
      // stream's own first-event watchdog.
      expect(layer.clock.requested.slice(before)).toEqual([FLAG_STREAM_TIMING.firstEventMs]);
    });

    it('is refreshed and replayed with the new token on a 401, like any call', async () => {
      await setUp();
      await signIn();
      leadership.grant();
      streamRequest().flush(null, { status: 401, statusText: 'Unauthorized' });
      await settle();
      backend.expectOne('/api/auth/refresh').flush({ accessToken: 'fresh', expiresIn: 120 });
      await settle();
      const replay = streamRequest();
      expect(replay.request.headers.get('Authorization')).toBe('Bearer fresh');
      write(replay, flagsEvent(1));
      expect(store.streamLive()).toBeTrue();
    });

    it('reloads the flags when the stream announces another version, and tells the other tabs', async () => {
      const stream = await setUp();
      await signIn(1);
      leadership.grant();
      const request = streamRequest();
      write(request, flagsEvent(1));
      // The version loaded already: nothing to reload.
      backend.expectNone('/api/flags');
      expect(stream.state()).toBe('live');
      expect(store.streamLive()).toBeTrue();
      expect(channel.posted).toContain({ type: 'stream', live: true, version: 1 });

      write(request, ': heartbeat\n\n');
      write(request, flagsEvent(2).slice(0, 10));
      backend.expectNone('/api/flags');
      write(request, flagsEvent(2).slice(10));
      const reload = backend.expectOne('/api/flags');
      expect(reload.request.headers.get('If-None-Match')).toBe('"1"');
      await answerFlags(2, reload);
      expect(store.value('enable_new_ui')).toBeTrue();
      expect(channel.posted).toContain({ type: 'stream', live: true, version: 2 });
    });

    it('loads once more when a load that left before the change settles on the old version', async () => {
      await setUp();
      await signIn(1);
      leadership.grant();
      const request = streamRequest();
      write(request, flagsEvent(1));
      void store.load();
      const early = backend.expectOne('/api/flags');
      write(request, flagsEvent(2));
      early.flush({ version: 1, flags: {} }, { headers: { ETag: '"1"' } });
      await settle();
      await answerFlags(2);
      expect(store.version()).toBe(2);
    });

    it('rests the interval reload while live, and polls again once the stream drops', async () => {
      await setUp([{ provide: FLAGS_RELOAD_INTERVAL_MS, useValue: 60_000 }]);
      await signIn(1);
      leadership.grant();
      const request = streamRequest();
      write(request, flagsEvent(1));
      TestBed.tick();
      for (let i = 0; i < 4; i++) {
        layer.clock.advance(30_000);
        write(request, ': heartbeat\n\n');
      }
      TestBed.tick();
      backend.expectNone('/api/flags');

      request.flush('', { status: 503, statusText: 'Service Unavailable' });
      TestBed.tick();
      expect(store.streamLive()).toBeFalse();
      expect(channel.posted.at(-1)).toEqual({ type: 'stream', live: false, version: 1 });
      // The reconnects that follow bring nothing; the interval reload runs again meanwhile.
      layer.clock.advance(60_000);
      TestBed.tick();
      expect(backend.match('/api/flags').length).toBe(1);
    });

    it('reconnects with a full-jitter backoff that doubles up to a minute and starts over once a stream was stable', async () => {
      await setUp();
      await signIn(1);
      leadership.grant();
      const delays: number[] = [];
      for (let i = 0; i < 8; i++) {
        streamRequest().flush('', { status: 503, statusText: 'Service Unavailable' });
        const delay = layer.clock.requested.at(-1) ?? -1;
        delays.push(delay);
        layer.clock.advance(delay);
      }
      // random() is 0.5 in these tests: half of 1 s, 2 s, 4 s, … up to 60 s.
      expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);

      const request = streamRequest();
      write(request, flagsEvent(1));
      for (let waited = 0; waited < FLAG_STREAM_TIMING.stableMs; waited += 30_000) {
        layer.clock.advance(30_000);
        write(request, ': heartbeat\n\n');
      }
      request.flush(sent.get(request) ?? '');
      expect(layer.clock.requested.at(-1)).toBe(500);
    });

    it('spends no retry budget and opens no breaker, however often it reconnects', async () => {
      await setUp([{ provide: FLAGS_RELOAD_INTERVAL_MS, useValue: 24 * 60 * 60_000 }]);
      await signIn(1);
      leadership.grant();
      for (let i = 0; i < 30; i++) {
        streamRequest().flush('', { status: 503, statusText: 'Service Unavailable' });
        layer.clock.advance(layer.clock.requested.at(-1) ?? 0);
      }
      // An ordinary call after thirty failed streams is sent and retried as usual.
      void store.load();
      backend.expectOne('/api/flags').flush({}, { status: 503, statusText: 'Service Unavailable' });
      layer.clock.advance(10_000);
      await answerFlags(3);
      expect(store.version()).toBe(3);
    });

    it('reconnects a live stream that has been silent longer than the heartbeats allow', async () => {
      await setUp();
      await signIn(1);
      leadership.grant();
      const first = streamRequest();
      write(first, flagsEvent(1));
      layer.clock.advance(FLAG_STREAM_TIMING.silenceMs - 1);
      expect(first.cancelled).toBeFalse();
      layer.clock.advance(1);
      expect(first.cancelled).toBeTrue();
      layer.clock.advance(1_000);
      write(streamRequest(), flagsEvent(1));
    });

    it('reconnects a stream that has sent maxTextLength characters, to bound what the backend keeps', async () => {
      await setUp();
      await signIn(1);
      leadership.grant();
      const first = streamRequest();
      write(first, flagsEvent(1));
      const beat = ': heartbeat\n\n';
      // Twenty hours of heartbeats, one every 15 s, in steps the watchdog allows.
      while ((sent.get(first) ?? '').length + beat.length < FLAG_STREAM_TIMING.maxTextLength) {
        layer.clock.advance(15_000);
        write(first, beat);
      }
      expect(first.cancelled).toBeFalse();
      write(first, beat);
      expect(first.cancelled).toBeTrue();
      // A stable stream: the backoff starts over (half of 1 s with random() at 0.5).
      expect(layer.clock.requested.at(-1)).toBe(500);
      layer.clock.advance(500);
      write(streamRequest(), flagsEvent(1));
    });

    it('waits for the browser to come back online before reconnecting', async () => {
      await setUp();
      await signIn(1);
      leadership.grant();
      layer.network.goOffline();
      streamRequest().error(new ProgressEvent('error'));
      layer.clock.advance(60_000);
      expect(openStreams()).toEqual([]);
      layer.network.goOnline();
      streamRequest();
    });

    it('falls back to polling after three connections in a row bring no event (a buffering proxy)', async () => {
      const stream = await setUp([{ provide: FLAGS_RELOAD_INTERVAL_MS, useValue: 60_000 }]);
      await signIn(1);
      leadership.grant();
      let polls = 0;
      for (let minute = 0; minute < 10; minute++) {
        layer.clock.advance(60_000);
        for (const poll of backend.match('/api/flags')) {
          poll.flush({ version: 1, flags: {} });
          polls++;
        }
        await settle();
      }
      // Three streams were sent, and each was given up; the store polled once a minute.
      const streams = backend.match(STREAM);
      expect(streams.length).toBe(FLAG_STREAM_TIMING.silentConnectsToGiveUp);
      expect(streams.every((r) => r.cancelled)).toBeTrue();
      expect(polls).toBe(10);
      expect(stream.state()).toBe('unavailable');
      layer.clock.advance(10 * 60_000);
      expect(openStreams()).toEqual([]);
    });

    it('gives up on a 404 (a backend without the endpoint) and polls', async () => {
      const stream = await setUp();
      await signIn(1);
      leadership.grant();
      streamRequest().flush({ status: 404 }, { status: 404, statusText: 'Not Found' });
      layer.clock.advance(60 * 60_000);
      expect(openStreams()).toEqual([]);
      expect(stream.state()).toBe('unavailable');
    });

    it('closes the stream and steps down on sign-out, and opens a new one on the next sign-in', async () => {
      const stream = await setUp();
      await signIn(1);
      leadership.grant();
      const request = streamRequest();
      write(request, flagsEvent(1));
      TestBed.inject(SessionStore).signedOut();
      TestBed.tick();
      expect(request.cancelled).toBeTrue();
      expect(leadership.left).toBe(1);
      expect(stream.state()).toBe('off');
      layer.clock.advance(60 * 60_000);
      expect(openStreams()).toEqual([]);

      TestBed.inject(SessionStore).signedIn(DEMO, 'token2', 120_000, layer.clock.now());
      TestBed.tick();
      expect(leadership.joined).toBe(2);
    });
  });

  describe('in a following tab', () => {
    it('opens no stream, and reloads when the leader relays another version', async () => {
      const stream = await setUp([{ provide: FLAGS_RELOAD_INTERVAL_MS, useValue: 60_000 }]);
      await signIn(1);
      expect(channel.posted).toContain({ type: 'hello' });
      channel.deliver({ type: 'stream', live: true, version: 1 });
      expect(stream.state()).toBe('live');
      TestBed.tick();
      layer.clock.advance(10 * 60_000);
      TestBed.tick();
      backend.expectNone('/api/flags');
      expect(openStreams()).toEqual([]);

      channel.deliver({ type: 'stream', live: true, version: 2 });
      await answerFlags(2);
      expect(store.value('enable_new_ui')).toBeTrue();
    });

    it('polls while the leader says its stream is down', async () => {
      await setUp([{ provide: FLAGS_RELOAD_INTERVAL_MS, useValue: 60_000 }]);
      await signIn(1);
      channel.deliver({ type: 'stream', live: true, version: 1 });
      TestBed.tick();
      channel.deliver({ type: 'stream', live: false, version: 1 });
      TestBed.tick();
      layer.clock.advance(60_000);
      TestBed.tick();
      expect(backend.match('/api/flags').length).toBe(1);
    });

    it('takes over when the leading tab closes, and answers a new tab with its state', async () => {
      const stream = await setUp();
      await signIn(1);
      channel.deliver({ type: 'stream', live: true, version: 1 });
      expect(openStreams()).toEqual([]);
      // The leader's tab closed: the browser grants the lock to this one.
      leadership.grant();
      const request = streamRequest();
      write(request, flagsEvent(1));
      expect(stream.state()).toBe('live');
      channel.deliver({ type: 'hello' });
      expect(channel.posted.at(-1)).toEqual({ type: 'stream', live: true, version: 1 });
      // A message from another tab no longer moves this one: its own stream is what counts.
      channel.deliver({ type: 'stream', live: false, version: 7 });
      expect(stream.state()).toBe('live');
      backend.expectNone('/api/flags');
    });
  });

  it('without streaming in the browser joins no election and polls', async () => {
    const stream = await setUp([{ provide: FLAG_STREAM_SUPPORTED, useValue: false }]);
    await signIn(1);
    expect(leadership.joined).toBe(0);
    expect(stream.state()).toBe('unavailable');
    expect(openStreams()).toEqual([]);
  });

  it('believes only the messages it knows', () => {
    expect(isFlagTabMessage({ type: 'hello' })).toBeTrue();
    expect(isFlagTabMessage({ type: 'stream', live: true, version: 3 })).toBeTrue();
    expect(isFlagTabMessage({ type: 'stream', live: false, version: null })).toBeTrue();
    for (const bad of [
      null,
      'hello',
      { type: 'stream', live: 'yes', version: 1 },
      { type: 'stream', live: true, version: -1 },
      { type: 'stream', live: true, version: 1.5 },
      { type: 'stream', live: true },
      { type: 'flags', version: 1 },
    ])
      expect(isFlagTabMessage(bad)).withContext(JSON.stringify(bad)).toBeFalse();
  });
});
