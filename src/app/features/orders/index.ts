// The orders feature's public entry: what the shell shows of it on every page (the offline
// outbox). Its pages are loaded by the router; its other files are internal (lint:
// boundaries/dependencies).
export { OrderOutbox } from './order-outbox';
export { OutboxPanel } from './outbox-panel';
