import { TestBed } from '@angular/core/testing';
import { VERSION_REPORTER, consoleVersionReporter } from './version-reporter';
import { withNgDevMode } from '../spec-support/chain-test-bed';

describe('VERSION_REPORTER', () => {
  // provideObservability() replaces it with the Sentry reporter (provide-observability.spec.ts).
  it('defaults to the console reporter', () => {
    expect(TestBed.inject(VERSION_REPORTER)).toBe(consoleVersionReporter);
  });

  it('warns in dev mode that the app is too old, with the minimum the API named', () => {
    const warn = spyOn(console, 'warn');
    consoleVersionReporter.upgradeRequired({ appVersion: '1.0.0', minVersion: '2.1.0' });
    consoleVersionReporter.upgradeRequired({ appVersion: '1.0.0', minVersion: null });
    expect(warn.calls.allArgs()).toEqual([
      ['[version] 1.0.0 is too old for the API (minimum 2.1.0)'],
      ['[version] 1.0.0 is too old for the API (minimum ?)'],
    ]);
  });

  it('warns in dev mode that the app is deprecated, with its sunset or without one', () => {
    const warn = spyOn(console, 'warn');
    const sunsetAt = Date.UTC(2027, 0, 31);
    consoleVersionReporter.deprecated({ appVersion: '1.0.0', deprecatedAt: 1, sunsetAt });
    consoleVersionReporter.deprecated({ appVersion: '1.0.0', deprecatedAt: 1, sunsetAt: null });
    expect(warn.calls.allArgs()).toEqual([
      ['[version] 1.0.0 is deprecated (sunset: 2027-01-31T00:00:00.000Z)'],
      ['[version] 1.0.0 is deprecated (sunset: no sunset announced)'],
    ]);
  });

  it('says nothing in production', () => {
    const warn = spyOn(console, 'warn');
    withNgDevMode(false, () => {
      consoleVersionReporter.upgradeRequired({ appVersion: '1.0.0', minVersion: '2.1.0' });
      consoleVersionReporter.deprecated({ appVersion: '1.0.0', deprecatedAt: 1, sunsetAt: null });
    });
    expect(warn).not.toHaveBeenCalled();
  });
});
