import { inject } from '@angular/core';
import { Router, type CanMatchFn, type UrlSegment } from '@angular/router';
import { SessionService } from './session-service';

/**
 * Lets signed-in users through; waits for the session restore of a fresh page load first, and
 * otherwise sends the user to sign-in with the URL they asked for as `returnUrl`.
 */
export const signedInGuard: CanMatchFn = async (_route, segments: UrlSegment[]) => {
  const router = inject(Router);
  if (await inject(SessionService).restore()) return true;
  const returnUrl = '/' + segments.map((s) => s.path).join('/');
  return router.createUrlTree(['/sign-in'], {
    queryParams: returnUrl === '/' ? {} : { returnUrl },
  });
};
