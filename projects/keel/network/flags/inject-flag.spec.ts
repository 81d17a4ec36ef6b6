import { TestBed } from '@angular/core/testing';
import { FeatureFlagsStore } from './feature-flags-store';
import { injectFlag } from './inject-flag';
import { provideFeatureFlagsTesting, setFlags } from '@keel/network/testing';
import { TEST_FLAGS } from '../spec-support/test-flags';

describe('injectFlag', () => {
  it("returns a signal that follows the flag's value", () => {
    TestBed.configureTestingModule({
      providers: provideFeatureFlagsTesting(TEST_FLAGS, { orders_page_size: 20 }),
    });
    const pageSize = TestBed.runInInjectionContext(() => injectFlag('orders_page_size'));
    setFlags(TestBed.inject(FeatureFlagsStore), { orders_page_size: 50 });
    expect(pageSize()).toBe(50);
  });
});
