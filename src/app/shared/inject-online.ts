import { type Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NETWORK_STATUS } from '@keel/network';

/** Whether the browser is online, as a signal (the same source the retry policy listens to). */
export function injectOnline(): Signal<boolean> {
  const status = inject(NETWORK_STATUS);
  return toSignal(status.changes, { initialValue: status.isOnline() });
}
