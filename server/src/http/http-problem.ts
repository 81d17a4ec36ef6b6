/** One field that failed validation, as listed in a `/problems/validation` body. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every problem type this API can answer with, its default status and its title.
 * The title is fixed per type (RFC 9457 §3.1.3: it should not change from occurrence to
 * occurrence); what differs per occurrence goes into `detail`.
 */
const catalog = {
  validation: { status: 422, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  'bad-request': { status: 400, title: 'The request could not be read' },
  'payload-too-large': { status: 413, title: 'The body is larger than 1 MiB' },
  'unsupported-media-type': { status: 415, title: 'The content type is not supported' },
  'not-found': { status: 404, title: 'Not found' },
  unauthorized: { status: 401, title: 'Sign in to continue' },
  'token-expired': { status: 401, title: 'The access token has expired' },
  'invalid-credentials': { status: 401, title: 'Wrong email or password' },
  'invalid-refresh-token': { status: 401, title: 'The session has ended' },
  xsrf: { status: 403, title: 'The XSRF token is missing or does not match' },
  'forbidden-host': { status: 403, title: 'This server does not serve that host' },
  'forbidden-origin': { status: 403, title: 'Requests from other sites may not change anything' },
  'rate-limited': { status: 429, title: 'Too many attempts' },
  'upgrade-required': { status: 426, title: 'This version of the app is no longer supported' },
  'precondition-required': { status: 428, title: 'If-Match is required' },
  'precondition-failed': { status: 412, title: 'The resource has changed' },
  'idempotency-key-reused': {
    status: 422,
    title: 'The Idempotency-Key was already used with another request',
  },
  'malformed-envelope': { status: 400, title: 'The Sentry envelope could not be read' },
  chaos: { status: 503, title: 'Injected failure (dev chaos)' },
  internal: { status: 500, title: 'Internal server error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof catalog;

export interface HttpProblemOptions {
  detail?: string;
  /** Overrides the catalog status; only `chaos` (any 4xx/5xx) and `bad-request` need it. */
  status?: number;
  /** RFC 9457 extension members, e.g. `errors`, `minVersion`, `currentVersion`. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * An error that becomes an `application/problem+json` response. Handlers and hooks throw it;
 * the one error handler (`installErrorHandling`) turns it into the body, so every error of
 * the API has the same shape.
 */
export class HttpProblem extends Error {
  readonly kind: ProblemKind;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(kind: ProblemKind, options: HttpProblemOptions = {}) {
    super(options.detail ?? catalog[kind].title);
    this.name = 'HttpProblem';
    this.kind = kind;
    this.status = options.status ?? catalog[kind].status;
    this.title = catalog[kind].title;
    this.detail = options.detail;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  get type(): string {
    return `/problems/${this.kind}`;
  }

  static validation(errors: FieldError[], detail?: string): HttpProblem {
    return new HttpProblem('validation', {
      detail: detail ?? errors.map((e) => `${e.field} ${e.message}`).join('; '),
      extensions: { errors },
    });
  }

  static notFound(detail: string): HttpProblem {
    return new HttpProblem('not-found', { detail });
  }
}
