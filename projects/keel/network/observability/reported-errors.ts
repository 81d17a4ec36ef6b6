/**
 * AppErrors the error mapper's reporter has already sent, so the global handlers (`beforeSend`
 * in sentry-sdk.ts) do not send the same failure a second time. Its own file so that the SDK
 * chunk and the reporter both read it without importing each other.
 */
export const REPORTED = new WeakSet<object>();
