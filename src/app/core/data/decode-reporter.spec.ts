import { TestBed } from '@angular/core/testing';
import { NetworkMetricsStore } from '../observability';
import { DECODE_REPORTER, consoleDecodeReporter } from './decode-reporter';

describe('DECODE_REPORTER', () => {
  it('defaults to a reporter that counts repairs in the network metrics', () => {
    TestBed.inject(DECODE_REPORTER).repaired({
      what: 'order',
      repairs: [{ path: 'notes', action: 'defaulted', reason: 'null' }],
    });
    expect(TestBed.inject(NetworkMetricsStore).decodeRepairs()).toBe(1);
  });

  it('warns in the console in dev mode with each repair on one line', () => {
    const warn = spyOn(console, 'warn');
    consoleDecodeReporter.repaired({
      what: 'order',
      repairs: [{ path: 'notes', action: 'defaulted', reason: 'null' }],
    });
    expect(warn).toHaveBeenCalledOnceWith(
      '[decode] order needed 1 repair(s): notes defaulted (null)',
    );
  });
});
