import { TestBed } from '@angular/core/testing';
import { ApiVersionSignals } from './api-version-signals';

describe('ApiVersionSignals', () => {
  let signals: ApiVersionSignals;

  beforeEach(() => {
    signals = TestBed.inject(ApiVersionSignals);
  });

  describe('flags version', () => {
    it('starts unknown', () => {
      expect(signals.flagsVersion()).toBeNull();
    });

    it('takes the first version it sees', () => {
      signals.observeFlagsVersion('3');
      expect(signals.flagsVersion()).toBe(3);
    });

    it('moves up to a higher version', () => {
      signals.observeFlagsVersion('3');
      signals.observeFlagsVersion('4');
      expect(signals.flagsVersion()).toBe(4);
    });

    it('never moves down', () => {
      signals.observeFlagsVersion('5');
      signals.observeFlagsVersion('2');
      expect(signals.flagsVersion()).toBe(5);
    });

    it('accepts version 0 as the first version', () => {
      signals.observeFlagsVersion('0');
      expect(signals.flagsVersion()).toBe(0);
    });

    it('ignores a fractional version', () => {
      signals.observeFlagsVersion('3');
      signals.observeFlagsVersion('7.5');
      expect(signals.flagsVersion()).toBe(3);
    });

    it('ignores a value that is not a number', () => {
      signals.observeFlagsVersion('v7');
      expect(signals.flagsVersion()).toBeNull();
    });

    it('ignores an absent header', () => {
      signals.observeFlagsVersion('3');
      signals.observeFlagsVersion(null);
      expect(signals.flagsVersion()).toBe(3);
    });

    it('ignores an empty header value', () => {
      signals.observeFlagsVersion('');
      expect(signals.flagsVersion()).toBeNull();
    });

    it('reads a version of several digits', () => {
      signals.observeFlagsVersion('9');
      signals.observeFlagsVersion('12');
      expect(signals.flagsVersion()).toBe(12);
    });

    it('reads a version with whitespace around it', () => {
      signals.observeFlagsVersion(' 7 ');
      expect(signals.flagsVersion()).toBe(7);
    });

    for (const value of ['+8', '0x10', '1e3', '-3'])
      it(`ignores ${value}, which Number() would read but is not a plain version number`, () => {
        signals.observeFlagsVersion(value);
        expect(signals.flagsVersion()).toBeNull();
      });
  });

  describe('deprecation', () => {
    const sunset = 'Wed, 31 Dec 2025 23:59:59 GMT';
    const link = '<https://api.example.com/docs/deprecation>; rel="deprecation"; type="text/html"';

    it('starts with no notice', () => {
      expect(signals.deprecation()).toBeNull();
    });

    it('reads the date, the sunset and the deprecation link', () => {
      signals.observeDeprecation('@1688169599', sunset, link);
      expect(signals.deprecation()).toEqual({
        deprecatedAt: 1_688_169_599_000,
        sunsetAt: Date.UTC(2025, 11, 31, 23, 59, 59),
        link: 'https://api.example.com/docs/deprecation',
      });
    });

    it('picks the deprecation link out of several links', () => {
      const links = '<https://api.example.com/v3>; rel="successor-version", ' + link;
      signals.observeDeprecation('@1688169599', null, links);
      expect(signals.deprecation()?.link).toBe('https://api.example.com/docs/deprecation');
    });

    it('has no date for the legacy value true', () => {
      signals.observeDeprecation('true', null, null);
      expect(signals.deprecation()).toEqual({ deprecatedAt: null, sunsetAt: null, link: null });
    });

    it('reads the date with whitespace around the value', () => {
      signals.observeDeprecation(' @1688169599 ', null, null);
      expect(signals.deprecation()?.deprecatedAt).toBe(1_688_169_599_000);
    });

    for (const value of ['@1688169599.5', 'v@1688169599', 'Sun, 11 Nov 2018 23:59:59 GMT'])
      it(`has no date for ${value}, which is not an @-timestamp`, () => {
        signals.observeDeprecation(value, null, null);
        expect(signals.deprecation()).toEqual({ deprecatedAt: null, sunsetAt: null, link: null });
      });

    for (const links of [
      '<https://api.example.com/docs>;rel=deprecation',
      '<https://api.example.com/docs> ; type="text/html"; rel="deprecation"',
    ])
      it(`reads the deprecation link out of ${links}`, () => {
        signals.observeDeprecation('true', null, links);
        expect(signals.deprecation()?.link).toBe('https://api.example.com/docs');
      });

    it('has no sunset when the Sunset header is not a date', () => {
      signals.observeDeprecation('@1688169599', 'someday', null);
      expect(signals.deprecation()?.sunsetAt).toBeNull();
    });

    it('has no link when no link is rel="deprecation"', () => {
      signals.observeDeprecation(
        '@1688169599',
        null,
        '<https://api.example.com/v3>; rel="successor-version"',
      );
      expect(signals.deprecation()?.link).toBeNull();
    });

    it('ignores responses without a Deprecation header', () => {
      signals.observeDeprecation(null, sunset, link);
      expect(signals.deprecation()).toBeNull();
    });

    it('keeps the first notice and ignores later ones', () => {
      signals.observeDeprecation('@1688169599', sunset, link);
      signals.observeDeprecation('@1700000000', null, null);
      expect(signals.deprecation()?.deprecatedAt).toBe(1_688_169_599_000);
      expect(signals.deprecation()?.link).toBe('https://api.example.com/docs/deprecation');
    });
  });

  describe('upgrade required', () => {
    it('starts not required', () => {
      expect(signals.upgradeRequired()).toBeNull();
    });

    it('records the minimum version of the first 426', () => {
      signals.observeUpgradeRequired('2.4.0');
      expect(signals.upgradeRequired()).toEqual({ minVersion: '2.4.0' });
    });

    it('keeps the first minimum version', () => {
      signals.observeUpgradeRequired('2.4.0');
      signals.observeUpgradeRequired('3.0.0');
      expect(signals.upgradeRequired()).toEqual({ minVersion: '2.4.0' });
    });

    it('is required even when the 426 named no version', () => {
      signals.observeUpgradeRequired(null);
      expect(signals.upgradeRequired()).toEqual({ minVersion: null });
    });
  });
});
