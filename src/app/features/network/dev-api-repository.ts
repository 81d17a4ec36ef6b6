import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ChaosConfig } from '../../../../contracts/dev-api';
import { RETRY } from '@keel/network';

/**
 * What the fault controls send to `PUT /api/_dev/chaos`: every field of the server's
 * ChaosConfig but `seed`. Repeatable draws are for tests; a person trying faults by hand wants
 * the server's random, which the PUT gives when `seed` is absent (it replaces the whole config).
 * Every other field is required, so a field added to the config fails to compile here until the
 * console has a control for it.
 */
export type ChaosSettings = Omit<ChaosConfig, 'seed'>;

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

  chaos(): Observable<ChaosConfig> {
    return this.http.get<ChaosConfig>('/api/_dev/chaos', { context: this.context() });
  }

  setChaos(settings: ChaosSettings): Observable<ChaosConfig> {
    return this.http.put<ChaosConfig>('/api/_dev/chaos', settings, { context: this.context() });
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
