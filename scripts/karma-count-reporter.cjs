// A Karma reporter that writes {passed, failed, skipped, error} to $KEEL_RESULTS_DIR/karma.json
// (or the file $KEEL_KARMA_RESULTS names: the library's specs run in a Karma of their own),
// so scripts/test.mjs can sum every runner into one line. A run that errors or loses its
// browser is reported as `error: true`, never as a clean zero.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

function CountReporter() {
  const counts = { passed: 0, failed: 0, skipped: 0, error: false };
  this.onSpecComplete = (_browser, result) => {
    if (result.skipped || result.disabled || result.pending) counts.skipped++;
    else if (result.success) counts.passed++;
    else counts.failed++;
  };
  this.onBrowserError = () => (counts.error = true);
  this.onRunComplete = (_browsers, results) => {
    if (results.error || results.disconnected) counts.error = true;
    const dir = process.env.KEEL_RESULTS_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, process.env.KEEL_KARMA_RESULTS || 'karma.json'),
      JSON.stringify(counts),
    );
  };
}

module.exports = { 'reporter:count': ['type', CountReporter] };
