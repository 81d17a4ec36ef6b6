import {
  HttpErrorResponse,
  HttpResponse,
  type HttpHeaders,
  type HttpInterceptorFn,
} from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { tap } from 'rxjs';
import { ApiVersionSignals } from './api-version-signals';
import { API_ORIGINS, APP_PLATFORM, APP_VERSION } from './network-layer-options';
import { isAllowedOrigin } from './origin';
import { parseProblem } from './problem-details';

/**
 * Says who is calling (`X-App-Version`, `X-Platform`) on every attempt, and reads what the API
 * says back about versions: `X-Flags-Version`, `Deprecation`/`Sunset`/`Link`, and 426.
 */
export const versionInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isAllowedOrigin(req.url, inject(API_ORIGINS), inject(DOCUMENT).baseURI)) return next(req);
  const signals = inject(ApiVersionSignals);
  const observe = (headers: HttpHeaders) => {
    signals.observeFlagsVersion(headers.get('X-Flags-Version'));
    signals.observeDeprecation(
      headers.get('Deprecation'),
      headers.get('Sunset'),
      headers.get('Link'),
    );
  };
  const headers = { 'X-App-Version': inject(APP_VERSION), 'X-Platform': inject(APP_PLATFORM) };
  return next(req.clone({ setHeaders: headers })).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) observe(event.headers);
      },
      error: (error: unknown) => {
        if (!(error instanceof HttpErrorResponse)) return;
        observe(error.headers);
        if (error.status === 426) {
          const minVersion = parseProblem(error.error)?.['minVersion'];
          signals.observeUpgradeRequired(typeof minVersion === 'string' ? minVersion : null);
        }
      },
    }),
  );
};
