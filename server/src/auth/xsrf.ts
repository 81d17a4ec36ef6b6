import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpProblem } from '../http/http-problem.ts';

export const xsrfCookie = 'XSRF-TOKEN';
const xsrfHeader = 'x-xsrf-token';

/**
 * Double-submit cookie, in the names Angular's HttpClient uses by default: script on our
 * origin can read the cookie and echo it in the header; a cross-site form cannot.
 * Any response to a request that came without the cookie sets one.
 */
export function installXsrfCookie(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.cookies[xsrfCookie]) return;
    reply.setCookie(xsrfCookie, randomBytes(18).toString('base64url'), {
      path: '/',
      sameSite: 'strict',
      httpOnly: false,
    });
  });
}

/** Throws 403 `/problems/xsrf` unless the header repeats the cookie the request carried. */
export function assertXsrf(request: FastifyRequest): void {
  const cookie = request.cookies[xsrfCookie];
  const header = request.headers[xsrfHeader];
  if (!cookie || typeof header !== 'string' || !sameText(cookie, header)) {
    throw new HttpProblem('xsrf', {
      detail: `Send the ${xsrfCookie} cookie's value in the X-XSRF-TOKEN header.`,
    });
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
