import * as v from 'valibot';
import { describeValue, noteRepair } from './repair-log';

/**
 * A field that may be missing, null or mistyped in a response: it decodes to `value` instead,
 * and `decode()` reports the repair. Use it inside `objectOf` so the report names the field.
 */
export function orDefault<const S extends v.GenericSchema>(schema: S, value: v.InferOutput<S>) {
  return v.fallback(schema, (dataset) => {
    // valibot calls the fallback without a dataset when the key is absent from the object.
    noteRepair('defaulted', describeValue(dataset?.value));
    return value;
  });
}
