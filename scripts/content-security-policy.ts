// The app's Content-Security-Policy, in one place. It is sent as a header by the dev server
// (angular.json `serve.options.headers`), by the production server of e2e and the bench
// (scripts/serve-dist.ts, bench/serve.ts), and it is the policy README tells a deployment to
// send; src/index.html carries the same policy as a <meta> tag for hosts that cannot set
// headers (without the directives a meta tag cannot carry). scripts/content-security-policy.test.ts
// checks that angular.json and index.html say what this module says.
//
// Why each directive (see README "Security"):
// - script-src 'self': the build has no inline script at all (`inlineCritical` is off in
//   angular.json: Beasties' critical-CSS loader is an inline onload handler), so no hash or
//   nonce is needed, and the index works the same from the service worker's cache. The only
//   other things this origin serves are the API's JSON answers, sent with `nosniff` and a JSON
//   type, which a browser refuses to run as script.
// - require-trusted-types-for 'script' with only these policies: Angular's `angular` (the
//   sanitizer's output) and `angular#components` (Angular Material/CDK), and the app's own
//   `keel#service-worker`, which allows exactly the service worker's script URL
//   (src/app/shared/service-worker-script.ts). The app has no bypassSecurityTrust* call, so
//   `angular#unsafe-bypass` is not allowed; a policy name may be created once only.
// - style-src 'unsafe-inline': Angular adds component styles as <style> elements at run time; a
//   nonce would have to be minted per response, which a cached index (service worker) cannot do.
//   Styles cannot run script, and Trusted Types covers the script sinks.
// - connect-src 'self': the API is proxied on the app's origin, and so is the dev Sentry sink
//   (public/config.json's DSN uses `{host}`). A DSN on another host adds that origin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_WORKER_POLICY } from '../src/app/shared/service-worker-script';

export type CspDirectives = Record<string, readonly string[]>;

/** Directives a <meta http-equiv> policy ignores (CSP3 §3.3): they only work as a header. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = [
  'frame-ancestors',
  'report-uri',
  'sandbox',
];

/** The origin of a Sentry DSN, or null when it is the app's own (`{host}`) or absent. */
export function dsnOrigin(dsn: string | undefined): string | null {
  if (!dsn || dsn.includes('{host}')) return null;
  return new URL(dsn).origin;
}

export function cspDirectives(options: { sentryDsn?: string } = {}): CspDirectives {
  const sentry = dsnOrigin(options.sentryDsn);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(sentry ? [sentry] : [])],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'require-trusted-types-for': ["'script'"],
    'trusted-types': ['angular', 'angular#components', SERVICE_WORKER_POLICY],
  };
}

export function serializeCsp(
  directives: CspDirectives,
  form: 'header' | 'meta' = 'header',
): string {
  return Object.entries(directives)
    .filter(([name]) => form === 'header' || !HEADER_ONLY_DIRECTIVES.includes(name))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The policy for this app, with the Sentry DSN of public/config.json. */
export function appCsp(form: 'header' | 'meta' = 'header'): string {
  const config = JSON.parse(
    readFileSync(join(__dirname, '..', 'public', 'config.json'), 'utf8'),
  ) as { sentry?: { dsn?: string } };
  return serializeCsp(cspDirectives({ sentryDsn: config.sentry?.dsn }), form);
}

/**
 * Every header a deployment sends with the app's files (README "Security"): the policy, no
 * MIME sniffing, no referrer to other sites. The dev server sends the same (angular.json).
 */
export const APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': appCsp(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};
