import { Subject, type Observable, defer, finalize, map, share, throwError } from 'rxjs';
import { AppError, type AccessTokenSource } from '@keel/network';

/** A session whose refresh the test finishes by hand; `refreshInFlight` as the coordinator's. */
export class FakeTokenSource implements AccessTokenSource {
  refreshes = 0;
  private token: string | null;
  private result = new Subject<string>();
  private inflight: Observable<string> | null = null;

  constructor(token: string) {
    this.token = token;
  }

  current(): string | null {
    return this.token;
  }

  refreshAfter(failed: string | null): Observable<string> {
    if (this.token && this.token !== failed) return defer(() => [this.token as string]);
    if (this.token === null)
      return throwError(() => new AppError({ kind: 'auth-expired', status: 401 }));
    this.inflight ??= (this.refreshes++, this.result).pipe(
      map((token) => (this.token = token)),
      finalize(() => (this.inflight = null)),
      share(),
    );
    return this.inflight;
  }

  refreshInFlight(): Observable<unknown> | null {
    return this.inflight;
  }

  finishRefresh(token: string): void {
    this.result.next(token);
    this.result.complete();
  }

  failRefresh(): void {
    this.token = null;
    this.result.error(new AppError({ kind: 'auth-expired', status: 401 }));
  }
}
