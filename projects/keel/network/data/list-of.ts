import * as v from 'valibot';
import { noteRepair, repairMark, rollbackRepairs, withinPath } from './repair-log';

/**
 * A list that keeps the items that decode and drops the ones that do not (an item without its
 * identity is useless to the UI, but it must not take the whole list down). Each dropped item is
 * a repair in `decode()`'s report; `onDropped` also hears how many were dropped.
 */
export function listOf<const S extends v.GenericSchema>(
  item: S,
  onDropped: (count: number) => void = () => undefined,
) {
  return v.pipe(
    v.array(v.unknown()),
    v.transform((values) => {
      const kept: v.InferOutput<S>[] = [];
      values.forEach((value, index) => {
        const mark = repairMark();
        const result = withinPath(index, () => v.safeParse(item, value));
        if (result.success) {
          kept.push(result.output);
          return;
        }
        // The repairs inside an item that is dropped anyway are noise: the drop says it all.
        rollbackRepairs(mark);
        withinPath(index, () => noteRepair('dropped', firstProblem(result.issues)));
      });
      if (kept.length < values.length) onDropped(values.length - kept.length);
      return kept;
    }),
  );
}

function firstProblem(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return issue ? `${path ? `${path}: ` : ''}${issue.message}` : 'did not match';
}
