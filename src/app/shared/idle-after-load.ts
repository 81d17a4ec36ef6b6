import type { ApplicationRef } from '@angular/core';
import {
  NavigationCancel,
  NavigationEnd,
  NavigationError,
  NavigationSkipped,
  Router,
} from '@angular/router';
import { filter, firstValueFrom } from 'rxjs';

/**
 * Resolves once the page has loaded (the window's `load` event) and the browser is idle after
 * it: for work that must not compete with the first page for the network or the main thread
 * (preloading other pages' code). `requestIdleCallback` with a 5 s cap where the browser has
 * it, 1 s after `load` where it does not.
 */
export function idleAfterLoad(window: Window = globalThis.window): Promise<void> {
  return loaded(window).then(() => idle(window));
}

/** How long after its first navigation the app may take to settle before it counts as shown. */
export const FIRST_PAGE_SETTLE_CAP_MS = 5_000;

/**
 * Resolves once the first page has been shown and the browser is idle after it: the page has
 * loaded, the router's first navigation has ended (with a page, a redirect's page, an error or
 * a cancel), the app is stable (that page's own calls have answered; capped at
 * {@link FIRST_PAGE_SETTLE_CAP_MS} after the navigation, because a long-lived call such as the
 * flag stream keeps it unstable for good), and then the browser is idle.
 *
 * The `load` event alone comes too early for an Angular app: it fires once `main` has run,
 * while the first page's code and data are still on their way. Work started there (Sentry's
 * SDK, 50 kB) competed with them: Lighthouse counted it in the first page's LCP (issue 13).
 */
export function idleAfterFirstPage(
  app: ApplicationRef,
  window: Window = globalThis.window,
): Promise<void> {
  const router = app.injector.get(Router);
  const navigated = router.navigated
    ? Promise.resolve()
    : firstValueFrom(
        router.events.pipe(
          filter(
            (event) =>
              event instanceof NavigationEnd ||
              event instanceof NavigationError ||
              event instanceof NavigationCancel ||
              event instanceof NavigationSkipped,
          ),
        ),
      );
  const settled = navigated.then(() =>
    Promise.race([
      app.whenStable(),
      new Promise<void>((resolve) => window.setTimeout(resolve, FIRST_PAGE_SETTLE_CAP_MS)),
    ]),
  );
  return Promise.all([loaded(window), settled]).then(() => idle(window));
}

/** The events that say a person is using the page. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Resolves once nobody has used the page (no pointer, key, wheel or touch input) for `ms`, and
 * then the browser is idle: for work that must not land in the middle of what a person does.
 */
export function quietFor(ms: number, window: Window = globalThis.window): Promise<void> {
  return new Promise<void>((resolve) => {
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(done, ms);
    };
    const done = () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, arm, true);
      resolve();
    };
    for (const type of INPUT_EVENTS)
      window.addEventListener(type, arm, { capture: true, passive: true });
    arm();
  }).then(() => idle(window));
}

function loaded(window: Window): Promise<void> {
  return window.document.readyState === 'complete'
    ? Promise.resolve()
    : new Promise<void>((resolve) =>
        window.addEventListener('load', () => resolve(), { once: true }),
      );
}

function idle(window: Window): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof window.requestIdleCallback === 'function') {
      window.requestIdleCallback(() => resolve(), { timeout: 5_000 });
    } else {
      window.setTimeout(resolve, 1_000);
    }
  });
}
