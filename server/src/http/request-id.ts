import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

const acceptable = /^[\x21-\x7e]{1,200}$/;

/** The caller's X-Request-Id when it is a sane token, else a fresh UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && acceptable.test(given) ? given : randomUUID();
}
