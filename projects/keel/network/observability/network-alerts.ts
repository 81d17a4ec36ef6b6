import { Injectable, effect, inject } from '@angular/core';
import { InjectionToken } from '@angular/core';
import { NETWORK_CLOCK } from '@keel/network';
import { FAILURE_WINDOW, NetworkMetricsStore } from './network-metrics-store';
import { SENTRY_CLIENT } from './sentry-client';

export interface NetworkAlertOptions {
  /** Alert when more 401s than this arrive within a minute. @default 20 */
  readonly unauthorizedPerMinute: number;
  /** Alert when more than this share of the last 50 calls failed. @default 0.25 */
  readonly failureRate: number;
  /** At most one message per alert within this time. @default 300000 (5 min) */
  readonly throttleMs: number;
}

export const NETWORK_ALERTS = new InjectionToken<NetworkAlertOptions>('NETWORK_ALERTS', {
  providedIn: 'root',
  factory: () => ({ unauthorizedPerMinute: 20, failureRate: 0.25, throttleMs: 300_000 }),
});

export type AlertName = '401-spike' | 'failure-rate';

/** Which alerts fire now, given the figures; pure, so thresholds are tested without Angular. */
export function dueAlerts(
  figures: { unauthorizedLastMinute: number; failureRate: number; windowSize: number },
  lastSent: Partial<Record<AlertName, number>>,
  now: number,
  options: NetworkAlertOptions,
): AlertName[] {
  const due: AlertName[] = [];
  const quiet = (name: AlertName) =>
    lastSent[name] === undefined || now - (lastSent[name] ?? 0) >= options.throttleMs;
  if (figures.unauthorizedLastMinute > options.unauthorizedPerMinute && quiet('401-spike'))
    due.push('401-spike');
  if (
    figures.windowSize >= FAILURE_WINDOW &&
    figures.failureRate > options.failureRate &&
    quiet('failure-rate')
  )
    due.push('failure-rate');
  return due;
}

/** Sends one throttled Sentry message when 401s spike or the failure rate crosses its threshold. */
@Injectable({ providedIn: 'root' })
export class NetworkAlerts {
  private readonly metrics = inject(NetworkMetricsStore);
  private readonly sentry = inject(SENTRY_CLIENT);
  private readonly clock = inject(NETWORK_CLOCK);
  private readonly options = inject(NETWORK_ALERTS);
  private readonly lastSent: Partial<Record<AlertName, number>> = {};

  constructor() {
    effect(() => this.check());
  }

  check(): void {
    const figures = {
      unauthorizedLastMinute: this.metrics.unauthorizedLastMinute(),
      failureRate: this.metrics.failureRate(),
      windowSize: this.metrics.window().length,
    };
    const now = this.clock.now();
    for (const alert of dueAlerts(figures, this.lastSent, now, this.options)) {
      this.lastSent[alert] = now;
      const message =
        alert === '401-spike'
          ? `Spike of 401s: ${figures.unauthorizedLastMinute} in the last minute`
          : `Failure rate ${Math.round(figures.failureRate * 100)} % over the last ${figures.windowSize} calls`;
      this.sentry.captureMessage(message, 'warning', { alert });
    }
  }
}
