/** An RFC 9457 problem details body, as every error of the API carries. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status?: number;
  readonly detail?: string;
  readonly instance?: string;
  /** Extension members, e.g. `minVersion` or `currentVersion`. */
  readonly [extension: string]: unknown;
}

/** Field-level messages of a validation problem, keyed by field path (`items.0.quantity`). */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/**
 * Reads a problem details body defensively: a body that is not an object with a string `type`
 * (RFC 9457 defaults it to `about:blank`) and `title` is not a problem. Accepts a JSON string
 * too, since a fetch error body may arrive unparsed.
 */
export function parseProblem(body: unknown): ProblemDetails | undefined {
  if (typeof body === 'string') {
    try {
      // Stryker disable BlockStatement: an empty catch block would leave the string, which the record check refuses too
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  // Stryker restore BlockStatement
  if (!isRecord(body)) return undefined;
  const type = typeof body['type'] === 'string' ? body['type'] : 'about:blank';
  const title = body['title'];
  if (typeof title !== 'string') return undefined;
  const status = typeof body['status'] === 'number' ? body['status'] : undefined;
  return { ...body, type, title, status };
}

/** The `errors: [{field, message}]` extension of a validation problem, grouped by field. */
export function fieldErrors(problem: ProblemDetails | undefined): FieldErrors {
  const errors = problem?.['errors'];
  if (!Array.isArray(errors)) return {};
  const result: Record<string, string[]> = {};
  for (const entry of errors) {
    if (!isRecord(entry) || typeof entry['message'] !== 'string') continue;
    const field = typeof entry['field'] === 'string' && entry['field'] ? entry['field'] : '';
    (result[field] ??= []).push(entry['message']);
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
