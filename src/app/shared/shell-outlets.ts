import { type Injector, Injectable, type Type, signal } from '@angular/core';

/** What the orders feature hands the shell of its outbox. */
export interface OutboxOutlet {
  /** "Waiting to send · 2", under the top bar of every signed-in page. */
  readonly panel: Type<unknown>;
  /**
   * Whether a sign-out may go on: asks first when changes wait, and clears them. False when the
   * user keeps them (and stays signed in).
   */
  readonly clearedForSignOut: (injector: Injector) => Promise<boolean>;
}

/**
 * What a feature hands the shell for every signed-in page. The shell imports no feature
 * statically, so that a signed-in page's first load does not carry them (issue 13): the orders
 * feature hands over its outbox from wherever the outbox is used (so a change queued offline
 * shows at once, and a sign-out offline can still ask about it, the code being there already),
 * and the shell downloads it after the first page, or at sign-out, otherwise.
 */
@Injectable({ providedIn: 'root' })
export class ShellOutlets {
  readonly outbox = signal<OutboxOutlet | null>(null);
}
