import { REDACTED, SECRET_PARAMS, isSecretHeader, redactUrl } from '../http';

/** A JWT: three base64url parts, the first one a JSON header (`eyJ`). */
const JWT = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g;
/** `Bearer <anything token-like>` in free text. */
const BEARER = /\b(Bearer)\s+[\w.~+/=-]{8,}/gi;
/**
 * `token=…`-style pairs in free text (query strings inside messages, cookies in strings), for
 * every name of core/http's one list of secret parameters.
 */
const SECRET_PAIRS = new RegExp(
  `\\b(${[...SECRET_PARAMS].map((name) => name.replace(/[-_]/g, '[-_]')).join('|')})=([^\\s&;"',]+)`,
  'gi',
);

/** Removes token-shaped substrings from any text: JWTs, bearer tokens, `token=…` pairs. */
export function scrubString(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(SECRET_PAIRS, `$1=${REDACTED}`);
}

/** A URL with secret query parameters and token-shaped parts redacted. */
export function scrubUrl(url: string): string {
  return scrubString(redactUrl(url));
}

/**
 * Walks any JSON-like value and scrubs it: credential headers and cookies are replaced whole,
 * strings lose token-shaped substrings, URLs lose secret query values. Returns a copy; cycles
 * and very deep values are cut rather than followed.
 */
export function scrubDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return scrubString(value) as T;
  if (value === null || typeof value !== 'object' || depth > 12) return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1)) as T;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (isSecretHeader(key) || key === 'cookies') result[key] = REDACTED;
    else if (key === 'url' && typeof item === 'string') result[key] = scrubUrl(item);
    else if (key === 'query_string' && typeof item === 'string')
      result[key] = scrubString(redactUrl(`?${item}`).slice(1));
    else result[key] = scrubDeep(item, depth + 1);
  }
  return result as T;
}
