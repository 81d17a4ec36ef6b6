import { REDACTED, isSecretParam } from './secret-names';

/**
 * A URL fit for logs, metrics and Sentry: secret values in the query and in a parameter-style
 * fragment (OAuth's implicit flow puts `#access_token=` there) replaced by `[redacted]`.
 * Relative URLs stay relative. A URL with neither `?` nor `#` is returned as it is (the hot path).
 */
export function redactUrl(url: string): string {
  const hashStart = url.indexOf('#');
  const beforeHash = hashStart < 0 ? url : url.slice(0, hashStart);
  const fragment = hashStart < 0 ? '' : `#${redactParams(url.slice(hashStart + 1))}`;
  const q = beforeHash.indexOf('?');
  if (q < 0) return beforeHash + fragment;
  return `${beforeHash.slice(0, q)}?${redactParams(beforeHash.slice(q + 1))}${fragment}`;
}

function redactParams(params: string): string {
  return params
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=', 1);
      return isSecretParam(decodeURIComponentSafe(name)) ? `${name}=${REDACTED}` : pair;
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
