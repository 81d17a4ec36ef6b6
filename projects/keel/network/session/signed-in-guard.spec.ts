import { TestBed } from '@angular/core/testing';
import { type Route, Router, UrlSegment, UrlTree, provideRouter } from '@angular/router';

import { SessionService } from './session-service';
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
  async function match(path: string): Promise<boolean | string> {
    const segments = path
      .split('/')
      .filter(Boolean)
      .map((p) => new UrlSegment(p, {}));
    const result = await TestBed.runInInjectionContext(() => signedInGuard({} as Route, segments));
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
});
