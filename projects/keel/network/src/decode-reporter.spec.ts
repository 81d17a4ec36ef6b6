import { TestBed } from '@angular/core/testing';
import { DECODE_REPORTER, consoleDecodeReporter } from './decode-reporter';
import { withNgDevMode } from '../spec-support/chain-test-bed';

describe('DECODE_REPORTER', () => {
  // provideObservability() replaces it with the metric reporter (provide-observability.spec.ts).
  it('defaults to the console reporter, so the data entry needs nothing from observability', () => {
    expect(TestBed.inject(DECODE_REPORTER)).toBe(consoleDecodeReporter);
  });

  it('warns in the console in dev mode with every repair on one line', () => {
    const warn = spyOn(console, 'warn');
    consoleDecodeReporter.repaired({
      what: 'order',
      repairs: [
        { path: 'notes', action: 'defaulted', reason: 'null' },
        { path: 'items[2]', action: 'dropped', reason: 'no productId' },
      ],
    });
    expect(warn).toHaveBeenCalledOnceWith(
      '[decode] order needed 2 repair(s): notes defaulted (null); items[2] dropped (no productId)',
    );
  });

  it('says nothing in production', () => {
    const warn = spyOn(console, 'warn');
    withNgDevMode(false, () =>
      consoleDecodeReporter.repaired({
        what: 'order',
        repairs: [{ path: 'notes', action: 'defaulted', reason: 'null' }],
      }),
    );
    expect(warn).not.toHaveBeenCalled();
  });
});
