// Version awareness's reporting seam: where "update required" and deprecations are told. The
// notices themselves (features/version) and core/observability (Sentry) both depend on it.
export {
  VERSION_REPORTER,
  consoleVersionReporter,
  type VersionReporter,
  type UpgradeRequiredReport,
  type DeprecationReport,
} from './version-reporter';
