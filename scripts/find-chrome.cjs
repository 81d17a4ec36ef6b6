// Finds the Chromium (or Chrome) that Karma and Playwright drive. CHROME_BIN wins; else the
// Debian package's path; else the first known browser on PATH. Returns undefined when none.
const { existsSync } = require('node:fs');
const { delimiter, join } = require('node:path');

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function findChrome() {
  if (process.env.CHROME_BIN)
    return existsSync(process.env.CHROME_BIN) ? process.env.CHROME_BIN : undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const MISSING_CHROME =
  'No Chromium or Chrome found: install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_BIN to its path.';

/** The flags this machine needs: no sandbox as root, and no background calls to Google. */
const CHROME_FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Like findChrome, but prints one clear line and exits when there is no browser. */
function requireChrome() {
  const chrome = findChrome();
  if (!chrome) {
    console.error(MISSING_CHROME);
    process.exit(1);
  }
  return chrome;
}

module.exports = { findChrome, requireChrome, CHROME_FLAGS, MISSING_CHROME };
