import { HttpProblem, type FieldError } from './http-problem.ts';

export type JsonObject = Record<string, unknown>;

interface StringRules {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  /** Said after "must" when `pattern` fails, e.g. "be a semantic version". */
  patternMessage?: string;
}

interface NumberRules {
  min?: number;
  max?: number;
  integer?: boolean;
}

/**
 * Reads untrusted input field by field and collects every problem before answering, so one
 * 422 lists all of them (the form can mark every bad field at once).
 *
 * Readers return a harmless fallback ('' or 0) for a bad field; callers must call
 * `throwIfInvalid()` before using what they read.
 */
export class InputReader {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** A JSON object whose keys are all in `allowed`; unknown keys are errors, not ignored. */
  object(
    value: unknown,
    field: string,
    allowed: readonly string[],
    unknownMessage = 'is not an allowed field',
  ): JsonObject | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(field || 'body', 'must be a JSON object');
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(join(field, key), unknownMessage);
    }
    return value as JsonObject;
  }

  string(
    source: JsonObject | undefined,
    key: string,
    rules: StringRules = {},
    prefix = '',
  ): string {
    return this.optionalString(source, key, rules, prefix, true) ?? '';
  }

  optionalString(
    source: JsonObject | undefined,
    key: string,
    rules: StringRules = {},
    prefix = '',
    required = false,
  ): string | undefined {
    const value = this.present(source, key, prefix, required);
    if (value === undefined) return undefined;
    const field = join(prefix, key);
    if (typeof value !== 'string') {
      this.fail(field, 'must be a string');
      return undefined;
    }
    if (rules.minLength !== undefined && value.length < rules.minLength) {
      this.fail(
        field,
        rules.minLength === 1
          ? 'must not be empty'
          : `must have at least ${rules.minLength} characters`,
      );
    } else if (rules.maxLength !== undefined && value.length > rules.maxLength) {
      this.fail(field, `must have at most ${rules.maxLength} characters`);
    } else if (rules.pattern && !rules.pattern.test(value)) {
      this.fail(field, `must ${rules.patternMessage ?? `match ${rules.pattern.source}`}`);
    }
    return value;
  }

  /** Absent → undefined (leave as is); null → null (clear); else a checked string. */
  nullableString(
    source: JsonObject | undefined,
    key: string,
    rules: StringRules = {},
    prefix = '',
  ): string | null | undefined {
    if (source?.[key] === null) return null;
    return this.optionalString(source, key, rules, prefix);
  }

  number(
    source: JsonObject | undefined,
    key: string,
    rules: NumberRules = {},
    prefix = '',
  ): number {
    return this.optionalNumber(source, key, rules, prefix, true) ?? 0;
  }

  optionalNumber(
    source: JsonObject | undefined,
    key: string,
    rules: NumberRules = {},
    prefix = '',
    required = false,
  ): number | undefined {
    const value = this.present(source, key, prefix, required);
    if (value === undefined) return undefined;
    return this.checkNumber(value, join(prefix, key), rules);
  }

  /** A number given as text, as query parameters are: "20" reads as 20, "2x" is an error. */
  numericText(value: string, field: string, rules: NumberRules): number | undefined {
    return this.checkNumber(/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value, field, rules);
  }

  optionalBoolean(source: JsonObject | undefined, key: string, prefix = ''): boolean | undefined {
    const value = this.present(source, key, prefix, false);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.fail(join(prefix, key), 'must be true or false');
      return undefined;
    }
    return value;
  }

  array(
    source: JsonObject | undefined,
    key: string,
    rules: { minItems?: number; maxItems?: number } = {},
    prefix = '',
  ): unknown[] {
    return this.optionalArray(source, key, rules, prefix, true) ?? [];
  }

  optionalArray(
    source: JsonObject | undefined,
    key: string,
    rules: { minItems?: number; maxItems?: number } = {},
    prefix = '',
    required = false,
  ): unknown[] | undefined {
    const value = this.present(source, key, prefix, required);
    if (value === undefined) return undefined;
    const field = join(prefix, key);
    if (!Array.isArray(value)) {
      this.fail(field, 'must be an array');
      return undefined;
    }
    if (rules.minItems !== undefined && value.length < rules.minItems) {
      this.fail(
        field,
        `must have at least ${rules.minItems} item${rules.minItems === 1 ? '' : 's'}`,
      );
      return undefined;
    }
    if (rules.maxItems !== undefined && value.length > rules.maxItems) {
      this.fail(field, `must have at most ${rules.maxItems} items`);
      return undefined;
    }
    return value;
  }

  /** Throws one `/problems/validation` listing every error collected so far. */
  throwIfInvalid(): void {
    if (this.errors.length > 0) throw HttpProblem.validation(this.errors);
  }

  private present(
    source: JsonObject | undefined,
    key: string,
    prefix: string,
    required: boolean,
  ): unknown {
    // No source means the parent was not an object: that error is already reported.
    if (source === undefined) return undefined;
    const value = Object.hasOwn(source, key) ? source[key] : undefined;
    if (value === undefined || (value === null && required)) {
      if (required) this.fail(join(prefix, key), 'is required');
      return undefined;
    }
    return value;
  }

  private checkNumber(value: unknown, field: string, rules: NumberRules): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(field, rules.integer ? 'must be an integer' : 'must be a number');
      return undefined;
    }
    if (rules.integer && !Number.isInteger(value)) {
      this.fail(field, 'must be an integer');
      return undefined;
    }
    if (
      (rules.min !== undefined && value < rules.min) ||
      (rules.max !== undefined && value > rules.max)
    ) {
      this.fail(field, rangeMessage(rules));
      return undefined;
    }
    return value;
  }
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

function rangeMessage({ min, max }: NumberRules): string {
  if (min !== undefined && max !== undefined) return `must be between ${min} and ${max}`;
  return min !== undefined ? `must be at least ${min}` : `must be at most ${max}`;
}
