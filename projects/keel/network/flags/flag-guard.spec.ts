import { FLAG_DEFINITIONS } from './flag-registry';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Route, UrlSegment } from '@angular/router';
import { EMPTY } from 'rxjs';
import { SessionStore } from '@keel/network/session';
import { type NetworkLayerTesting, networkLayerTesting, settle } from '@keel/network/testing';
import { FLAG_STORAGE, TAB_VISIBLE } from './feature-flags-options';
import { flagGuard } from './flag-guard';
import { MemoryStorage, provideFeatureFlagsTesting } from '@keel/network/testing';
import { TEST_FLAGS } from '../spec-support/test-flags';

const DEMO = { id: 'usr_demo', email: 'demo@keel.dev', name: 'Demo User', roles: ['user'] };

describe('flagGuard', () => {
  function check(): Promise<unknown> {
    const guard = flagGuard('enable_network_console');
    return TestBed.runInInjectionContext(
      () => guard({} as Route, [] as UrlSegment[]) as Promise<unknown>,
    );
  }

  it('lets the route match while the flag is on', async () => {
    TestBed.configureTestingModule({
      providers: provideFeatureFlagsTesting(TEST_FLAGS, { enable_network_console: true }),
    });
    expect(await check()).toBeTrue();
  });

  it('keeps the route from matching while the flag is off', async () => {
    TestBed.configureTestingModule({
      providers: provideFeatureFlagsTesting(TEST_FLAGS, { enable_network_console: false }),
    });
    expect(await check()).toBeFalse();
  });

  describe('before the flags are ready', () => {
    let layer: NetworkLayerTesting;

    beforeEach(() => {
      layer = networkLayerTesting();
      TestBed.configureTestingModule({
        providers: [
          ...layer.providers,
          { provide: FLAG_DEFINITIONS, useValue: TEST_FLAGS },
          { provide: FLAG_STORAGE, useValue: new MemoryStorage() },
          { provide: TAB_VISIBLE, useValue: EMPTY },
        ],
      });
    });

    it('waits for the first load and decides with its value', async () => {
      const decision = check();
      await settle();
      await expectAsync(decision).toBePending();
      const session = TestBed.inject(SessionStore);
      session.signedIn(DEMO, 'token', 120_000, layer.clock.now());
      TestBed.tick();
      TestBed.inject(HttpTestingController)
        .expectOne('/api/flags')
        .flush({
          version: 1,
          flags: { enable_network_console: !TEST_FLAGS.enable_network_console.default },
        });
      expect(await decision).toBe(!TEST_FLAGS.enable_network_console.default);
    });

    it('decides with the default once the bounded wait runs out', async () => {
      const decision = check();
      layer.clock.advance(3_000);
      expect(await decision).toBe(TEST_FLAGS.enable_network_console.default);
    });
  });
});
