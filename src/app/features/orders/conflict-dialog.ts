import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { Order } from './order-schema';
import { STATUS_LABELS } from './order-status';
import type { OrderChange } from './orders-repository';
import { DateTimePipe } from '../../shared/format';

export interface ConflictDialogData {
  /** What the user tried to save. */
  readonly change: OrderChange;
  /** The version someone else saved in the meantime. */
  readonly theirs: Order;
  /** The change was made offline and waited in the outbox. */
  readonly queued?: boolean;
}

/** `reload`: take their version; `overwrite`: apply mine on top of it, on purpose. */
export type ConflictChoice = 'reload' | 'overwrite';

/**
 * A save was refused because the order changed since it was loaded (412). Shows the newer
 * version beside the user's change and lets them choose. Reload is the safe default: it has
 * focus, and Escape or the backdrop mean Reload too (the page treats "no choice" as reload).
 */
@Component({
  selector: 'app-conflict-dialog',
  imports: [MatDialogModule, MatButtonModule, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>This order was changed by someone else</h2>
    <mat-dialog-content>
      <p>
        @if (data.queued) {
          Your change to order {{ data.theirs.number || data.theirs.id }} waited to be sent while
          you were offline; meanwhile a newer version was saved
        } @else {
          While you were editing, a newer version was saved
        }
        @if (data.theirs.updatedAt) {
          <span>at {{ data.theirs.updatedAt | dateTime: 'medium' }}</span>
        }
        @if (data.theirs.version !== null) {
          <span> (version {{ data.theirs.version }})</span>
        }
        . Compare, then choose.
      </p>
      <table class="compare">
        <caption class="visually-hidden">
          Your change compared with the newer version
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Your change</th>
            <th scope="col">Newer version</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="conflict-status">
            <th scope="row">Status</th>
            <td>
              {{ data.change.status ? statusLabels[data.change.status] : '(unchanged)' }}
            </td>
            <td>{{ statusLabels[data.theirs.status] }}</td>
          </tr>
          <tr data-testid="conflict-notes">
            <th scope="row">Notes</th>
            <td class="notes">
              {{ data.change.notes === undefined ? '(unchanged)' : data.change.notes || '(empty)' }}
            </td>
            <td class="notes">{{ data.theirs.notes || '(empty)' }}</td>
          </tr>
        </tbody>
      </table>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" mat-dialog-close="overwrite">
        Overwrite with my change
      </button>
      <button mat-flat-button type="button" mat-dialog-close="reload" cdkFocusInitial>
        Reload newer version
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .compare {
      width: 100%;
      border-collapse: collapse;
      margin-top: 8px;
    }
    th,
    td {
      text-align: left;
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    .notes {
      white-space: pre-wrap;
      word-break: break-word;
      max-width: 24ch;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
  `,
})
export class ConflictDialog {
  protected readonly data = inject<ConflictDialogData>(MAT_DIALOG_DATA);
  protected readonly statusLabels = STATUS_LABELS;
}
