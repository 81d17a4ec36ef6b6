import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Component, ErrorHandler } from '@angular/core';
import { Router, provideRouter } from '@angular/router';
import { NetworkActivity } from '@keel/network';
import { SessionService } from '@keel/network/session';
import { type NetworkLayerTesting, networkLayerTesting } from '@keel/network/testing';
import { withPageLoadFailures } from '../../shared/page-load-failure';
import { ShellOutlets } from '../../shared/shell-outlets';
import { LOAD_ORDERS, OUTBOX_PANEL_AFTER, ShellLayout } from './shell-layout';

@Component({ template: '<h1>Page</h1>' })
class Page {}

@Component({ selector: 'app-outbox-panel', template: '<p class="outbox">Waiting to send · 1</p>' })
class OutboxPanelStandIn {}

describe('ShellLayout', () => {
  let layer: NetworkLayerTesting;
  let fixture: ComponentFixture<ShellLayout>;
  /** What the lazy page's import() does next: fail as Chromium does offline, or load. */
  let chunk: 'fails' | 'loads';
  /** The same for the orders feature's entry, and how often the shell asked for it. */
  let ordersChunk: 'fails' | 'loads';
  let ordersLoads: number;
  /** The orders feature's answer to "may the outbox be cleared for a sign-out?". */
  let outboxCleared: jasmine.Spy<() => Promise<boolean>>;
  /** Says the first page has been shown (the moment the outbox panel is downloaded). */
  let firstPageShown: () => void;

  /** Lets the shell's promise chains run until `done()` holds (at most 20 turns). */
  async function until(done: () => boolean): Promise<void> {
    for (let turn = 0; turn < 20 && !done(); turn++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
    expect(done()).withContext('the condition waited for').toBeTrue();
  }

  async function render(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(ShellLayout);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const progressBar = (root: HTMLElement) => root.querySelector('.top-progress mat-progress-bar');
  const banner = (root: HTMLElement) => root.querySelector('[data-testid="offline-banner"]');

  beforeEach(() => {
    layer = networkLayerTesting();
    chunk = 'loads';
    ordersChunk = 'loads';
    ordersLoads = 0;
    outboxCleared = jasmine.createSpy('outboxClearedForSignOut').and.resolveTo(true);
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        {
          provide: LOAD_ORDERS,
          useValue: () => {
            ordersLoads++;
            return ordersChunk === 'loads'
              ? Promise.resolve({
                  outboxOutlet: { panel: OutboxPanelStandIn, clearedForSignOut: outboxCleared },
                })
              : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
          },
        },
        {
          provide: OUTBOX_PANEL_AFTER,
          useValue: () => new Promise<void>((resolve) => (firstPageShown = resolve)),
        },
        provideRouter(
          [
            { path: 'a', component: Page },
            { path: 'b', component: Page },
            { path: 'sign-in', component: Page },
            { path: 'orders', component: Page },
            {
              path: 'lazy',
              loadComponent: () =>
                chunk === 'loads'
                  ? Promise.resolve(Page)
                  : Promise.reject(
                      new TypeError(
                        'Failed to fetch dynamically imported module: http://localhost/chunk-X.js',
                      ),
                    ),
            },
          ],
          ...withPageLoadFailures(),
        ),
      ],
    });
  });

  // The flag store and version signals may start background calls; they are not under test.
  afterEach(() => TestBed.inject(HttpTestingController).match(() => true));

  it('shows the top progress bar while a user-visible call runs', async () => {
    const activity = TestBed.inject(NetworkActivity);
    activity.started(false);
    const root = await render();
    expect(progressBar(root)).not.toBeNull();
    activity.settled(false);
    await fixture.whenStable();
    expect(progressBar(root)).toBeNull();
  });

  it('shows no progress bar for background calls', async () => {
    TestBed.inject(NetworkActivity).started(true);
    expect(progressBar(await render())).toBeNull();
  });

  it('shows the offline banner while offline, and removes it when back online', async () => {
    const root = await render();
    expect(banner(root)).toBeNull();
    layer.network.goOffline();
    await fixture.whenStable();
    expect(banner(root)?.textContent).toContain('You are offline');
    layer.network.goOnline();
    await fixture.whenStable();
    expect(banner(root)).toBeNull();
  });

  it('keeps the banner’s live region in the page so it is announced', async () => {
    const root = await render();
    expect(root.querySelector('[role="status"]')).not.toBeNull();
  });

  describe('a page whose code cannot be downloaded', () => {
    const failure = (root: HTMLElement) => root.querySelector('.page-load-failure');

    it('says so in the page, stays where it was, and opens it by itself on reconnect', async () => {
      const router = TestBed.inject(Router);
      const root = await render();
      await router.navigateByUrl('/a');
      layer.network.goOffline();
      chunk = 'fails';
      expect(await router.navigateByUrl('/lazy')).toBeFalse();
      await fixture.whenStable();
      expect(failure(root)?.textContent).toContain(
        'This page could not be loaded while offline. It opens by itself when the connection is back.',
      );
      expect(router.url).toBe('/a');
      chunk = 'loads';
      layer.network.goOnline();
      await fixture.whenStable();
      expect(router.url).toBe('/lazy');
      expect(failure(root)).toBeNull();
    });

    it('offers Retry, which tries the navigation again', async () => {
      const router = TestBed.inject(Router);
      const root = await render();
      chunk = 'fails';
      await router.navigateByUrl('/lazy');
      await fixture.whenStable();
      expect(failure(root)?.textContent).toContain('This page could not be loaded. Try again');
      chunk = 'loads';
      (failure(root)?.querySelector('button') as HTMLButtonElement).click();
      await fixture.whenStable();
      expect(router.url).toBe('/lazy');
    });

    it('leaves other navigation errors to the ErrorHandler', async () => {
      const handled = spyOn(TestBed.inject(ErrorHandler), 'handleError');
      const router = TestBed.inject(Router);
      router.resetConfig([
        ...router.config,
        { path: 'broken', loadComponent: () => Promise.reject(new Error('a bug')) },
      ]);
      const root = await render();
      expect(await router.navigateByUrl('/broken')).toBeFalse();
      await fixture.whenStable();
      expect(handled).toHaveBeenCalledWith(jasmine.objectContaining({ message: 'a bug' }));
      expect(failure(root)).toBeNull();
    });
  });

  describe('focus on navigation', () => {
    it('moves focus to the page after going to another page', async () => {
      const router = TestBed.inject(Router);
      const root = await render();
      await router.navigateByUrl('/a');
      await router.navigateByUrl('/b');
      expect(document.activeElement).toBe(root.querySelector('main'));
    });

    it('leaves focus alone when only the query changes', async () => {
      const router = TestBed.inject(Router);
      const root = await render();
      await router.navigateByUrl('/a');
      const button = [...root.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Sign out',
      ) as HTMLElement;
      button.focus();
      expect(document.activeElement).toBe(button);
      await router.navigateByUrl('/a?q=ada');
      expect(document.activeElement).toBe(button);
    });
  });
  describe('the outbox panel', () => {
    const panel = (root: HTMLElement) => root.querySelector('[role="status"] .outbox');

    it('is downloaded once the first page has been shown, into a live region already there', async () => {
      const root = await render();
      expect(ordersLoads).toBe(0);
      expect(root.querySelectorAll('[role="status"]').length).toBe(2);
      firstPageShown();
      await until(() => panel(root) !== null);
      expect(panel(root)?.textContent).toContain('Waiting to send');
      expect(ordersLoads).toBe(1);
    });

    it('is shown at once when an orders page hands it over, without a download', async () => {
      const root = await render();
      TestBed.inject(ShellOutlets).outbox.set({
        panel: OutboxPanelStandIn,
        clearedForSignOut: outboxCleared,
      });
      await until(() => panel(root) !== null);
      firstPageShown();
      await fixture.whenStable();
      expect(ordersLoads).toBe(0);
      expect(root.querySelectorAll('[role="status"] .outbox').length).toBe(1);
    });

    it('is downloaded again when the connection is back, if it could not be', async () => {
      ordersChunk = 'fails';
      const root = await render();
      firstPageShown();
      await until(() => ordersLoads === 1);
      await fixture.whenStable();
      expect(panel(root)).toBeNull();
      ordersChunk = 'loads';
      layer.network.goOffline();
      layer.network.goOnline();
      await until(() => panel(root) !== null);
      expect(ordersLoads).toBe(2);
      layer.network.goOffline();
      layer.network.goOnline();
      await fixture.whenStable();
      expect(ordersLoads).withContext('not again once shown').toBe(2);
    });
  });

  describe('signing out', () => {
    const signOutButton = (root: HTMLElement) =>
      [...root.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Sign out',
      ) as HTMLButtonElement;
    let signedOut: jasmine.Spy;

    beforeEach(() => {
      signedOut = spyOn(TestBed.inject(SessionService), 'signOut').and.resolveTo();
    });

    /** Renders the shell on a page and presses Sign out. */
    async function signOutFromPage(): Promise<{ router: Router; root: HTMLElement }> {
      const router = TestBed.inject(Router);
      const root = await render();
      await router.navigateByUrl('/a');
      signOutButton(root).click();
      return { router, root };
    }

    it('asks the orders feature about the outbox first, and signs out once it is cleared', async () => {
      const { router } = await signOutFromPage();
      await until(() => router.url === '/sign-in');
      expect(outboxCleared).toHaveBeenCalledTimes(1);
      expect(signedOut).toHaveBeenCalledTimes(1);
    });

    it('stays signed in when the user keeps the unsent changes', async () => {
      outboxCleared.and.resolveTo(false);
      const { router } = await signOutFromPage();
      await until(() => outboxCleared.calls.count() === 1);
      await fixture.whenStable();
      expect(signedOut).not.toHaveBeenCalled();
      expect(router.url).toBe('/a');
    });

    it('needs no download when an orders page handed the outbox over (so it works offline)', async () => {
      ordersChunk = 'fails';
      TestBed.inject(ShellOutlets).outbox.set({
        panel: OutboxPanelStandIn,
        clearedForSignOut: outboxCleared,
      });
      const { router, root } = await signOutFromPage();
      await until(() => router.url === '/sign-in');
      expect(outboxCleared).toHaveBeenCalledTimes(1);
      expect(ordersLoads).toBe(0);
      expect(root.querySelector('.sign-out-problem')).toBeNull();
    });

    it('says so and stays signed in when the code it needs cannot be downloaded', async () => {
      ordersChunk = 'fails';
      const { router, root } = await signOutFromPage();
      await until(() => root.querySelector('.sign-out-problem') !== null);
      expect(root.querySelector('[role="status"] .sign-out-problem')?.textContent).toContain(
        'Signing out needs part of the app that could not be downloaded. Try again when you are online.',
      );
      expect(signedOut).not.toHaveBeenCalled();
      expect(router.url).toBe('/a');
      ordersChunk = 'loads';
      signOutButton(root).click();
      await until(() => router.url === '/sign-in');
      expect(root.querySelector('.sign-out-problem')).toBeNull();
    });
  });

  describe('the narrow navigation', () => {
    it('is a popover of links under its Menu button, closed after a link is followed', async () => {
      const router = TestBed.inject(Router);
      const root = await render();
      document.body.append(root);
      try {
        const button = root.querySelector<HTMLButtonElement>('[popovertarget="nav-menu"]')!;
        const menu = root.querySelector<HTMLElement>('#nav-menu')!;
        expect(button.getAttribute('aria-controls')).toBe('nav-menu');
        expect(menu.matches(':popover-open')).toBeFalse();
        button.click();
        expect(menu.matches(':popover-open')).toBeTrue();
        expect(menu.getBoundingClientRect().top).toBeCloseTo(
          button.getBoundingClientRect().bottom,
          0,
        );
        const links = [...menu.querySelectorAll('a')].map((a) => a.textContent?.trim());
        expect(links).toEqual(['Dashboard', 'Orders']);
        (menu.querySelector('a[href="/orders"]') as HTMLAnchorElement).click();
        expect(menu.matches(':popover-open')).toBeFalse();
        await until(() => router.url === '/orders');
      } finally {
        root.remove();
      }
    });
  });
});
