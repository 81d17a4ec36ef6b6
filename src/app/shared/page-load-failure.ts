import { ErrorHandler, Injectable, inject, signal } from '@angular/core';
import {
  NavigationEnd,
  type NavigationError,
  Router,
  withNavigationErrorHandler,
  withRouterConfig,
} from '@angular/router';
import { filter } from 'rxjs';

/**
 * A navigation whose page code could not be downloaded (offline, or a deploy removed the old
 * chunk): the URL it was going to, for the message in the page and its Retry. Set by the
 * router's navigation error handler (`withPageLoadFailures`), cleared by the next navigation
 * that ends.
 */
@Injectable({ providedIn: 'root' })
export class PageLoadFailure {
  private readonly failed = signal<string | null>(null);
  /** The URL that could not be opened; null when the last navigation did not fail so. */
  readonly url = this.failed.asReadonly();

  constructor() {
    inject(Router)
      .events.pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe(() => this.failed.set(null));
  }

  /** Records `error` when it is a page that could not be loaded; says whether it was. */
  report(error: NavigationError): boolean {
    if (!isChunkLoadError(error.error)) return false;
    this.failed.set(error.url);
    return true;
  }
}

/**
 * What browsers throw when a dynamic `import()` cannot fetch its module: Chromium "Failed to
 * fetch dynamically imported module", Firefox "error loading dynamically imported module",
 * Safari "Importing a module script failed".
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Loading chunk/i.test(
    message,
  );
}

/**
 * The router features that turn a page whose code cannot be downloaded into `PageLoadFailure`
 * (shown by the shell with Retry) instead of an unhandled error; other navigation errors still
 * reach the `ErrorHandler` (and Sentry). Spread into `provideRouter(routes, ...)`.
 */
export function withPageLoadFailures() {
  return [
    withNavigationErrorHandler((error) => {
      if (!inject(PageLoadFailure).report(error)) inject(ErrorHandler).handleError(error.error);
    }),
    withRouterConfig({ resolveNavigationPromiseOnError: true }),
  ] as const;
}
