import { inject } from '@angular/core';
import { type OutboxOutlet, ShellOutlets } from '../../shared/shell-outlets';
import { OrderOutbox } from './order-outbox';
import { OutboxPanel } from './outbox-panel';
import { outboxClearedForSignOut } from './outbox-sign-out';

/** The outbox as the shell shows it and asks it at sign-out. */
export const outboxOutlet: OutboxOutlet = {
  panel: OutboxPanel,
  clearedForSignOut: outboxClearedForSignOut,
};

/**
 * The outbox, for a page that may queue changes in it. The shell is handed the outbox's panel
 * and sign-out question at the same time (`ShellOutlets`), so a change queued offline shows at
 * once and a sign-out offline can still ask about it, whether or not the shell's own download
 * of them has happened.
 */
export function injectOrderOutbox(): OrderOutbox {
  inject(ShellOutlets).outbox.set(outboxOutlet);
  return inject(OrderOutbox);
}
