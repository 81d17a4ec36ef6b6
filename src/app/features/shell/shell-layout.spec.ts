import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Component, ErrorHandler } from '@angular/core';
import { Router, provideRouter } from '@angular/router';
import { NetworkActivity } from '@keel/network';
import { type NetworkLayerTesting, networkLayerTesting } from '@keel/network/testing';
import { withPageLoadFailures } from '../../shared/page-load-failure';
import { ShellLayout } from './shell-layout';

@Component({ template: '<h1>Page</h1>' })
class Page {}

describe('ShellLayout', () => {
  let layer: NetworkLayerTesting;
  let fixture: ComponentFixture<ShellLayout>;
  /** What the lazy page's import() does next: fail as Chromium does offline, or load. */
  let chunk: 'fails' | 'loads';

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
    TestBed.configureTestingModule({
      providers: [
        ...layer.providers,
        provideRouter(
          [
            { path: 'a', component: Page },
            { path: 'b', component: Page },
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
});
