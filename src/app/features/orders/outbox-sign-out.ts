import type { Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { OrderOutbox } from './order-outbox';

/**
 * Signing out clears the outbox (another user may sign in on this device): with changes still
 * waiting, the user says so first. True when nothing waits, or the user chose to discard it
 * (the outbox is then empty); false when they keep it (and stay signed in).
 *
 * The shell loads this file only when someone signs out, so that the outbox, the dialog and the
 * orders code stay out of the downloads of a signed-in page's first load (issue 13).
 */
export async function outboxClearedForSignOut(injector: Injector): Promise<boolean> {
  const outbox = injector.get(OrderOutbox);
  await outbox.ready;
  const count = outbox.count();
  if (count === 0) return true;
  const confirmed = await firstValueFrom(
    injector
      .get(MatDialog)
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: count === 1 ? 'Discard 1 unsent change?' : `Discard ${count} unsent changes?`,
          message:
            'They are kept on this device until they reach the server. Signing out discards them; stay signed in to send them once you are online.',
          confirm: 'Discard and sign out',
        },
      })
      .afterClosed(),
  );
  if (!confirmed) return false;
  await outbox.discardAll();
  return true;
}
