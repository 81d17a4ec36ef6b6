import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpProblem } from './http-problem.ts';
import { requestPath } from './request-path.ts';
import { traceParentOf } from './trace-context.ts';

/** Writes `problem` as an RFC 9457 `application/problem+json` response. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: HttpProblem,
): FastifyReply {
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/problem+json')
    .send(
      problemBody(
        problem,
        request.id,
        requestPath(request.url),
        traceParentOf(request.headers)?.traceId,
      ),
    );
}

/**
 * The RFC 9457 body of `problem`, as text. `instance` is absent only where no request could be
 * read (the raw answers of `clientErrorHandler`); `traceId` when the request carried a valid
 * `traceparent`, so an error report and this answer name the same trace.
 */
export function problemBody(
  problem: HttpProblem,
  requestId: string,
  instance?: string,
  traceId?: string,
): string {
  return JSON.stringify({
    type: problem.type,
    title: problem.title,
    status: problem.status,
    ...(problem.detail === undefined ? {} : { detail: problem.detail }),
    ...(instance === undefined ? {} : { instance }),
    // The same id as the X-Request-Id header, so a pasted error body finds its log line.
    requestId,
    ...(traceId === undefined ? {} : { traceId }),
    ...problem.extensions,
  });
}
