/** Query parameters whose values are secrets or one-time codes. */
const SECRET_PARAMS = /^(token|access_token|refresh_token|id_token|code|password|secret|api_key|apikey|key|sig|signature|auth|session)$/i;

/**
 * A URL fit for logs, metrics and Sentry: secret query values replaced by `[redacted]`.
 * Relative URLs stay relative.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const hashStart = url.indexOf('#', queryStart);
  const query = url.slice(queryStart + 1, hashStart < 0 ? undefined : hashStart);
  const redacted = query
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=', 1);
      return SECRET_PARAMS.test(decodeURIComponentSafe(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart)}?${redacted}`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
