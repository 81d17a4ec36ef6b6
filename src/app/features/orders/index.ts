// The orders feature's public entry: what the shell shows of it on every page (the offline
// outbox's panel) and asks of it on sign-out, as `outboxOutlet` (shared/shell-outlets.ts). The
// shell loads it lazily (after the first page, and on sign-out), so that none of it is in a
// signed-in page's first load. Its pages are loaded by the router; its other files are internal
// (lint: boundaries/dependencies).
export { outboxOutlet } from './outbox-outlet';
