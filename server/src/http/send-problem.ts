import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpProblem } from './http-problem.ts';
import { requestPath } from './request-path.ts';

/** Writes `problem` as an RFC 9457 `application/problem+json` response. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: HttpProblem,
): FastifyReply {
  const body = {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    ...(problem.detail === undefined ? {} : { detail: problem.detail }),
    instance: requestPath(request.url),
    // The same id as the X-Request-Id header, so a pasted error body finds its log line.
    requestId: request.id,
    ...problem.extensions,
  };
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/problem+json')
    .send(JSON.stringify(body));
}
