import { HttpProblem } from './http-problem.ts';

/**
 * Fastify's own errors, by code. Everything the framework can reject before a handler runs
 * is listed here so that it still answers as problem+json, never as Fastify's default shape.
 */
const fastifyCodes: Record<string, (message: string) => HttpProblem> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (detail) => new HttpProblem('malformed-json', { detail }),
  FST_ERR_CTP_EMPTY_JSON_BODY: (detail) => new HttpProblem('malformed-json', { detail }),
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new HttpProblem('payload-too-large', { detail: 'The limit is 1048576 bytes.' }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new HttpProblem('unsupported-media-type', {
      detail: 'Send the body as JSON, with Content-Type: application/json.',
    }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: (detail) => new HttpProblem('bad-request', { detail }),
  // The router's, through `frameworkErrors`: a path with a broken %-escape, and a path
  // parameter over `maxParamLength` (Fastify's 414; only reachable if Node's header limit is
  // raised above it). No id that long exists, and the contract says unknown ids are 404.
  FST_ERR_BAD_URL: () =>
    new HttpProblem('bad-request', { detail: 'The path has an invalid %-escape.' }),
  FST_ERR_MAX_PARAM_LENGTH: () => HttpProblem.notFound('No resource has an id that long.'),
};

/** Turns anything thrown while serving a request into the problem to answer with. */
export function toHttpProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (typeof error === 'object' && error !== null) {
    const { code, statusCode, message } = error as {
      code?: unknown;
      statusCode?: unknown;
      message?: unknown;
    };
    const detail = typeof message === 'string' ? message : 'The request could not be read.';
    const known = typeof code === 'string' ? fastifyCodes[code] : undefined;
    if (known) return known(detail);
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return new HttpProblem('bad-request', { status: statusCode, detail });
    }
  }
  return new HttpProblem('internal');
}
