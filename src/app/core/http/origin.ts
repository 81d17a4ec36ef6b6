/**
 * The origin a request URL goes to, resolved against the page's base like the browser does: a
 * protocol-relative `//host/x` is another origin, not a path. Undefined for unparseable URLs.
 */
export function originOf(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).origin;
  } catch {
    return undefined;
  }
}

/** The path of a request URL, resolved the same way. */
export function pathOf(url: string, base: string): string {
  try {
    return new URL(url, base).pathname;
  } catch {
    return url;
  }
}

/** Whether the URL goes to one of the allowed origins: scheme, host and port must all match. */
export function isAllowedOrigin(url: string, allowed: readonly string[], base: string): boolean {
  const origin = originOf(url, base);
  return (
    origin !== undefined &&
    origin !== 'null' &&
    allowed.some((entry) => originOf(entry, base) === origin)
  );
}
