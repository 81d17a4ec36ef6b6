// The version feature's public entry, for the shell. Its other files are internal (lint:
// boundaries/dependencies); the app root imports AppUpdate by its file (see eslint.config.js),
// and the reporter seam lives in @keel/network (VERSION_REPORTER).
export { DeprecationBanner } from './deprecation-banner';
