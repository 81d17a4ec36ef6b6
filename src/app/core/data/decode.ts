import * as v from 'valibot';
import { type OperatorFunction, map } from 'rxjs';
import { AppError } from '../http';

/**
 * Decodes a response body with a valibot schema. A body without the required shape becomes an
 * `AppError` of kind `parse` (DESIGN.md, "Defensive parsing"): the UI shows a message, never a
 * crash or a half-drawn page. `what` names the payload in the error's cause, for Sentry.
 */
export function decode<const S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  what: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  throw new AppError({ kind: 'parse', cause: new DecodeError(what, result.issues) });
}

/** `decode` as an RxJS operator, for repositories. */
export function decodeWith<const S extends v.GenericSchema>(
  schema: S,
  what: string,
): OperatorFunction<unknown, v.InferOutput<S>> {
  return map((data) => decode(schema, data, what));
}

/** What did not match, with paths, kept as the `cause` of a `parse` AppError. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  readonly paths: readonly string[];

  constructor(
    readonly what: string,
    issues: readonly v.BaseIssue<unknown>[],
  ) {
    const paths = issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
    super(`${what} did not match its schema: ${paths.join('; ')}`);
    this.paths = paths;
  }
}
