import type { FastifyInstance } from 'fastify';

/**
 * Hardening for answers that are JSON and never a page (issue 14): no browser may sniff one
 * into HTML or script, run anything in it, frame it, or send a Referer from it. The same on
 * every answer, so one list, built once.
 */
const securityHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

/** The headers every answer carries, including those written by hand on a bare socket. */
export function commonHeaders(requestId: string, flagsVersion: number): Record<string, string> {
  return {
    'x-request-id': requestId,
    'x-flags-version': String(flagsVersion),
    ...securityHeaders,
  };
}

/**
 * `commonHeaders` on every response, errors, 404s and dev routes included. Set at send time so
 * that a PUT /api/_dev/flags already answers with the version it created.
 */
export function installCommonHeaders(app: FastifyInstance, flagsVersion: () => number): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(commonHeaders(request.id, flagsVersion()));
    return payload;
  });
}
