import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './http-problem.ts';
import { requestPath } from './request-path.ts';
import { sendProblem } from './send-problem.ts';
import { toHttpProblem } from './to-http-problem.ts';

/** Makes every error and every unknown route answer as problem+json. */
export function installErrorHandling(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    const problem = toHttpProblem(error);
    if (problem.kind === 'internal') {
      const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`[keel-api] ${request.method} ${request.url} failed (${request.id}): ${stack}`);
    }
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      HttpProblem.notFound(`No route for ${request.method} ${requestPath(request.url)}.`),
    ),
  );
}
