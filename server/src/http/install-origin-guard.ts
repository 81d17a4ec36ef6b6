import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './http-problem.ts';
import type { OriginPolicy } from './origin-policy.ts';

// RFC 9110 §9.2.1: the methods that change nothing. A cross-site page can send them but,
// with no CORS, never read the answer; the Host check still stops DNS rebinding from reading.
const safeMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses, as 403 problem+json, a request whose `Host` the server does not serve
 * (`forbidden-host`) and a state-changing request from another site (`forbidden-origin`):
 * an `Origin` the policy does not accept, or `Sec-Fetch-Site: cross-site` (with no CORS, no
 * other site is meant to call this API, even one whose origin is listed). No `Origin` and no
 * `Sec-Fetch-Site` is a client that is not a browser (curl, tests) and is let through.
 *
 * Install it as the first onRequest hook: a refused request must change nothing, so it runs
 * before arrivals are counted, before the XSRF cookie is handed out and before chaos takes its
 * random draws (which would shift a seeded sequence). The whole server, not only `/api`: what
 * is not `/api` is a 404 anyway, and a rebinding host should not even learn that.
 */
export function installOriginGuard(app: FastifyInstance, policy: OriginPolicy): void {
  app.addHook('onRequest', async (request) => {
    const { host, origin } = request.headers;
    if (!policy.servesHost(host)) {
      throw new HttpProblem('forbidden-host', {
        detail: `This server does not answer to Host ${JSON.stringify(host ?? '')}; it serves loopback names and the hosts in API_ALLOWED_HOSTS.`,
      });
    }
    if (safeMethods.has(request.method)) return;
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw new HttpProblem('forbidden-origin', {
        detail: 'A cross-site request (Sec-Fetch-Site: cross-site) may not change anything.',
      });
    }
    if (origin !== undefined && !policy.acceptsOrigin(origin, host)) {
      throw new HttpProblem('forbidden-origin', {
        detail: `Requests from ${JSON.stringify(origin)} may not change anything; allowed are loopback origins, this server's own and those in API_ALLOWED_ORIGINS.`,
      });
    }
  });
}
