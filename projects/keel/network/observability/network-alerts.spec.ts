import { TestBed } from '@angular/core/testing';
import { NETWORK_CLOCK, type NetworkCallRecord } from '@keel/network';
import { FakeNetworkClock } from '@keel/network/testing';
import {
  NETWORK_ALERTS,
  NetworkAlerts,
  dueAlerts,
  type NetworkAlertOptions,
} from './network-alerts';
import { NetworkMetricsStore } from './network-metrics-store';
import { SENTRY_CLIENT } from './sentry-client';

const OPTIONS: NetworkAlertOptions = {
  unauthorizedPerMinute: 20,
  failureRate: 0.25,
  throttleMs: 300_000,
};
const T0 = 1_000_000;

describe('network alerts', () => {
  describe('dueAlerts', () => {
    it('fires the 401 spike above 20 in a minute, not at 20', () => {
      expect(
        dueAlerts({ unauthorizedLastMinute: 20, failureRate: 0, windowSize: 0 }, {}, T0, OPTIONS),
      ).toEqual([]);
      expect(
        dueAlerts({ unauthorizedLastMinute: 21, failureRate: 0, windowSize: 0 }, {}, T0, OPTIONS),
      ).toEqual(['401-spike']);
    });

    it('fires the failure rate above 25 % only over a full window of 50 calls', () => {
      expect(
        dueAlerts({ unauthorizedLastMinute: 0, failureRate: 0.5, windowSize: 49 }, {}, T0, OPTIONS),
      ).toEqual([]);
      expect(
        dueAlerts(
          { unauthorizedLastMinute: 0, failureRate: 0.25, windowSize: 50 },
          {},
          T0,
          OPTIONS,
        ),
      ).toEqual([]);
      expect(
        dueAlerts(
          { unauthorizedLastMinute: 0, failureRate: 0.26, windowSize: 50 },
          {},
          T0,
          OPTIONS,
        ),
      ).toEqual(['failure-rate']);
    });

    it('stays quiet within the throttle window after sending', () => {
      const figures = { unauthorizedLastMinute: 30, failureRate: 0.9, windowSize: 50 };
      const sent = { '401-spike': T0, 'failure-rate': T0 };
      expect(dueAlerts(figures, sent, T0 + 299_999, OPTIONS)).toEqual([]);
      expect(dueAlerts(figures, sent, T0 + 300_000, OPTIONS)).toEqual([
        '401-spike',
        'failure-rate',
      ]);
    });
  });

  describe('NetworkAlerts', () => {
    let messages: string[];
    let clock: FakeNetworkClock;

    beforeEach(() => {
      messages = [];
      clock = new FakeNetworkClock(T0);
      TestBed.configureTestingModule({
        providers: [
          { provide: NETWORK_CLOCK, useValue: clock },
          { provide: NETWORK_ALERTS, useValue: OPTIONS },
          {
            provide: SENTRY_CLIENT,
            useValue: {
              captureMessage: (m: string) => messages.push(m),
              captureException: () => undefined,
              addBreadcrumb: () => undefined,
            },
          },
        ],
      });
    });

    it('sends one message for a failure-rate spike, however many more failures follow', () => {
      const alerts = TestBed.inject(NetworkAlerts);
      const metrics = TestBed.inject(NetworkMetricsStore);
      for (let i = 0; i < 80; i++) {
        metrics.record(call(i % 2 === 0 ? 'error' : 'ok'));
        alerts.check();
      }
      expect(messages).toEqual(['Failure rate 50 % over the last 50 calls']);
    });

    it('sends a 401 spike message once per throttle window', () => {
      const alerts = TestBed.inject(NetworkAlerts);
      const metrics = TestBed.inject(NetworkMetricsStore);
      for (let i = 0; i < 25; i++) metrics.record(call('ok', 401));
      alerts.check();
      alerts.check();
      expect(messages).toEqual(['Spike of 401s: 25 in the last minute']);
    });
  });
});

function call(outcome: 'ok' | 'error', firstStatus = 200): NetworkCallRecord {
  const status = outcome === 'ok' ? 200 : 503;
  return {
    requestId: 'r',
    method: 'GET',
    url: '/api/x',
    startedAt: T0,
    durationMs: 5,
    status,
    outcome,
    ...(outcome === 'error' ? { errorKind: 'server' as const } : {}),
    background: false,
    attempts: [
      { n: 1, replay: false, startedAt: T0, durationMs: 2, status: firstStatus },
      ...(firstStatus === 401
        ? [{ n: 1, replay: true, startedAt: T0, durationMs: 2, status }]
        : []),
    ],
    waits: [],
  };
}
