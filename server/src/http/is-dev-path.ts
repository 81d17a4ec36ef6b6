import { requestPath } from './request-path.ts';

/** Dev controls are outside chaos, the version policy and the stats they control. */
export function isDevPath(url: string): boolean {
  const path = requestPath(url);
  return path === '/api/_dev' || path.startsWith('/api/_dev/');
}
