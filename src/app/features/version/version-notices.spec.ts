import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiVersionSignals, VERSION_REPORTER, type VersionReporter } from '@keel/network';
import { collect, networkLayerTesting, type NetworkLayerTesting } from '@keel/network/testing';
import { MemoryStorage } from '@keel/network/testing';
import { VERSION_NOTICE_STORAGE, VersionNotices } from './version-notices';

const SUNSET = 'Tue, 15 Jan 2030 00:00:00 GMT';

describe('VersionNotices', () => {
  let layer: NetworkLayerTesting;
  let session: MemoryStorage;
  let reporter: jasmine.SpyObj<VersionReporter>;

  /** A fresh page load in the same browser session (the same sessionStorage). */
  function load(): VersionNotices {
    TestBed.resetTestingModule();
    layer = networkLayerTesting({ appVersion: '0.1.0' });
    reporter = jasmine.createSpyObj<VersionReporter>('VersionReporter', [
      'upgradeRequired',
      'deprecated',
    ]);
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        { provide: VERSION_NOTICE_STORAGE, useValue: session },
        { provide: VERSION_REPORTER, useValue: reporter },
      ],
    });
    return TestBed.inject(VersionNotices);
  }

  /** A GET that the API answers with 426. */
  function tooOld(url: string): void {
    const call = collect(TestBed.inject(HttpClient).get(url));
    TestBed.inject(HttpTestingController).expectOne(url).flush(
      {
        type: '/problems/upgrade-required',
        title: 'Upgrade required',
        status: 426,
        minVersion: '9.0.0',
      },
      { status: 426, statusText: 'Upgrade Required' },
    );
    expect(call.error?.kind).toBe('upgrade-required');
    TestBed.tick();
  }

  function deprecated(): void {
    TestBed.inject(ApiVersionSignals).observeDeprecation('@1893456000', SUNSET, null);
    TestBed.tick();
  }

  beforeEach(() => (session = new MemoryStorage()));

  describe('426', () => {
    it('stops retrying every later call', () => {
      load();
      tooOld('/api/orders');
      const later = collect(TestBed.inject(HttpClient).get('/api/customers'));
      TestBed.inject(HttpTestingController)
        .expectOne('/api/customers')
        .flush(null, { status: 503, statusText: 'Service Unavailable' });
      layer.clock.advance(10_000);
      TestBed.inject(HttpTestingController).expectNone('/api/customers');
      expect(later.error?.attempts).toBe(1);
    });

    it('makes the update required with the minimum version', () => {
      const notices = load();
      tooOld('/api/orders');
      expect(notices.upgradeRequired()).toEqual({ minVersion: '9.0.0' });
    });

    it('reports the first 426 with the app version and the minimum version', () => {
      load();
      tooOld('/api/orders');
      expect(reporter.upgradeRequired).toHaveBeenCalledOnceWith({
        appVersion: '0.1.0',
        minVersion: '9.0.0',
      });
    });

    it('reports once however many calls get 426', () => {
      load();
      tooOld('/api/orders');
      tooOld('/api/customers');
      expect(reporter.upgradeRequired).toHaveBeenCalledTimes(1);
    });
  });

  describe('deprecation', () => {
    it('shows the notice with its sunset', () => {
      const notices = load();
      deprecated();
      expect(notices.deprecation()?.sunsetAt).toBe(Date.UTC(2030, 0, 15));
    });

    it('reports the deprecation with its dates', () => {
      load();
      deprecated();
      expect(reporter.deprecated).toHaveBeenCalledOnceWith({
        appVersion: '0.1.0',
        deprecatedAt: 1_893_456_000_000,
        sunsetAt: Date.UTC(2030, 0, 15),
      });
    });

    it('does not report it again on a later page load of the same session', () => {
      load();
      deprecated();
      load();
      deprecated();
      expect(reporter.deprecated).not.toHaveBeenCalled();
    });

    it('reports it again in a new browser session', () => {
      load();
      deprecated();
      session = new MemoryStorage();
      load();
      deprecated();
      expect(reporter.deprecated).toHaveBeenCalledTimes(1);
    });

    it('hides the notice once dismissed', () => {
      const notices = load();
      deprecated();
      notices.dismissDeprecation();
      expect(notices.deprecation()).toBeNull();
    });

    it('keeps the notice hidden on a later page load of the same session', () => {
      load().dismissDeprecation();
      const notices = load();
      deprecated();
      expect(notices.deprecation()).toBeNull();
    });

    it('still works when session storage is unavailable', () => {
      session = null as unknown as MemoryStorage;
      const notices = load();
      deprecated();
      notices.dismissDeprecation();
      expect(notices.deprecation()).toBeNull();
    });
  });
});
