/**
 * What counts as a secret, in one place: the network console's header redaction, the URL
 * redaction of records and the dev log, and Sentry's scrubbing all read these lists, so they
 * cannot drift apart (issue 10: the console once showed `X-Api-Key` in clear while Sentry hid it).
 */

/** Headers that carry credentials, lower case. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-xsrf-token',
  'x-csrf-token',
  'x-api-key',
]);

/** Query parameters (and `name=value` pairs in free text) whose values are secrets, lower case. */
export const SECRET_PARAMS: ReadonlySet<string> = new Set([
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'password',
  'secret',
  'api_key',
  'apikey',
  'key',
  'sig',
  'signature',
  'auth',
  'session',
  // Cookie names of the dev API's session (a `Cookie:` value copied into a message).
  'keel_refresh',
  'xsrf-token',
]);

export const REDACTED = '[redacted]';

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

export function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.has(name.toLowerCase());
}

/** A header value fit for display: a secret one replaced (keeping the `Bearer` scheme word). */
export function redactHeaderValue(name: string, value: string): string {
  if (!isSecretHeader(name)) return value;
  return value.startsWith('Bearer ') ? `Bearer ${REDACTED}` : REDACTED;
}
