import { DestroyRef, inject } from '@angular/core';
import { filter, pairwise, startWith } from 'rxjs';
import { NETWORK_STATUS } from '@keel/network';

/**
 * Calls `callback` each time the connection comes back (offline → online), as the layer's
 * `NETWORK_STATUS` sees it (the same source the retry policy and the offline banner use), until
 * the caller is destroyed. Call it in an injection context.
 */
export function onReconnect(callback: () => void): void {
  const status = inject(NETWORK_STATUS);
  const subscription = status.changes
    .pipe(
      startWith(status.isOnline()),
      pairwise(),
      filter(([before, now]) => !before && now),
    )
    .subscribe(() => callback());
  inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
}
