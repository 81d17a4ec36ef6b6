import { HttpProblem, type FieldError } from './http-problem.ts';

export type JsonObject = Record<string, unknown>;

interface StringRules {
  minLength?: number;
  maxLength?: number;
}

interface NumberRules {
  min?: number;
  max?: number;
  integer?: boolean;
}

interface ArrayRules {
  minItems?: number;
  maxItems?: number;
}

// C0 controls, DEL and C1 controls. No query value means one (a search term, a number, a
// status), and they do harm: SQLite ends a LIKE pattern at a NUL, so `q=%00zzzz` matched every
// order (issue 14).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Reads untrusted input field by field and collects every problem before answering, so one
 * 422 lists all of them (a form can mark every bad field at once).
 *
 * Readers of required fields return a harmless fallback ('' or 0) for a bad field; callers
 * must call `throwIfInvalid()` before using what they read. A `source` of undefined means the
 * parent was not an object, which is already reported, so its fields are not.
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
    const found = this.read(source, key, prefix, true);
    return (found && this.checkString(found.value, found.field, rules)) ?? '';
  }

  optionalString(
    source: JsonObject | undefined,
    key: string,
    rules: StringRules = {},
    prefix = '',
  ): string | undefined {
    const found = this.read(source, key, prefix, false);
    return found && this.checkString(found.value, found.field, rules);
  }

  /** Absent → undefined (leave as is); null → null (clear); else a checked string. */
  nullableString(
    source: JsonObject | undefined,
    key: string,
    rules: StringRules = {},
  ): string | null | undefined {
    return source?.[key] === null ? null : this.optionalString(source, key, rules);
  }

  number(
    source: JsonObject | undefined,
    key: string,
    rules: NumberRules = {},
    prefix = '',
  ): number {
    const found = this.read(source, key, prefix, true);
    return (found && this.checkNumber(found.value, found.field, rules)) ?? 0;
  }

  optionalNumber(
    source: JsonObject | undefined,
    key: string,
    rules: NumberRules = {},
  ): number | undefined {
    const found = this.read(source, key, '', false);
    return found && this.checkNumber(found.value, found.field, rules);
  }

  /** A number given as text, as query parameters are: "20" reads as 20, "2x" is an error. */
  numericText(value: string, field: string, rules: NumberRules): number | undefined {
    return this.checkNumber(/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value, field, rules);
  }

  /** Fails `field` when `value` holds a control character; whether it was free of them. */
  noControlCharacters(value: string, field: string): boolean {
    if (!controlCharacter.test(value)) return true;
    this.fail(field, 'must not contain control characters');
    return false;
  }

  optionalBoolean(source: JsonObject | undefined, key: string): boolean | undefined {
    const found = this.read(source, key, '', false);
    if (!found || typeof found.value === 'boolean') return found?.value as boolean | undefined;
    this.fail(found.field, 'must be true or false');
    return undefined;
  }

  array(source: JsonObject | undefined, key: string, rules: ArrayRules = {}): unknown[] {
    const found = this.read(source, key, '', true);
    return (found && this.checkArray(found.value, found.field, rules)) ?? [];
  }

  optionalArray(
    source: JsonObject | undefined,
    key: string,
    rules: ArrayRules = {},
  ): unknown[] | undefined {
    const found = this.read(source, key, '', false);
    return found && this.checkArray(found.value, found.field, rules);
  }

  /** Throws one `/problems/validation` listing every error collected so far. */
  throwIfInvalid(): void {
    if (this.errors.length > 0) throw HttpProblem.validation(this.errors);
  }

  /** The field's value, or undefined when it is absent (an error if `required`). */
  private read(
    source: JsonObject | undefined,
    key: string,
    prefix: string,
    required: boolean,
  ): { field: string; value: unknown } | undefined {
    if (source === undefined) return undefined;
    const field = join(prefix, key);
    const value = Object.hasOwn(source, key) ? source[key] : undefined;
    if (value === undefined || (value === null && required)) {
      if (required) this.fail(field, 'is required');
      return undefined;
    }
    return { field, value };
  }

  private checkString(
    value: unknown,
    field: string,
    { minLength, maxLength }: StringRules,
  ): string | undefined {
    if (typeof value !== 'string') {
      this.fail(field, 'must be a string');
      return undefined;
    }
    if (minLength !== undefined && value.length < minLength) {
      this.fail(
        field,
        minLength === 1 ? 'must not be empty' : `must have at least ${minLength} characters`,
      );
    } else if (maxLength !== undefined && value.length > maxLength) {
      this.fail(field, `must have at most ${maxLength} characters`);
    }
    return value;
  }

  private checkNumber(value: unknown, field: string, rules: NumberRules): number | undefined {
    const { min, max, integer } = rules;
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (integer && !Number.isInteger(value))
    ) {
      this.fail(field, integer ? 'must be an integer' : 'must be a number');
      return undefined;
    }
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      this.fail(field, rangeMessage(rules));
      return undefined;
    }
    return value;
  }

  private checkArray(
    value: unknown,
    field: string,
    { minItems, maxItems }: ArrayRules,
  ): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.fail(field, 'must be an array');
    } else if (minItems !== undefined && value.length < minItems) {
      this.fail(field, `must have at least ${minItems} item${minItems === 1 ? '' : 's'}`);
    } else if (maxItems !== undefined && value.length > maxItems) {
      this.fail(field, `must have at most ${maxItems} items`);
    } else {
      return value;
    }
    return undefined;
  }
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

function rangeMessage({ min, max }: NumberRules): string {
  if (min !== undefined && max !== undefined) return `must be between ${min} and ${max}`;
  return min !== undefined ? `must be at least ${min}` : `must be at most ${max}`;
}
