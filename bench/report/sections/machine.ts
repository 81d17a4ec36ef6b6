import type { BenchResults } from '../bench-results';
import { fillSection } from '../fill-template';
import { table } from '../format';

/** The machine, the code and the load, since timings on a shared machine move with it. */
export function machineSection(m: BenchResults['machine']): string {
  return fillSection('machine', {
    table: table(
      ['', ''],
      [
        ['CPU', `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB`],
        ['OS kernel', m.kernel],
        ['Chromium', m.chromium ?? 'not started'],
        ['Node (`node -p process.versions`)', `\`${JSON.stringify(m.versions)}\``],
        [
          'code',
          `commit ${m.commit}${m.uncommittedFiles ? ` with ${m.uncommittedFiles} uncommitted files in the work tree` : ''}`,
        ],
        [
          'load average (1, 5, 15 min)',
          `${m.loadAverageAtStart.join(', ')} at the start, ${m.loadAverageAtEnd.join(', ')} at the end`,
        ],
      ],
    ),
    cores: m.cores,
  });
}
