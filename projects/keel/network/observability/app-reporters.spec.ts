import { TestBed } from '@angular/core/testing';
import { metricDecodeReporter, metricFlagReporter, sentryVersionReporter } from './app-reporters';
import { NetworkMetricsStore } from './network-metrics-store';
import { SENTRY_CLIENT, type SentryClient } from './sentry-client';

describe('app reporters', () => {
  let breadcrumbs: string[];
  let messages: string[];

  beforeEach(() => {
    breadcrumbs = [];
    messages = [];
    const client: SentryClient = {
      captureException: () => undefined,
      captureMessage: (message) => messages.push(message),
      addBreadcrumb: ({ category, message }) => breadcrumbs.push(`${category}: ${message}`),
    };
    TestBed.configureTestingModule({ providers: [{ provide: SENTRY_CLIENT, useValue: client }] });
  });

  it('counts decode repairs and leaves one breadcrumb per repaired payload', () => {
    const reporter = TestBed.runInInjectionContext(metricDecodeReporter);
    reporter.repaired({
      what: 'orders page',
      repairs: [
        { path: 'items[2]', action: 'dropped', reason: 'no id' },
        { path: 'items[0].notes', action: 'defaulted', reason: 'null' },
      ],
    });
    expect(TestBed.inject(NetworkMetricsStore).decodeRepairs()).toBe(2);
    expect(breadcrumbs).toEqual(['decode: orders page: 2 repair(s)']);
  });

  it('counts flag issues and leaves a breadcrumb', () => {
    const reporter = TestBed.runInInjectionContext(metricFlagReporter);
    reporter.report({ kind: 'unknown-flag', name: 'enable_teleport' });
    expect(TestBed.inject(NetworkMetricsStore).flagIssues()).toBe(1);
    expect(breadcrumbs).toEqual(['flags: flag issue: unknown-flag']);
  });

  it('sends "update required" and "deprecated" as Sentry messages', () => {
    const reporter = TestBed.runInInjectionContext(sentryVersionReporter);
    reporter.upgradeRequired({ appVersion: '0.1.0', minVersion: '9.0.0' });
    reporter.deprecated({
      appVersion: '0.1.0',
      deprecatedAt: null,
      sunsetAt: Date.UTC(2027, 0, 31),
    });
    expect(messages).toEqual([
      "Update required: app 0.1.0 is below the API's minimum 9.0.0",
      'App 0.1.0 is deprecated by the API, sunset 2027-01-31',
    ]);
  });
});
