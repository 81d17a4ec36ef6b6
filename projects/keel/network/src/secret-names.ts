/**
 * What counts as a secret, in one place: the network console's header redaction, the URL
 * redaction of records and the dev log, and Sentry's scrubbing all read these lists, so they
 * cannot drift apart (issue 10: the console once showed `X-Api-Key` in clear while Sentry hid it).
 *
 * Each name is written once, in one spelling: names are compared normalised (`normalizeSecretName`),
 * so `access_token` also covers `accessToken`, `access-token` and `AccessToken` (issue 14: the
 * probe got a camelCase `accessToken` past Sentry's scrubber).
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

/**
 * A name as the lists are compared: lower case, without `-` and `_`. Spellings of one name
 * (`accessToken`, `access_token`, `access-token`, `AccessToken`) become one; names that differ
 * in letters stay apart (`barcode` is not `code`).
 */
export function normalizeSecretName(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

// Built once at startup: a lookup per name, however the lists are spelled.
const HEADER_NAMES: ReadonlySet<string> = new Set([...SECRET_HEADERS].map(normalizeSecretName));
const PARAM_NAMES: ReadonlySet<string> = new Set([...SECRET_PARAMS].map(normalizeSecretName));

/** Whether a header (or a key holding one) carries credentials, however it is spelled. */
export function isSecretHeader(name: string): boolean {
  return HEADER_NAMES.has(normalizeSecretName(name));
}

/**
 * Whether a query parameter, cookie or object key holds a secret, however it is spelled. An
 * array- or object-style name counts when any of its parts does: `token[]`, `token[0]`,
 * `user[password]` (PHP, Rails and `qs` all write arrays and nested fields this way).
 */
export function isSecretParam(name: string): boolean {
  const normalized = normalizeSecretName(name);
  if (PARAM_NAMES.has(normalized)) return true;
  // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path only: a name without brackets splits into itself, already looked up above
  if (!normalized.includes('[')) return false;
  for (const part of normalized.split(/[[\]]/)) if (part && PARAM_NAMES.has(part)) return true;
  return false;
}

/** A header value fit for display: a secret one replaced (keeping the `Bearer` scheme word). */
export function redactHeaderValue(name: string, value: string): string {
  if (!isSecretHeader(name)) return value;
  return value.startsWith('Bearer ') ? `Bearer ${REDACTED}` : REDACTED;
}
