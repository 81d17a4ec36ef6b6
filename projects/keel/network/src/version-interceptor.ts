import {
  HttpErrorResponse,
  HttpEventType,
  type HttpHeaders,
  type HttpInterceptorFn,
} from '@angular/common/http';
import { tap } from 'rxjs';
import type { ApiVersionSignals } from './api-version-signals';
import { isAppError } from './app-error';
import { planOf } from './call-plan';

/**
 * Says who is calling (`X-App-Version`, `X-Platform`) on every attempt, and reads what the API
 * says back about versions: `X-Flags-Version`, `Deprecation`/`Sunset`/`Link`, and 426. It sees
 * every attempt's answer, the replay of a 401 included; a failed answer reaches it as the
 * dispatcher's `AppError`, whose `cause` is the response.
 */
export const versionInterceptor: HttpInterceptorFn = (req, next) => {
  const plan = planOf(req, 'version');
  if (!plan?.allowListed) return next(req);
  const { versions } = plan.layer;
  plan.setHeader('X-App-Version', plan.layer.appVersion);
  plan.setHeader('X-Platform', plan.layer.platform);
  return next(req).pipe(
    tap({
      next: (event) => {
        if (event.type === HttpEventType.Response) observe(versions, event.headers);
      },
      error: (error: unknown) => {
        if (!isAppError(error) || !(error.cause instanceof HttpErrorResponse)) return;
        observe(versions, error.cause.headers);
        if (error.kind === 'upgrade-required')
          versions.observeUpgradeRequired(error.minVersion ?? null);
      },
    }),
  );
};

function observe(versions: ApiVersionSignals, headers: HttpHeaders): void {
  versions.observeFlagsVersion(headers.get('X-Flags-Version'));
  const deprecation = headers.get('Deprecation');
  // The notice is kept once per session: Sunset and Link are read only for the first one.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: observeDeprecation makes the same two checks itself; this one only spares reading Sunset and Link
  if (deprecation !== null && versions.deprecation() === null)
    versions.observeDeprecation(deprecation, headers.get('Sunset'), headers.get('Link'));
}
