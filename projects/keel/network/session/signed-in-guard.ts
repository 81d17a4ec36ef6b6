import { inject } from '@angular/core';
import { type Route, Router, type CanMatchFn, type UrlSegment } from '@angular/router';
import { isObservable } from 'rxjs';
import { SessionService } from './session-service';
import { SessionStore } from './session-store';

/**
 * Lets signed-in users through; waits for the session restore of a fresh page load first, and
 * otherwise sends the user to sign-in with the URL they asked for as `returnUrl`.
 *
 * While that restore is on the wire, the code of the page asked for downloads beside it (the
 * guarded route's `loadComponent`, and the one of its child the URL names), instead of after
 * it: on a reload of a signed-in page the restore's two calls no longer stand between the
 * page and its code. A restore answered at once (no session cookie, or a session already
 * known) downloads nothing early; a child with guards of its own is not fetched early.
 */
export const signedInGuard: CanMatchFn = async (route, segments: UrlSegment[]) => {
  const router = inject(Router);
  const restored = inject(SessionService).restore();
  if (inject(SessionStore).status() === 'unknown') loadPageCode(route, segments);
  if (await restored) return true;
  const returnUrl = '/' + segments.map((s) => s.path).join('/');
  return router.createUrlTree(['/sign-in'], {
    queryParams: returnUrl === '/' ? {} : { returnUrl },
  });
};

/** Starts loading `route`'s component and that of the child `segments` name, if any. */
function loadPageCode(route: Route, segments: UrlSegment[]): void {
  load(route);
  // Stryker disable next-line ArrayDeclaration: any stand-in for no children holds no route, so it matches nothing and nothing more is loaded
  const children = route.children ?? [];
  const paths = segments.map((s) => s.path);
  let child = children.find((c) => matches(c, paths));
  // An empty URL that redirects (`'' → 'dashboard'`): the page it redirects to. (An absolute
  // redirect, `'/dashboard'`, names no child: nothing more is loaded early.)
  if (child && typeof child.redirectTo === 'string') {
    const target = child.redirectTo.split('/');
    child = children.find((c) => matches(c, target));
  }
  if (child && !child.canMatch?.length && !child.canActivate?.length) load(child);
}

/** Whether `route`'s own path (no matcher, no nesting) is the whole of `paths`. */
function matches(route: Route, paths: string[]): boolean {
  if (route.matcher || route.path === undefined) return false;
  const parts = route.path.split('/').filter(Boolean);
  return (
    parts.length === paths.length &&
    parts.every((part, i) => part.startsWith(':') || part === paths[i])
  );
}

function load(route: Route): void {
  const loading = route.loadComponent?.();
  // A failed download is the router's to report, when it loads the page itself.
  if (isObservable(loading)) loading.subscribe({ error: () => undefined });
  else if (loading instanceof Promise) loading.catch(() => undefined);
}
