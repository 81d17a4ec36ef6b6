import * as v from 'valibot';
import { type OperatorFunction, map } from 'rxjs';
import { AppError, consoleDecodeReporter, type DecodeReporter } from '@keel/network';
import { collectRepairs } from './repair-log';

/**
 * Decodes a response body with a valibot schema. A body without the required shape becomes an
 * `AppError` of kind `parse` (DESIGN.md, "Defensive parsing"): the UI shows a message, never a
 * crash or a half-drawn page. What the schema repaired on the way (`orDefault`, `listOf`) goes
 * to `reporter` in one report. `what` names the payload in the error's cause and the report.
 */
export function decode<const S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  what: string,
  reporter: DecodeReporter = consoleDecodeReporter,
): v.InferOutput<S> {
  const { result, repairs } = collectRepairs(() => v.safeParse(schema, data));
  if (!result.success) {
    throw new AppError({ kind: 'parse', cause: new DecodeError(what, result.issues) });
  }
  if (repairs.length > 0) reporter.repaired({ what, repairs });
  return result.output;
}

/** `decode` as an RxJS operator, for repositories (pass the injected `DECODE_REPORTER`). */
export function decodeWith<const S extends v.GenericSchema>(
  schema: S,
  what: string,
  reporter?: DecodeReporter,
): OperatorFunction<unknown, v.InferOutput<S>> {
  return map((data) => decode(schema, data, what, reporter));
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
