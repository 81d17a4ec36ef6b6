// A node:test reporter that writes {passed, failed, skipped} to $KEEL_RESULTS_DIR/server.json
// (or the file $KEEL_NODE_RESULTS names, for a second node:test step).
// Suites are not counted; a file that fails to load arrives as a failed test, so it counts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, error: false };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      if (event.type === 'test:fail' && event.data.details.error?.failureType !== 'subtestsFailed')
        counts.failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  const dir = process.env.KEEL_RESULTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, process.env.KEEL_NODE_RESULTS || 'server.json'),
      JSON.stringify(counts),
    );
  }
  yield '';
}
