import { InputReader } from '../http/input-reader.ts';
import type { FlagDefinition, FlagValue } from './flag-definitions.ts';

/** `PUT /api/_dev/flags` body: `{flags: {name: value | null}}`; null clears an override. */
export function readFlagOverrides(
  raw: unknown,
  definitions: readonly FlagDefinition[],
): Record<string, FlagValue | null> {
  const reader = new InputReader();
  const body = reader.object(raw, '', ['flags']);
  if (body && body['flags'] === undefined) reader.fail('flags', 'is required');
  const flags =
    body?.['flags'] === undefined
      ? undefined
      : reader.object(
          body['flags'],
          'flags',
          definitions.map((d) => d.name),
          'is not a known flag',
        );
  const changes: Record<string, FlagValue | null> = {};
  for (const { name, type } of definitions) {
    if (!flags || !Object.hasOwn(flags, name)) continue;
    const value = flags[name];
    const fits =
      value === null ||
      (typeof value === type && (typeof value !== 'number' || Number.isFinite(value)));
    if (fits) changes[name] = value as FlagValue | null;
    else reader.fail(`flags.${name}`, `must be a ${type} or null`);
  }
  reader.throwIfInvalid();
  return changes;
}
