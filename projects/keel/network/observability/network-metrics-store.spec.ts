import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import {
  ACCESS_TOKEN_SOURCE,
  NETWORK_CALL_SINK,
  NETWORK_CLOCK,
  type NetworkCallRecord,
} from '@keel/network';
import { FakeNetworkClock, collect, networkLayerTesting } from '@keel/network/testing';
import { AUTH_ENDPOINTS, DEFAULT_AUTH_ENDPOINTS } from '@keel/network/session';
import { NetworkMetricsStore } from './network-metrics-store';

describe('NetworkMetricsStore', () => {
  let clock: FakeNetworkClock;
  let store: InstanceType<typeof NetworkMetricsStore>;

  beforeEach(() => {
    clock = new FakeNetworkClock(1_000_000);
    TestBed.configureTestingModule({ providers: [{ provide: NETWORK_CLOCK, useValue: clock }] });
    store = TestBed.inject(NetworkMetricsStore);
  });

  it('counts calls, failures by kind and retries', () => {
    store.record(record({ outcome: 'ok', attempts: 2 }));
    store.record(record({ outcome: 'error', kind: 'server', attempts: 3 }));
    store.record(record({ outcome: 'error', kind: 'timeout', attempts: 1 }));
    expect(store.total()).toBe(3);
    expect(store.failures()).toBe(2);
    expect(store.failuresByKind()).toEqual({ server: 1, timeout: 1 });
    expect(store.retries()).toBe(3);
  });

  it('takes the failure rate over the last 50 calls only', () => {
    for (let i = 0; i < 50; i++) store.record(record({ outcome: 'error', kind: 'server' }));
    expect(store.failureRate()).toBe(1);
    for (let i = 0; i < 25; i++) store.record(record({ outcome: 'ok' }));
    expect(store.failureRate()).toBe(0.5);
  });

  it('leaves aborted calls out of the failure rate', () => {
    store.record(record({ outcome: 'ok' }));
    store.record(record({ outcome: 'aborted' }));
    expect(store.failureRate()).toBe(0);
    expect(store.window().length).toBe(1);
  });

  it('counts 401s within the last minute and forgets older ones', () => {
    store.record(record({ outcome: 'error', kind: 'unauthorized', statuses: [401] }));
    expect(store.unauthorizedLastMinute()).toBe(1);
    clock.advance(60_000);
    store.tick();
    expect(store.unauthorizedLastMinute()).toBe(0);
  });

  it('counts successful token refreshes', () => {
    store.record(record({ outcome: 'ok', method: 'POST', url: '/api/auth/refresh' }));
    store.record(
      record({ outcome: 'error', kind: 'unauthorized', method: 'POST', url: '/api/auth/refresh' }),
    );
    expect(store.refreshes()).toBe(1);
  });

  it('counts a refresh by its path, with a query or a full URL', () => {
    store.record(record({ outcome: 'ok', method: 'POST', url: '/api/auth/refresh?x=1' }));
    store.record(record({ outcome: 'ok', method: 'POST', url: 'https://a.test/api/auth/refresh' }));
    store.record(record({ outcome: 'ok', method: 'POST', url: '/api/auth/refresh-all' }));
    store.record(record({ outcome: 'ok', method: 'GET', url: '/api/auth/refresh' }));
    expect(store.refreshes()).toBe(2);
  });

  it('keeps the last 200 calls, newest last', () => {
    for (let i = 0; i < 205; i++) store.record(record({ outcome: 'ok', url: `/api/x/${i}` }));
    expect(store.recent().length).toBe(200);
    expect(store.recent()[0].url).toBe('/api/x/5');
    expect(store.recent().at(-1)?.url).toBe('/api/x/204');
  });
});

describe('NetworkMetricsStore fed by the network layer', () => {
  it('counts a 401 that a refresh and replay saved, and does not count the replay as a retry', () => {
    const layer = networkLayerTesting();
    let token = 'old';
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        {
          provide: NETWORK_CALL_SINK,
          useFactory: () => {
            const metrics = TestBed.inject(NetworkMetricsStore);
            return { record: (r: NetworkCallRecord) => metrics.record(r) };
          },
        },
        {
          provide: ACCESS_TOKEN_SOURCE,
          useValue: { current: () => token, refreshAfter: () => of((token = 'new')) },
        },
      ],
    });
    const metrics = TestBed.inject(NetworkMetricsStore);
    const backend = TestBed.inject(HttpTestingController);
    const call = collect(TestBed.inject(HttpClient).get('/api/orders'));
    backend.expectOne('/api/orders').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/orders').flush({ items: [] });
    expect(call.value).toEqual({ items: [] });
    expect(metrics.unauthorizedLastMinute()).toBe(1);
    expect(metrics.retries()).toBe(0);
    expect(metrics.recent()[0].attempts.map((a) => [a.status, a.replay])).toEqual([
      [401, false],
      [200, true],
    ]);
    backend.verify();
  });
});

describe('NetworkMetricsStore with a session on another backend', () => {
  it('counts refreshes at the refresh endpoint the session names', () => {
    TestBed.configureTestingModule({
      providers: [
        { provide: NETWORK_CLOCK, useValue: new FakeNetworkClock(1_000_000) },
        {
          provide: AUTH_ENDPOINTS,
          useValue: { ...DEFAULT_AUTH_ENDPOINTS, refresh: '/auth/v2/token' },
        },
      ],
    });
    const store = TestBed.inject(NetworkMetricsStore);
    store.record(record({ outcome: 'ok', method: 'POST', url: '/auth/v2/token' }));
    store.record(record({ outcome: 'ok', method: 'POST', url: '/api/auth/refresh' }));
    expect(store.refreshes()).toBe(1);
  });
});

function record(options: {
  outcome: NetworkCallRecord['outcome'];
  kind?: NetworkCallRecord['errorKind'];
  attempts?: number;
  statuses?: number[];
  method?: string;
  url?: string;
}): NetworkCallRecord {
  const statuses =
    options.statuses ??
    Array.from({ length: options.attempts ?? 1 }, () => (options.outcome === 'ok' ? 200 : 503));
  return {
    requestId: 'r',
    method: options.method ?? 'GET',
    url: options.url ?? '/api/x',
    startedAt: 0,
    durationMs: 1,
    status: statuses.at(-1) ?? 0,
    outcome: options.outcome,
    ...(options.kind ? { errorKind: options.kind } : {}),
    background: false,
    attempts: statuses.map((status, i) => ({
      n: i + 1,
      replay: false,
      startedAt: 0,
      durationMs: 1,
      status,
    })),
    waits: [],
  };
}
