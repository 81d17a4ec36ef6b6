/**
 * Where Sentry's trace headers go: this origin's `/api/`, never a third party. One rule for
 * `Sentry.init`'s `tracePropagationTargets` and for the `sentry-trace` the network layer stamps
 * in the call's own trace (`SENTRY_TRACE_TARGET`), so the two never disagree.
 */
const API_PATH = '/api/';

export function sentryTracePropagationTargets(origin: string): RegExp[] {
  return [
    new RegExp(`^${escapeRegExp(API_PATH)}`),
    new RegExp(`^${escapeRegExp(origin + API_PATH)}`),
  ];
}

/** Whether a request to `origin` and `path` is one Sentry sends its trace headers to. */
export function isSentryTraceTarget(origin: string, path: string, own: string): boolean {
  return origin === own && path.startsWith(API_PATH);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
