import { REDACTED, isSecretHeader, isSecretParam, redactUrl } from '@keel/network';

/**
 * A JWT: three base64url parts, the first one a JSON header (`eyJ`). The dots may come
 * percent-encoded (`%2E`, or `%252E` when encoded twice), as they do inside an encoded URL.
 */
const JWT = /eyJ[\w-]{5,}(?:\.|%(?:25)?2e)[\w-]{5,}(?:\.|%(?:25)?2e)[\w-]{5,}/gi;
/** `Bearer <anything token-like>` in free text. */
const BEARER = /\b(Bearer)\s+[\w.~+/=-]{8,}/gi;
/**
 * A name followed by `=` or `:` in free text: `token=`, `accessToken=`, `token[]=`,
 * `token%5B%5D=`, `X-XSRF-Token: `, `"password": `. Whether the name is a secret is decided by
 * the network layer's one list (`isSecretParam`, `isSecretHeader`), not by this pattern. The lookbehind
 * starts a name only where a word starts, which also keeps the scan linear on long words.
 */
const NAMED = /(?<![\w%-])(["']?)([A-Za-z_][\w%-]*(?:\[[^\]\s=&]*\])*)\1[ \t]*([=:])[ \t]*/g;
/** The value of a `name=value` pair: up to the next separator of a query string or cookie. */
const PAIR_VALUE = /[^\s&;"',]*/y;
/** The value of a `Name: value` header line: the rest of the line (schemes, cookie lists). */
const HEADER_VALUE = /[^\r\n"']*/y;
/** An unquoted JSON value (`"password": 1234`). */
const JSON_VALUE = /[^\s,}\]]*/y;

/**
 * Keys whose string values are URLs: breadcrumbs' `url` and navigation's `to`/`from`, spans'
 * `url.full`/`http.url`. They go through the URL redaction, which replaces a secret parameter's
 * whole value (free-text scrubbing stops at `,` or `;`, which a query value may contain).
 */
const URL_KEYS: ReadonlySet<string> = new Set(['url', 'to', 'from', 'url.full', 'http.url']);
/** Keys whose string values are query strings, without their `?`. */
const QUERY_KEYS: ReadonlySet<string> = new Set(['query_string', 'url.query']);

/** How deep `scrubDeep` goes; Sentry's own events and breadcrumbs are far shallower. */
const MAX_DEPTH = 12;
/** What an object or array deeper than `MAX_DEPTH` (or a cycle) becomes. */
export const TOO_DEEP = '[cut: too deep]';

/**
 * Removes token-shaped substrings from any text: JWTs, bearer tokens, and the values of secret
 * names in `name=value` pairs, `Name: value` header lines and `"name": value` JSON.
 */
export function scrubString(text: string): string {
  return redactNamedValues(text.replace(JWT, REDACTED).replace(BEARER, `$1 ${REDACTED}`));
}

/** A URL with secret query parameters and token-shaped parts redacted. */
export function scrubUrl(url: string): string {
  return scrubString(redactUrl(url));
}

/**
 * Walks any JSON-like value and scrubs it: values under a secret key (a credential header, a
 * secret parameter name in any spelling, Sentry's `cookies`) are replaced whole, whatever their
 * shape; URLs lose secret query values; other strings lose token-shaped substrings. Returns a
 * copy; objects and arrays deeper than `MAX_DEPTH` levels, cycles included, become `TOO_DEEP`.
 */
export function scrubDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return scrubString(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return TOO_DEEP as T;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1)) as T;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'cookies' || isSecretHeader(key) || isSecretParam(key)) result[key] = REDACTED;
    else if (typeof item === 'string' && URL_KEYS.has(key)) result[key] = scrubUrl(item);
    else if (typeof item === 'string' && QUERY_KEYS.has(key))
      result[key] = scrubString(redactUrl(`?${item}`).slice(1));
    else result[key] = scrubDeep(item, depth + 1);
  }
  return result as T;
}

/** Replaces the value after every secret name in `text` (see `NAMED`). */
function redactNamedValues(text: string): string {
  let out = '';
  let copied = 0;
  NAMED.lastIndex = 0;
  for (let match = NAMED.exec(text); match; match = NAMED.exec(text)) {
    const [, quote, name, separator] = match;
    // The name first: a value is read only for a secret, so each character is read about once.
    if (!isSecretName(name, separator, quote !== '')) continue;
    const value = valueAfter(text, NAMED.lastIndex, separator, quote !== '');
    if (value === null) continue;
    out += text.slice(copied, value.start) + REDACTED;
    copied = value.end;
    NAMED.lastIndex = value.end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * `=` pairs count for every secret name. `:` counts for header names (`X-XSRF-Token: …`) and,
 * when the name is quoted, for every name (JSON); an unquoted `code: 500` or `key: orders.title`
 * in a message is prose, not a credential.
 */
function isSecretName(name: string, separator: string, quoted: boolean): boolean {
  const decoded = name.includes('%') ? decodeSafe(name) : name;
  if (isSecretHeader(decoded)) return true;
  return (separator === '=' || quoted) && isSecretParam(decoded);
}

/** Where the value after a name starts and ends; null when there is none. */
function valueAfter(
  text: string,
  from: number,
  separator: string,
  quotedName: boolean,
): { start: number; end: number } | null {
  const open = text[from];
  if (open === '"' || open === "'") {
    const close = text.indexOf(open, from + 1);
    return close > from + 1 ? { start: from + 1, end: close } : null;
  }
  const pattern = separator === '=' ? PAIR_VALUE : quotedName ? JSON_VALUE : HEADER_VALUE;
  pattern.lastIndex = from;
  const length = pattern.exec(text)?.[0].trimEnd().length ?? 0;
  return length > 0 ? { start: from, end: from + length } : null;
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
