/**
 * A URL's route for grouping: path only, with id-like segments (anything with a digit, or a
 * UUID) replaced by `:id`, so `/api/orders/ord_123?x=1` and `/api/orders/ord_9` group together.
 */
export function routeOf(url: string): string {
  const path = url.split(/[?#]/)[0].replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '');
  return path
    .split('/')
    .map((segment) => (/\d/.test(segment) ? ':id' : segment))
    .join('/');
}
