import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  DECODE_REPORTER,
  consoleDecodeReporter,
  AppError,
  NETWORK_ERROR_REPORTER,
  VERSION_REPORTER,
  consoleVersionReporter,
} from '@keel/network';
import { FLAG_REPORTER, consoleFlagReporter } from '@keel/network/flags';
import { NetworkMetricsStore } from './network-metrics-store';
import { provideObservability } from './provide-observability';
import { SENTRY_CLIENT, type SentryClient } from './sentry-client';
import { SentryNetworkReporter } from './sentry-network-reporter';

describe('provideObservability', () => {
  let sent: string[];

  beforeEach(() => {
    spyOn(console, 'warn'); // the dev-mode console lines the reporters also write
    sent = [];
    const client: SentryClient = {
      captureException: (error) => sent.push(`exception: ${(error as AppError).kind}`),
      captureMessage: (message) => sent.push(`message: ${message}`),
      addBreadcrumb: ({ category }) => sent.push(`breadcrumb: ${category}`),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideObservability(),
        { provide: SENTRY_CLIENT, useValue: client },
      ],
    });
  });

  it('leaves the console defaults in place without it', () => {
    TestBed.resetTestingModule();
    expect(TestBed.inject(DECODE_REPORTER)).toBe(consoleDecodeReporter);
    expect(TestBed.inject(FLAG_REPORTER)).toBe(consoleFlagReporter);
    expect(TestBed.inject(VERSION_REPORTER)).toBe(consoleVersionReporter);
  });

  it('counts decode repairs and leaves a breadcrumb', () => {
    TestBed.inject(DECODE_REPORTER).repaired({
      what: 'order',
      repairs: [{ path: 'notes', action: 'defaulted', reason: 'null' }],
    });
    expect(TestBed.inject(NetworkMetricsStore).decodeRepairs()).toBe(1);
    expect(sent).toEqual(['breadcrumb: decode']);
  });

  it('counts flag issues and leaves a breadcrumb', () => {
    TestBed.inject(FLAG_REPORTER).report({ kind: 'malformed-response' });
    expect(TestBed.inject(NetworkMetricsStore).flagIssues()).toBe(1);
    expect(sent).toEqual(['breadcrumb: flags']);
  });

  it('sends version trouble to Sentry as a message', () => {
    TestBed.inject(VERSION_REPORTER).upgradeRequired({ appVersion: '0.1.0', minVersion: '2.0.0' });
    expect(sent).toEqual(["message: Update required: app 0.1.0 is below the API's minimum 2.0.0"]);
  });

  it('sends failed calls to Sentry through SentryNetworkReporter', () => {
    const reporter = TestBed.inject(NETWORK_ERROR_REPORTER);
    expect(reporter).toBe(TestBed.inject(SentryNetworkReporter));
    reporter.report(new AppError({ kind: 'server', status: 500 }), {
      method: 'GET',
      url: '/api/orders',
    });
    expect(sent).toEqual(['exception: server']);
  });
});
