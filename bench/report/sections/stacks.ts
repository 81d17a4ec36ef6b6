import { STACK_LABELS } from '../../harness/stack-names';
import { fillSection } from '../fill-template';
import { table } from '../format';

/** What each stack name stands for. */
export function stacksSection(): string {
  return fillSection('stacks', {
    table: table(
      ['name', 'what'],
      Object.entries(STACK_LABELS).map(([k, v]) => [`\`${k}\``, v]),
    ),
  });
}
