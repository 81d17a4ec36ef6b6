import { FLAG_DEFINITIONS } from './flag-registry';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { NETWORK_CLOCK } from '@keel/network';
import { FakeNetworkClock } from '@keel/network/testing';
import { FeatureFlagsStore } from './feature-flags-store';
import { FLAG_STORAGE, TAB_VISIBLE } from './feature-flags-options';
import { KeelFlag } from './flag-directive';
import type { FlagValues } from './flag-registry';
import { MemoryStorage, provideFeatureFlagsTesting, setFlags } from '@keel/network/testing';
import { EMPTY } from 'rxjs';
import { TEST_FLAGS } from '../spec-support/test-flags';

@Component({
  imports: [KeelFlag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p *keelFlag="'enable_new_ui'; else classic">new</p>
    <ng-template #classic><p>classic</p></ng-template>
    <span *keelFlag="'enable_order_export'">export</span>
  `,
})
class Host {}

describe('*keelFlag', () => {
  let fixture: ComponentFixture<Host>;

  async function render(): Promise<string> {
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  describe('with values ready', () => {
    function create(values: Partial<FlagValues>): void {
      TestBed.configureTestingModule({ providers: provideFeatureFlagsTesting(TEST_FLAGS, values) });
      fixture = TestBed.createComponent(Host);
    }

    it('renders its template while the flag is on', async () => {
      create({ enable_new_ui: true });
      expect(await render()).toBe('new');
    });

    it('renders the else template while the flag is off', async () => {
      create({ enable_new_ui: false });
      expect(await render()).toBe('classic');
    });

    it('renders nothing for an off flag without an else template', async () => {
      create({ enable_new_ui: true, enable_order_export: false });
      expect(await render()).not.toContain('export');
    });

    it('switches to the else template when the flag turns off', async () => {
      create({ enable_new_ui: true });
      await render();
      setFlags(TestBed.inject(FeatureFlagsStore), { enable_new_ui: false });
      expect(await render()).toBe('classic');
    });

    it('switches to its template when the flag turns on', async () => {
      create({ enable_new_ui: false });
      await render();
      setFlags(TestBed.inject(FeatureFlagsStore), { enable_new_ui: true });
      expect(await render()).toBe('new');
    });
  });

  describe('before the flags are ready', () => {
    let clock: FakeNetworkClock;

    beforeEach(() => {
      clock = new FakeNetworkClock();
      TestBed.configureTestingModule({
        providers: [
          { provide: NETWORK_CLOCK, useValue: clock },
          { provide: FLAG_DEFINITIONS, useValue: TEST_FLAGS },
          { provide: FLAG_STORAGE, useValue: new MemoryStorage() },
          { provide: TAB_VISIBLE, useValue: EMPTY },
        ],
      });
      fixture = TestBed.createComponent(Host);
    });

    it('renders neither template while waiting', async () => {
      expect(await render()).toBe('');
    });

    it('renders the loaded value, not the default, when the first load arrives', async () => {
      await render();
      setFlags(TestBed.inject(FeatureFlagsStore), { enable_new_ui: true });
      expect(await render()).toBe('new');
    });

    it('renders with the defaults once the bounded wait runs out', async () => {
      await render();
      clock.advance(3_000);
      expect(await render()).toBe('classic');
    });
  });
});
