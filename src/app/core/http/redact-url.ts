/** Query parameters whose values are secrets or one-time codes. */
const SECRET_PARAMS =
  /^(token|access_token|refresh_token|id_token|code|password|secret|api_key|apikey|key|sig|signature|auth|session)$/i;

/**
 * A URL fit for logs, metrics and Sentry: secret values in the query and in a parameter-style
 * fragment (OAuth's implicit flow puts `#access_token=` there) replaced by `[redacted]`.
 * Relative URLs stay relative.
 */
export function redactUrl(url: string): string {
  const hashStart = url.indexOf('#');
  const beforeHash = hashStart < 0 ? url : url.slice(0, hashStart);
  const fragment = hashStart < 0 ? '' : `#${redactParams(url.slice(hashStart + 1))}`;
  const queryStart = beforeHash.indexOf('?');
  if (queryStart < 0) return beforeHash + fragment;
  return `${beforeHash.slice(0, queryStart)}?${redactParams(beforeHash.slice(queryStart + 1))}${fragment}`;
}

function redactParams(params: string): string {
  return params
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=', 1);
      return SECRET_PARAMS.test(decodeURIComponentSafe(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
