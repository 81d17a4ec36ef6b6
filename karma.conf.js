// Karma for `ng test`: Jasmine in the Debian Chromium, headless, no sandbox (CI runs as root).
const { requireChrome, CHROME_FLAGS } = require('./scripts/find-chrome.cjs');

process.env.CHROME_BIN = requireChrome();

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      require('karma-jasmine-html-reporter'),
      require('karma-coverage'),
      require('./scripts/karma-count-reporter.cjs'),
    ],
    client: {
      jasmine: { random: true },
      clearContext: false,
    },
    jasmineHtmlReporter: { suppressAll: true },
    coverageReporter: {
      dir: require('path').join(__dirname, './coverage/keel'),
      subdir: '.',
      reporters: [{ type: 'html' }, { type: 'text-summary' }],
    },
    reporters: ['progress', 'kjhtml', 'count'],
    customLaunchers: {
      ChromeHeadlessCI: { base: 'ChromeHeadless', flags: CHROME_FLAGS },
    },
    browsers: ['ChromeHeadlessCI'],
    browserNoActivityTimeout: 60000,
    restartOnFileChange: true,
  });
};
