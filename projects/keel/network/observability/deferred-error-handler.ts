import { ErrorHandler, Injectable } from '@angular/core';
import type { ErrorHandler as SentryErrorHandlerLike } from '@angular/core';
import { sentryBridge } from './sentry-bridge';

/**
 * Sentry's `createErrorHandler()` once the SDK has loaded; until then errors are logged and
 * queued for it. Without a DSN it behaves like Angular's own ErrorHandler.
 */
@Injectable()
export class DeferredSentryErrorHandler implements ErrorHandler {
  private sentry: SentryErrorHandlerLike | null = null;

  constructor() {
    sentryBridge.onReady((sdk) => (this.sentry = sdk.createErrorHandler({ logErrors: false })));
  }

  handleError(error: unknown): void {
    console.error(error);
    if (this.sentry) this.sentry.handleError(error);
    else sentryBridge.report(() => this.sentry?.handleError(error));
  }
}
