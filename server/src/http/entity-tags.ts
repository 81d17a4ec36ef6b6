/**
 * The opaque values of an If-Match / If-None-Match list (RFC 9110 §8.8.3): `"7"`, `W/"7"`
 * and a bare `7` (lenient: some clients forget the quotes) all read as `7`; `*` stays `*`.
 * Weak and strong tags compare alike, since an order's version is exact either way.
 */
export function entityTags(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((part) =>
      part
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .filter((tag) => tag.length > 0);
}

/** Whether a conditional header lists `tag` (or `*`). */
export function matchesEntityTag(header: string | undefined, tag: string): boolean {
  return entityTags(header).some((candidate) => candidate === '*' || candidate === tag);
}
