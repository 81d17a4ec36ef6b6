import { TestBed } from '@angular/core/testing';
import { type Route, Router, UrlSegment, UrlTree, provideRouter } from '@angular/router';

import { defer, of, throwError } from 'rxjs';
import { SessionService } from './session-service';
import { SessionStore } from './session-store';
import { signedInGuard } from './signed-in-guard';

describe('signedInGuard', () => {
  let restored: boolean;
  let restores: number;

  beforeEach(() => {
    restores = 0;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: SessionService,
          useValue: {
            restore: () => {
              restores++;
              return Promise.resolve(restored);
            },
          },
        },
      ],
    });
  });

  /** The guard's answer for `path`, with a UrlTree as the URL it redirects to. */
  async function match(path: string, route: Route = {}): Promise<boolean | string> {
    const segments = path
      .split('/')
      .filter(Boolean)
      .map((p) => new UrlSegment(p, {}));
    const result = await TestBed.runInInjectionContext(() => signedInGuard(route, segments));
    return result instanceof UrlTree
      ? TestBed.inject(Router).serializeUrl(result)
      : (result as boolean);
  }

  it('lets a signed-in user through once the session is restored', async () => {
    restored = true;
    expect(await match('/orders/3')).toBeTrue();
    expect(restores).toBe(1);
  });

  it('sends anyone else to sign-in with the URL they asked for', async () => {
    restored = false;
    expect(await match('/orders/3')).toBe('/sign-in?returnUrl=%2Forders%2F3');
  });

  it('sends anyone else from the root to sign-in without a return URL', async () => {
    restored = false;
    expect(await match('/')).toBe('/sign-in');
  });

  describe('while the session restores over the network', () => {
    let loaded: string[];
    const page = (name: string, extra: Partial<Route> = {}): Route => ({
      path: name,
      loadComponent: () => {
        loaded.push(name);
        return Promise.resolve(class {});
      },
      ...extra,
    });
    const shell = (): Route => ({
      path: '',
      loadComponent: () => {
        loaded.push('shell');
        return Promise.resolve(class {});
      },
      children: [
        // Skipped: a matcher decides for itself (the path beside it is never read), and a
        // route without a path has nothing to compare.
        page('orders', { matcher: () => null }),
        { loadComponent: () => Promise.resolve(class {}).finally(() => loaded.push('no path')) },
        { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
        page('dashboard'),
        page('orders'),
        page('orders/new'),
        page('orders/:id'),
        page('network', { canMatch: [() => true] }),
        page('admin', { canActivate: [() => true] }),
      ],
    });

    beforeEach(() => {
      loaded = [];
      restored = true;
    });

    it('loads the page’s code beside the restore: the route’s and the child the URL names', async () => {
      let settle!: (value: boolean) => void;
      const restore = spyOn(TestBed.inject(SessionService), 'restore').and.returnValue(
        new Promise<boolean>((resolve) => (settle = resolve)),
      );
      const answer = match('/orders/42', shell());
      expect(restore).toHaveBeenCalled();
      expect(loaded).toEqual(['shell', 'orders/:id']);
      settle(true);
      expect(await answer).toBeTrue();
    });

    it('picks the child by its whole path, and follows the empty path’s redirect', async () => {
      await match('/orders', shell());
      await match('/orders/new', shell());
      await match('/', shell());
      expect(loaded).toEqual(['shell', 'orders', 'shell', 'orders/new', 'shell', 'dashboard']);
    });

    it('loads no child for an absolute redirect, which names no child of this route', async () => {
      const route = shell();
      route.children = [
        { path: '', pathMatch: 'full', redirectTo: '/dashboard' },
        ...(route.children ?? []).slice(3),
      ];
      await match('/', route);
      expect(loaded).toEqual(['shell']);
    });

    it('does not load a child that has guards of its own, nor one the URL does not name', async () => {
      await match('/network', shell());
      await match('/admin', shell());
      await match('/nowhere/at/all', shell());
      expect(loaded).toEqual(['shell', 'shell', 'shell']);
    });

    it('loads nothing early when the restore answered at once', async () => {
      TestBed.inject(SessionStore).signedOut();
      restored = false;
      expect(await match('/orders', shell())).toBe('/sign-in?returnUrl=%2Forders');
      expect(loaded).toEqual([]);
    });

    it('subscribes to a loader that is an Observable, and leaves a failed download to the router', async () => {
      const seen: string[] = [];
      const route: Route = {
        path: '',
        loadComponent: () => {
          seen.push('shell');
          return of(class {});
        },
        children: [
          {
            path: 'orders',
            // Cold: nothing happens unless the guard subscribes.
            loadComponent: () =>
              defer(() => {
                seen.push('orders');
                return throwError(() => new Error('chunk failed'));
              }),
          },
          {
            path: 'broken',
            loadComponent: () => {
              seen.push('broken');
              return Promise.reject(new Error('chunk failed'));
            },
          },
        ],
      };
      const unhandled = jasmine.createSpy('unhandledrejection');
      const uncaught = jasmine
        .createSpy('error')
        .and.callFake((event: ErrorEvent) => event.preventDefault());
      window.addEventListener('unhandledrejection', unhandled);
      window.addEventListener('error', uncaught);
      expect(await match('/orders', route)).toBeTrue();
      expect(await match('/broken', route)).toBeTrue();
      await new Promise((resolve) => setTimeout(resolve, 1));
      window.removeEventListener('unhandledrejection', unhandled);
      window.removeEventListener('error', uncaught);
      expect(seen).toEqual(['shell', 'orders', 'shell', 'broken']);
      expect(unhandled).not.toHaveBeenCalled();
      expect(uncaught)
        .withContext('an Observable loader’s error is handled')
        .not.toHaveBeenCalled();
    });
  });
});
