// The stacks' names and what each one is; no imports, so the Node side (report.ts) can load it.

export type StackName =
  | 'keel'
  | 'keel-app'
  | 'bare'
  | 'bare-headers'
  | 'naive-auth'
  | 'naive-retry'
  | 'naive'
  | 'axios-auth-refresh'
  | 'axios-retry'
  | 'axios'
  | 'ky';

export const STACK_LABELS: Readonly<Record<StackName, string>> = {
  keel: 'Keel (provideNetworkLayer + provideSession)',
  'keel-app': 'Keel as app.config wires it (+ provideObservability: metrics store, alerts)',
  bare: 'bare HttpClient (withFetch, no interceptors; Authorization set per call)',
  'bare-headers':
    "bare HttpClient sending Keel's headers too (X-Request-Id, X-Attempt, X-App-Version, X-Platform, traceparent): the server's share of the overhead",
  'naive-auth': 'naive interceptor: refresh on every 401, then replay',
  'naive-retry': 'naive retry(3) interceptor',
  naive: 'naive interceptors: refresh on every 401 + timeout + retry(3)',
  'axios-auth-refresh': 'axios + axios-auth-refresh 5 (documented setup)',
  'axios-retry': 'axios + axios-retry (defaults)',
  axios: 'axios + axios-auth-refresh 5 + axios-retry (defaults) + timeout',
  ky: 'ky 2 (its documented retry settings: timeout 10 s per attempt, totalTimeout 30 s, retry with jitter)',
};
