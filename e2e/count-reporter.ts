// A Playwright reporter that writes {passed, failed, skipped, error} to
// $KEEL_RESULTS_DIR/playwright.json for scripts/test.mjs. A test counts once, by its final
// outcome; a global error (web server that never came up, a config error) sets `error`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class CountReporter implements Reporter {
  private readonly outcomes = new Map<string, ReturnType<TestCase['outcome']>>();
  private error = false;

  onTestEnd(test: TestCase, _result: TestResult): void {
    this.outcomes.set(test.id, test.outcome());
  }

  onError(): void {
    this.error = true;
  }

  onEnd(result: FullResult): void {
    const counts = {
      passed: 0,
      failed: 0,
      skipped: 0,
      error: this.error || result.status === 'interrupted' || result.status === 'timedout',
    };
    for (const outcome of this.outcomes.values()) {
      if (outcome === 'expected' || outcome === 'flaky') counts.passed++;
      else if (outcome === 'skipped') counts.skipped++;
      else counts.failed++;
    }
    if (result.status === 'failed' && counts.failed === 0) counts.error = true;
    const dir = process.env['KEEL_RESULTS_DIR'];
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'playwright.json'), JSON.stringify(counts));
  }

  printsToStdio(): boolean {
    return false;
  }
}
