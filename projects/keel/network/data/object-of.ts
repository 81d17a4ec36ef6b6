import * as v from 'valibot';
import { withinPath } from './repair-log';

/**
 * `v.object(entries)` that tells the repair report which field it is in, so a defaulted field
 * reads `items[3].notes`, not just "a field". Unknown keys are dropped, as with `v.object`.
 */
export function objectOf<const E extends v.ObjectEntries>(
  entries: E,
): v.ObjectSchema<E, undefined> {
  const scoped: Record<string, v.ObjectEntries[string]> = {};
  for (const [key, schema] of Object.entries(entries)) scoped[key] = within(key, schema);
  return v.object(scoped as E);
}

/** The same schema, run one path segment deeper (its fallback too: valibot calls it directly for an absent key). */
function within<S extends v.ObjectEntries[string]>(key: string, schema: S): S {
  const scoped: S = {
    ...schema,
    '~run': (dataset, config) => withinPath(key, () => schema['~run'](dataset, config)),
  };
  if ('fallback' in schema && typeof schema.fallback === 'function') {
    const fallback = schema.fallback as (...args: unknown[]) => unknown;
    Object.assign(scoped, {
      fallback: (...args: unknown[]) => withinPath(key, () => fallback(...args)),
    });
  }
  return scoped;
}
