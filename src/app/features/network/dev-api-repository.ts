import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { RETRY } from '../../core/http';

/** What `PUT /api/_dev/chaos` takes (server/README.md, "Chaos"). */
export interface ChaosSettings {
  latencyMs: number;
  jitterMs: number;
  failRate: number;
  failStatus: number;
  retryAfterS: number | null;
  dropRate: number;
  hangRate: number;
  malformedRate: number;
  dropAfterCommitRate: number;
  routes: string[];
}

export interface VersionPolicy {
  minVersion: string | null;
  deprecatedBelow: string | null;
  sunset: string | null;
}

/**
 * The dev API's fault controls, for the network console. One attempt each, outside retries,
 * budget and breaker (RETRY 'none'): a control must work while the faults it made are on.
 */
@Injectable({ providedIn: 'root' })
export class DevApiRepository {
  private readonly http = inject(HttpClient);
  private readonly context = () => new HttpContext().set(RETRY, 'none');

  chaos(): Observable<ChaosSettings> {
    return this.http.get<ChaosSettings>('/api/_dev/chaos', { context: this.context() });
  }

  setChaos(settings: Partial<ChaosSettings>): Observable<ChaosSettings> {
    return this.http.put<ChaosSettings>('/api/_dev/chaos', settings, { context: this.context() });
  }

  expireTokens(): Observable<unknown> {
    return this.http.post('/api/_dev/expire-tokens', null, { context: this.context() });
  }

  setFlags(flags: Record<string, boolean | number | string | null>): Observable<unknown> {
    return this.http.put('/api/_dev/flags', { flags }, { context: this.context() });
  }

  setVersionPolicy(policy: Partial<VersionPolicy>): Observable<unknown> {
    return this.http.put('/api/_dev/version-policy', policy, { context: this.context() });
  }

  /** An ordinary API call with the full chain (retries included), to watch in the waterfall. */
  sendTestCall(): Observable<unknown> {
    return this.http.get('/api/me');
  }

  reset(): Observable<unknown> {
    return this.http.post('/api/_dev/reset', {}, { context: this.context() });
  }
}
