import { TestBed } from '@angular/core/testing';
import { DECODE_REPORTER, consoleDecodeReporter } from './decode-reporter';

describe('DECODE_REPORTER', () => {
  // provideObservability() replaces it with the metric reporter (provide-observability.spec.ts).
  it('defaults to the console reporter, so core/data needs nothing from core/observability', () => {
    expect(TestBed.inject(DECODE_REPORTER)).toBe(consoleDecodeReporter);
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
