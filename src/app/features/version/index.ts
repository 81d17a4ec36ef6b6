// The version feature's public entry, for the shell and the app root. Its other files are
// internal (lint: boundaries/dependencies). The reporter seam lives in core/version.
export { AppUpdate } from './app-update';
export { DeprecationBanner } from './deprecation-banner';
