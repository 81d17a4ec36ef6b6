import { FLAG_DEFINITIONS } from './flag-registry';
import { HttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import type { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { SessionStore } from '@keel/network/session';
import { BACKGROUND } from '@keel/network';
import {
  collect,
  networkLayerTesting,
  settle,
  type NetworkLayerTesting,
} from '@keel/network/testing';
import { FeatureFlagsStore } from './feature-flags-store';
import {
  FLAGS_READY_TIMEOUT_MS,
  FLAGS_RELOAD_INTERVAL_MS,
  FLAG_STORAGE,
  TAB_VISIBLE,
} from './feature-flags-options';
import { writeCachedFlags } from './flag-cache';
import { FLAG_REPORTER, type FlagIssue } from './flag-reporter';
import { MemoryStorage } from '@keel/network/testing';
import { TEST_FLAGS } from '../spec-support/test-flags';

const DEMO = { id: 'usr_demo', email: 'demo@keel.dev', name: 'Demo User', roles: ['user'] };

describe('FeatureFlagsStore', () => {
  let layer: NetworkLayerTesting;
  let backend: HttpTestingController;
  let storage: MemoryStorage;
  let tabVisible: Subject<void>;
  let reports: FlagIssue[];

  function setUp(extra: Provider[] = []): InstanceType<typeof FeatureFlagsStore> {
    layer = networkLayerTesting();
    tabVisible = new Subject<void>();
    reports = [];
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        { provide: FLAG_DEFINITIONS, useValue: TEST_FLAGS },
        { provide: FLAG_STORAGE, useValue: storage },
        { provide: TAB_VISIBLE, useValue: tabVisible },
        { provide: FLAG_REPORTER, useValue: { report: (issue: FlagIssue) => reports.push(issue) } },
        ...extra,
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    return TestBed.inject(FeatureFlagsStore);
  }

  function signIn(): void {
    TestBed.inject(SessionStore).signedIn(DEMO, 'token', 120_000, layer.clock.now());
    TestBed.tick();
  }

  function signOut(): void {
    TestBed.inject(SessionStore).signedOut();
    TestBed.tick();
  }

  /** The one flags request in flight (an expectation, so every spec counts it). */
  function expectFlags(): TestRequest {
    const requests = backend.match('/api/flags');
    expect(requests.length).withContext('GET /api/flags requests in flight').toBe(1);
    return requests[0];
  }

  function expectNoFlagsRequest(): void {
    expect(backend.match('/api/flags').length).withContext('GET /api/flags requests').toBe(0);
  }

  /** Answers a flags request and lets the store apply it. */
  async function answer(
    request: TestRequest,
    flags: Record<string, unknown>,
    version = 1,
    etag = `"${version}-abc"`,
  ): Promise<void> {
    request.flush(
      { version, flags },
      { headers: { ETag: etag, 'X-Flags-Version': String(version) } },
    );
    await settle();
    TestBed.tick();
  }

  /** Fails every attempt of a flags request with 503, waiting out the backoffs. */
  async function failAllAttempts(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      expectFlags().flush({ status: 503 }, { status: 503, statusText: 'Service Unavailable' });
      layer.clock.advance(10_000);
    }
    await settle();
    TestBed.tick();
  }

  beforeEach(() => (storage = new MemoryStorage()));
  afterEach(() => backend.verify());

  describe('start', () => {
    it('starts from the defaults and is not ready when nothing is cached', () => {
      const store = setUp();
      expect(store.source()).toBe('defaults');
      expect(store.value('enable_new_ui')).toBeFalse();
      expect(store.ready()).toBeFalse();
    });

    it('starts ready with the last-known-good values from storage', () => {
      writeCachedFlags(storage, { enable_new_ui: true });
      const store = setUp();
      expect(store.source()).toBe('cache');
      expect(store.value('enable_new_ui')).toBeTrue();
      expect(store.ready()).toBeTrue();
    });

    it('drops cached values that no longer fit the registry, without reporting them', () => {
      storage.setItem(
        'keel.flags.v1',
        JSON.stringify({ retired_flag: true, orders_page_size: 'x' }),
      );
      const store = setUp();
      expect(store.value('orders_page_size')).toBe(20);
      expect(reports).toEqual([]);
    });

    it('ignores a cache entry that is not JSON', () => {
      storage.setItem('keel.flags.v1', '{broken');
      const store = setUp();
      expect(store.source()).toBe('defaults');
    });

    it('loads nothing while signed out', () => {
      setUp();
      TestBed.tick();
      expectNoFlagsRequest();
    });
  });

  describe('load', () => {
    it('loads the flags when the session becomes signed in', async () => {
      const store = setUp();
      signIn();
      await answer(expectFlags(), { enable_new_ui: true, orders_page_size: 50 }, 4);
      expect(store.value('enable_new_ui')).toBeTrue();
      expect(store.value('orders_page_size')).toBe(50);
      expect(store.source()).toBe('server');
      expect(store.version()).toBe(4);
    });

    it('sends the load in the same call that signs the session in, not at the next change detection', () => {
      setUp();
      TestBed.inject(SessionStore).signedIn(DEMO, 'token', 120_000, layer.clock.now());
      expectFlags().flush({ version: 1, flags: {} });
    });

    it('loads as a background call', () => {
      setUp();
      signIn();
      const request = expectFlags();
      expect(request.request.context.get(BACKGROUND)).toBeTrue();
      request.flush({ version: 1, flags: {} });
    });

    it('gives flags the server did not send their default', async () => {
      const store = setUp();
      signIn();
      await answer(expectFlags(), { enable_new_ui: true });
      expect(store.value('dashboard_refresh_seconds')).toBe(60);
    });

    it('keeps the loaded values in storage for the next page load', async () => {
      setUp();
      signIn();
      await answer(expectFlags(), { enable_new_ui: true });
      expect(JSON.parse(storage.getItem('keel.flags.v1') ?? 'null')).toEqual({
        enable_new_ui: true,
      });
    });

    it('sends one request when several loads are asked for at once', async () => {
      const store = setUp();
      signIn();
      void store.load();
      void store.load();
      await answer(expectFlags(), {});
    });

    it('takes the version from X-Flags-Version when the body has none', async () => {
      const store = setUp();
      signIn();
      expectFlags().flush({ flags: {} }, { headers: { 'X-Flags-Version': '7' } });
      await settle();
      expect(store.version()).toBe(7);
    });
  });

  describe('ETag', () => {
    it('sends no If-None-Match on the first load', () => {
      setUp();
      signIn();
      const request = expectFlags();
      expect(request.request.headers.has('If-None-Match')).toBeFalse();
      request.flush({ version: 1, flags: {} });
    });

    it('sends the ETag of the last load as If-None-Match', async () => {
      const store = setUp();
      signIn();
      await answer(expectFlags(), {}, 1, '"1-abc"');
      void store.load();
      const request = expectFlags();
      expect(request.request.headers.get('If-None-Match')).toBe('"1-abc"');
      request.flush({ version: 1, flags: {} });
    });

    it('keeps the values when the server answers 304', async () => {
      const store = setUp();
      signIn();
      await answer(expectFlags(), { enable_new_ui: true });
      const reload = store.load();
      expectFlags().flush(null, { status: 304, statusText: 'Not Modified' });
      await reload;
      expect(store.value('enable_new_ui')).toBeTrue();
      expect(store.source()).toBe('server');
    });
  });

  describe('failures', () => {
    it('keeps the cached values when the load fails', async () => {
      writeCachedFlags(storage, { enable_new_ui: true });
      const store = setUp();
      signIn();
      await failAllAttempts();
      expect(store.value('enable_new_ui')).toBeTrue();
      expect(store.source()).toBe('cache');
    });

    it('keeps the loaded values when a later load fails', async () => {
      const store = setUp();
      signIn();
      await answer(expectFlags(), { enable_new_ui: true });
      void store.load();
      await failAllAttempts();
      expect(store.value('enable_new_ui')).toBeTrue();
    });

    it('becomes ready with the defaults when the first load fails and nothing is cached', async () => {
      const store = setUp();
      signIn();
      await failAllAttempts();
      expect(store.ready()).toBeTrue();
      expect(store.source()).toBe('defaults');
    });

    it('never rejects load() when the call fails', async () => {
      const store = setUp();
      signIn();
      const load = store.load();
      await failAllAttempts();
      await expectAsync(load).toBeResolved();
    });

    it('loads nothing once the API answered 426', async () => {
      const store = setUp();
      const call = collect(TestBed.inject(HttpClient).get('/api/orders'));
      backend
        .expectOne('/api/orders')
        .flush({ minVersion: '9.0.0' }, { status: 426, statusText: 'Upgrade Required' });
      expect(call.error?.kind).toBe('upgrade-required');
      await store.load();
      expectNoFlagsRequest();
    });
  });

  describe('reported issues', () => {
    it('falls back to the default for a value of the wrong type and reports it', async () => {
      const store = setUp();
      signIn();
      await answer(expectFlags(), { enable_new_ui: 'yes', orders_page_size: 50 });
      expect(store.value('enable_new_ui')).toBeFalse();
      expect(store.value('orders_page_size')).toBe(50);
      expect(reports).toEqual([
        { kind: 'wrong-type', name: 'enable_new_ui', expected: 'boolean', received: 'string' },
      ]);
    });

    it('ignores an unknown flag and reports it', async () => {
      const store = setUp();
      signIn();
      await answer(expectFlags(), { enable_time_travel: true, enable_new_ui: true });
      expect(store.value('enable_new_ui')).toBeTrue();
      expect(reports).toEqual([{ kind: 'unknown-flag', name: 'enable_time_travel' }]);
    });

    it('reports each issue once however often it comes back', async () => {
      const store = setUp();
      signIn();
      await answer(expectFlags(), { enable_time_travel: true });
      void store.load();
      await answer(expectFlags(), { enable_time_travel: true });
      expect(reports.length).toBe(1);
    });

    it('keeps the values and reports a body without a flags object', async () => {
      writeCachedFlags(storage, { enable_new_ui: true });
      const store = setUp();
      signIn();
      expectFlags().flush({ version: 2, flags: ['enable_new_ui'] });
      await settle();
      expect(store.value('enable_new_ui')).toBeTrue();
      expect(reports).toEqual([{ kind: 'malformed-response' }]);
    });

    it('never throws on a body that is not an object', async () => {
      const store = setUp();
      signIn();
      expectFlags().flush('flags');
      await settle();
      expect(store.ready()).toBeTrue();
    });
  });

  describe('reloads', () => {
    async function loadedAt(version: number): Promise<InstanceType<typeof FeatureFlagsStore>> {
      const store = setUp();
      signIn();
      await answer(expectFlags(), {}, version);
      return store;
    }

    /** Another API call whose response says which flags version the server is at. */
    function responseWithFlagsVersion(version: number): void {
      collect(TestBed.inject(HttpClient).get('/api/orders'));
      backend
        .expectOne('/api/orders')
        .flush({ items: [] }, { headers: { 'X-Flags-Version': String(version) } });
      TestBed.tick();
    }

    it('reloads when X-Flags-Version on another response moves ahead of the loaded version', async () => {
      const store = await loadedAt(3);
      responseWithFlagsVersion(4);
      await answer(expectFlags(), { enable_new_ui: true }, 4);
      expect(store.value('enable_new_ui')).toBeTrue();
      expect(store.version()).toBe(4);
    });

    it('does not reload for the flags version it already has', async () => {
      await loadedAt(3);
      responseWithFlagsVersion(3);
      expectNoFlagsRequest();
    });

    it('does not reload on X-Flags-Version while signed out', async () => {
      await loadedAt(3);
      signOut();
      responseWithFlagsVersion(4);
      expectNoFlagsRequest();
    });

    it('reloads every 5 minutes by default while signed in', async () => {
      await loadedAt(1);
      layer.clock.advance(5 * 60_000 - 1);
      expectNoFlagsRequest();
      layer.clock.advance(1);
      await answer(expectFlags(), {}, 1);
      layer.clock.advance(5 * 60_000);
      await answer(expectFlags(), {}, 1);
    });

    it('waits FLAGS_RELOAD_INTERVAL_MS between reloads', async () => {
      setUp([{ provide: FLAGS_RELOAD_INTERVAL_MS, useValue: 60_000 }]);
      signIn();
      await answer(expectFlags(), {});
      layer.clock.advance(60_000);
      await answer(expectFlags(), {});
    });

    it('stops reloading on the interval once signed out, and keeps the values', async () => {
      const store = setUp();
      signIn();
      await answer(expectFlags(), { enable_new_ui: true });
      signOut();
      layer.clock.advance(10 * 60_000);
      expectNoFlagsRequest();
      expect(store.value('enable_new_ui')).toBeTrue();
    });

    it('reloads when the tab becomes visible again', async () => {
      await loadedAt(1);
      tabVisible.next();
      await answer(expectFlags(), {}, 1);
    });

    it('does not reload on visibility while signed out', async () => {
      await loadedAt(1);
      signOut();
      tabVisible.next();
      expectNoFlagsRequest();
    });
  });

  describe('whenReady', () => {
    it('resolves at once when values are cached', async () => {
      writeCachedFlags(storage, {});
      const store = setUp();
      await expectAsync(store.whenReady()).toBeResolved();
      expect(layer.clock.pendingCount).toBe(0);
    });

    it('resolves when the first load arrives', async () => {
      const store = setUp();
      const ready = store.whenReady();
      signIn();
      await answer(expectFlags(), { enable_new_ui: true });
      await expectAsync(ready).toBeResolved();
      expect(store.value('enable_new_ui')).toBeTrue();
    });

    it('resolves with the defaults once FLAGS_READY_TIMEOUT_MS has passed', async () => {
      const store = setUp([{ provide: FLAGS_READY_TIMEOUT_MS, useValue: 3_000 }]);
      const ready = store.whenReady();
      layer.clock.advance(2_999);
      await expectAsync(ready).toBePending();
      layer.clock.advance(1);
      await expectAsync(ready).toBeResolved();
      expect(store.source()).toBe('defaults');
    });

    it('takes the loaded values when they arrive after the wait ran out', async () => {
      const store = setUp();
      void store.whenReady();
      layer.clock.advance(3_000);
      signIn();
      await answer(expectFlags(), { enable_new_ui: true });
      expect(store.value('enable_new_ui')).toBeTrue();
    });
  });
});
