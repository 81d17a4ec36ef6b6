// The slice of @sentry/angular the app uses. Imported only dynamically (see init-sentry.ts), so
// it becomes its own chunk, and named re-exports keep the rest of the SDK tree-shaken out.
export {
  addBreadcrumb,
  browserTracingIntegration,
  captureException,
  captureMessage,
  createErrorHandler,
  init,
  TraceService,
} from '@sentry/angular';
