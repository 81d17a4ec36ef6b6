import * as v from 'valibot';

/**
 * A list that keeps the items that decode and drops the ones that do not (an item without its
 * identity is useless to the UI, but it must not take the whole list down). `onDropped` hears
 * how many were dropped, so a repository can report the repair.
 */
export function listOf<const S extends v.GenericSchema>(
  item: S,
  onDropped: (count: number) => void = () => undefined,
) {
  return v.pipe(
    v.array(v.unknown()),
    v.transform((values) => {
      const kept: v.InferOutput<S>[] = [];
      for (const value of values) {
        const result = v.safeParse(item, value);
        if (result.success) kept.push(result.output);
      }
      if (kept.length < values.length) onDropped(values.length - kept.length);
      return kept;
    }),
  );
}
