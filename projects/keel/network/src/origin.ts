/** Where a request URL goes, resolved once per call (the call plan holds it). */
export interface ResolvedUrl {
  /** `scheme://host[:port]`, as `URL.origin` gives it; undefined when the URL cannot be parsed. */
  readonly origin: string | undefined;
  /** The path, as `URL.pathname` gives it (the URL itself when it cannot be parsed). */
  readonly path: string;
}

/**
 * Resolves a request URL against the page's base like the browser does: a protocol-relative
 * `//host/x` is another origin, not a path. `baseOrigin` is `new URL(base).origin`, computed
 * once by the caller.
 *
 * Hot path: a root-relative path (`/api/orders?page=2`) is on the base's origin and its path is
 * the text before `?` or `#`, so it is read without `new URL` (which costs microseconds), unless
 * it has something the URL parser would rewrite (a backslash, a `.` segment, an encoded dot).
 */
export function resolveUrl(url: string, base: string, baseOrigin: string): ResolvedUrl {
  // A `/\` start (another host, as `//` is) goes to the parser too: NEEDS_PARSER has `\`.
  if (url.charCodeAt(0) === 47 /* / */ && url.charCodeAt(1) !== 47) {
    let end = url.length;
    const query = url.indexOf('?');
    // Stryker disable next-line EqualityOperator: the URL starts with "/", so "?" is never at index 0
    if (query >= 0) end = query;
    const hash = url.indexOf('#');
    // Stryker disable next-line EqualityOperator: "#" is never at index 0 (the URL starts with "/"), nor where "?" is or past the end
    if (hash >= 0 && hash < end) end = hash;
    const path = url.slice(0, end);
    if (!NEEDS_PARSER.test(path)) return { origin: baseOrigin, path };
  }
  try {
    const parsed = new URL(url, base);
    return { origin: parsed.origin === 'null' ? undefined : parsed.origin, path: parsed.pathname };
  } catch {
    return { origin: undefined, path: url };
  }
}

/** What `new URL` would change in a path: backslashes, dot segments (also percent-encoded), spaces and other characters it escapes. */
const NEEDS_PARSER = /[\\\s"<>^`{|}]|\/\.|%2e|[^\x21-\x7e]/i;

/** The origin of a URL resolved against `base`; undefined when it cannot be parsed. */
export function originOf(url: string, base: string): string | undefined {
  let origin: string | undefined;
  try {
    origin = new URL(url, base).origin;
  } catch {
    // Cannot be parsed: no origin.
  }
  return origin === 'null' ? undefined : origin;
}

/**
 * The allow-list of origins, turned into a set once at startup: a call's origin is then looked
 * up, not compared entry by entry.
 */
export function originSet(allowed: readonly string[], base: string): ReadonlySet<string> {
  const set = new Set<string>();
  for (const entry of allowed) {
    const origin = originOf(entry, base);
    if (origin) set.add(origin);
  }
  return set;
}

/** Whether the URL goes to one of the allowed origins: scheme, host and port must all match. */
export function isAllowedOrigin(url: string, allowed: readonly string[], base: string): boolean {
  // Stryker disable next-line StringLiteral: only a base that cannot be parsed gets the fallback, and the allow-list holds parsed origins, never such text
  const { origin } = resolveUrl(url, base, originOf(base, base) ?? '');
  // Stryker disable next-line ConditionalExpression: originSet never holds undefined, so looking it up is false as well
  return origin !== undefined && originSet(allowed, base).has(origin);
}
