import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter, firstValueFrom } from 'rxjs';
import { isAppError } from '@keel/network';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { describeError } from '../../shared/describe-error';
import { ErrorSnackbar } from '../../shared/error-snackbar';
import { ErrorState } from '../../shared/error-state';
import { SkeletonLines } from '../../shared/skeleton-lines';
import { CentsPipe, DateTimePipe } from '../../shared/format';
import { ConflictDialog, type ConflictChoice, type ConflictDialogData } from './conflict-dialog';
import { OrderDetailStore, type SaveOutcome } from './order-detail-store';
import { canWaitInOutbox, keptForLaterMessage } from './order-outbox';
import { injectOrderOutbox } from './outbox-outlet';
import type { OrderStatus } from './order-schema';
import { STATUS_LABELS, nextStatuses } from './order-status';
import { OrderStatusBadge } from './order-status-badge';
import type { OrderChange } from './orders-repository';
import { describeQueued } from './outbox-panel';

/**
 * One order: its lines and totals, a status change and notes saved with `If-Match` (a 412 opens
 * the conflict dialog), and delete after confirmation.
 */
@Component({
  selector: 'app-order-detail-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DateTimePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorState,
    SkeletonLines,
    CentsPipe,
    OrderStatusBadge,
  ],
  providers: [OrderDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './order-detail-page.html',
  styleUrl: './order-detail-page.scss',
})
export class OrderDetailPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly store = inject(OrderDetailStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snackbar = inject(ErrorSnackbar);
  private readonly outbox = injectOrderOutbox();
  /** This order's changes waiting in the outbox, and those the server refused. */
  protected readonly queued = computed(() =>
    this.outbox.forOrder(this.id()).map((entry) => ({ entry, text: describeQueued(entry) })),
  );

  protected readonly statusLabels = STATUS_LABELS;
  protected readonly nextStatuses = computed(() =>
    nextStatuses(this.store.order()?.status ?? 'unknown'),
  );
  protected readonly errorView = computed(() =>
    this.store.error() ? describeError(this.store.error(), { reading: true }) : null,
  );
  protected readonly newStatus = signal<OrderStatus | null>(null);
  protected readonly notes = new FormControl('', { nonNullable: true });
  private readonly notesValue = signal('');
  protected readonly notesChanged = computed(
    () => this.notesValue() !== (this.store.order()?.notes ?? ''),
  );
  /** The notes the control was last set from: an edit differs from them. */
  private syncedNotes: string | null = null;

  constructor() {
    this.store.load(this.id);
    // A queued change of this order reached the server (or gave way to a newer version): show
    // the order as the server has it now.
    this.outbox.settled
      .pipe(
        filter(({ entry }) => entry.change.kind === 'update' && entry.change.orderId === this.id()),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.store.reload());
    this.notes.valueChanges.subscribe((value) => this.notesValue.set(value));
    // A newer order (saved, reloaded) refreshes the notes field, unless the user is editing it.
    effect(() => {
      const notes = this.store.order()?.notes;
      if (notes === undefined) return;
      untracked(() => {
        if (this.syncedNotes === null || this.notes.value === this.syncedNotes)
          this.setNotes(notes);
        this.syncedNotes = notes;
      });
    });
    effect(() => {
      const options = this.nextStatuses();
      untracked(() => {
        const chosen = this.newStatus();
        if (chosen && !options.includes(chosen)) this.newStatus.set(null);
      });
    });
  }

  protected changeStatus(): void {
    const status = this.newStatus();
    if (!status) return;
    void this.save({ status }, `Status changed to ${STATUS_LABELS[status]}.`);
  }

  protected saveNotes(event: Event): void {
    event.preventDefault();
    if (!this.notesChanged()) return;
    void this.save({ notes: this.notes.value }, 'Notes saved.');
  }

  protected async delete(): Promise<void> {
    const order = this.store.order();
    if (!order) return;
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
          data: {
            title: `Delete order ${order.number || order.id}?`,
            message: 'The order and its lines are removed for everyone. This cannot be undone.',
            confirm: 'Delete order',
          },
        })
        .afterClosed(),
    );
    if (!confirmed) return;
    const outcome = await this.store.remove();
    if (outcome.kind === 'deleted') {
      this.snackbar.info(`Order ${order.number || order.id} deleted.`);
      await this.router.navigateByUrl('/orders');
    } else if (outcome.kind === 'failed') {
      this.snackbar.show(outcome.error, () => void this.retryDelete());
    }
  }

  private async retryDelete(): Promise<void> {
    const order = this.store.order();
    const outcome = await this.store.remove();
    if (outcome.kind === 'deleted') {
      this.snackbar.info(`Order ${order?.number || order?.id} deleted.`);
      await this.router.navigateByUrl('/orders');
    } else if (outcome.kind === 'failed') {
      this.snackbar.show(outcome.error, () => void this.retryDelete());
    }
  }

  private async save(change: OrderChange, done: string): Promise<void> {
    await this.handle(await this.store.save(change), change, done);
  }

  private async handle(outcome: SaveOutcome, change: OrderChange, done: string): Promise<void> {
    switch (outcome.kind) {
      case 'saved':
        if (change.status) this.newStatus.set(null);
        this.snackbar.info(done);
        return;
      case 'failed':
        if (canWaitInOutbox(outcome.error)) {
          await this.keepForLater(change, outcome.error);
          return;
        }
        this.snackbar.show(
          outcome.error,
          () => void this.save(change, done),
          refusal(outcome.error),
        );
        return;
      case 'conflict': {
        const choice = await firstValueFrom(
          this.dialog
            .open<ConflictDialog, ConflictDialogData, ConflictChoice>(ConflictDialog, {
              data: { change, theirs: outcome.conflict.theirs.order },
              maxWidth: '640px',
            })
            .afterClosed(),
        );
        if (choice === 'overwrite') {
          await this.handle(await this.store.overwrite(), change, done);
        } else {
          // Reload (or no choice at all): the newer version wins, the user's edit is dropped.
          this.store.keepTheirs();
          this.setNotes(this.store.order()?.notes ?? '');
          this.newStatus.set(null);
          this.snackbar.info('Showing the newer version.');
        }
        return;
      }
      case 'busy':
        return;
    }
  }

  /** Offline: the change waits in the outbox, with the version the user changed as If-Match. */
  private async keepForLater(change: OrderChange, error: unknown): Promise<void> {
    const order = this.store.order();
    if (!order) return;
    try {
      await this.outbox.queueUpdate(order, change, this.store.etag());
    } catch {
      this.snackbar.info('The change could not be kept on this device. Try again once online.');
      return;
    }
    if (change.status) this.newStatus.set(null);
    this.snackbar.info(keptForLaterMessage(error, 'The change'));
  }

  private setNotes(notes: string): void {
    this.notes.setValue(notes);
    this.syncedNotes = notes;
  }
}

/**
 * The server's reason for refusing a change (`status: cannot move from shipped back to paid`),
 * as one sentence; undefined for any other failure, which keeps its own message.
 */
function refusal(error: unknown): string | undefined {
  if (!isAppError(error) || error.kind !== 'validation') return undefined;
  const reasons = Object.values(error.fieldErrors).flat();
  return reasons.length > 0 ? `The change was not accepted: ${reasons.join('; ')}.` : undefined;
}
