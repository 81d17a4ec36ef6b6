import { inject } from '@angular/core';
import { type DecodeReporter, consoleDecodeReporter, type VersionReporter } from '@keel/network';
import { type FlagReporter, consoleFlagReporter } from '@keel/network/flags';
import { NetworkMetricsStore } from './network-metrics-store';
import { SENTRY_CLIENT } from './sentry-client';

/** Decode repairs: a metric and a Sentry breadcrumb (and the dev-mode console line). */
export function metricDecodeReporter(): DecodeReporter {
  const metrics = inject(NetworkMetricsStore);
  const sentry = inject(SENTRY_CLIENT);
  return {
    repaired(report) {
      metrics.countDecodeRepairs(report.repairs.length);
      sentry.addBreadcrumb({
        category: 'decode',
        level: 'warning',
        message: `${report.what}: ${report.repairs.length} repair(s)`,
        data: {
          repairs: report.repairs.slice(0, 20).map((r) => `${r.path} ${r.action} (${r.reason})`),
        },
      });
      consoleDecodeReporter.repaired(report);
    },
  };
}

/** Flag issues: a metric and a Sentry breadcrumb (and the dev-mode console line). */
export function metricFlagReporter(): FlagReporter {
  const metrics = inject(NetworkMetricsStore);
  const sentry = inject(SENTRY_CLIENT);
  return {
    report(issue) {
      metrics.countFlagIssue();
      sentry.addBreadcrumb({
        category: 'flags',
        level: 'warning',
        message: `flag issue: ${issue.kind}`,
        data: { ...issue },
      });
      consoleFlagReporter.report(issue);
    },
  };
}

/** Version trouble as Sentry messages: "update required" and "deprecated" (each reported once). */
export function sentryVersionReporter(): VersionReporter {
  const sentry = inject(SENTRY_CLIENT);
  return {
    upgradeRequired: ({ appVersion, minVersion }) =>
      sentry.captureMessage(
        `Update required: app ${appVersion} is below the API's minimum ${minVersion ?? '(not given)'}`,
        'warning',
        {
          'version.event': 'upgrade-required',
        },
      ),
    deprecated: ({ appVersion, sunsetAt }) =>
      sentry.captureMessage(
        `App ${appVersion} is deprecated by the API${sunsetAt === null ? '' : `, sunset ${new Date(sunsetAt).toISOString().slice(0, 10)}`}`,
        'info',
        { 'version.event': 'deprecated' },
      ),
  };
}
