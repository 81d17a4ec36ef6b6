import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { injectOnline } from '../../shared/inject-online';
import { OrderOutbox } from './order-outbox';
import { STATUS_LABELS } from './order-status';
import type { OutboxEntry } from './outbox-db';

/** What a queued change is, in a few words: "New order for Ada Shop (2 lines)". */
export function describeQueued(entry: OutboxEntry): string {
  const { change } = entry;
  if (change.kind === 'create') return `New order for ${change.summary}`;
  const parts: string[] = [];
  if (change.change.status) parts.push(`status to ${STATUS_LABELS[change.change.status]}`);
  if (change.change.notes !== undefined) parts.push('notes');
  return `Order ${change.orderNumber}: ${parts.join(' and ') || 'change'}`;
}

/**
 * "Waiting to send · 2": the outbox under the top bar, on every signed-in page, while it holds
 * anything. Opens to the list of changes, each with Discard, the server's reason for one it
 * refused, and "Send now" (the outbox also sends by itself on reconnect).
 */
@Component({
  selector: 'app-outbox-panel',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The shell holds it in a live region (role="status") that is in the page before it loads.
  template: `
    @if (outbox.count() > 0) {
      <details class="outbox" data-testid="outbox">
        <summary>
          Waiting to send · {{ outbox.count() }}
          @if (refused() > 0) {
            <span class="refused-count">({{ refused() }} not accepted)</span>
          }
          @if (outbox.replaying()) {
            <span class="sending">Sending…</span>
          }
        </summary>
        <ul>
          @for (entry of outbox.entries(); track entry.seq) {
            <li data-testid="outbox-entry">
              <span class="what">{{ describe(entry) }}</span>
              @if (entry.refusal; as refusal) {
                <span class="refusal">{{ refusal.message }}</span>
              }
              <button
                mat-button
                type="button"
                [attr.aria-label]="'Discard: ' + describe(entry)"
                (click)="discard(entry)"
              >
                Discard
              </button>
            </li>
          }
        </ul>
        <p class="hint">
          @if (online()) {
            These changes are kept on this device and sent in this order.
          } @else {
            You are offline. These changes are kept on this device and sent when the connection is
            back.
          }
        </p>
        <button
          mat-stroked-button
          type="button"
          [disabled]="!online() || outbox.replaying()"
          (click)="sendNow()"
        >
          Send now
        </button>
      </details>
    }
  `,
  styles: `
    .outbox {
      margin: 0 auto;
      max-width: 1200px;
      padding: 8px 24px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    summary {
      cursor: pointer;
      font: var(--mat-sys-title-small);
      padding: 4px 0;
    }
    ul {
      list-style: none;
      margin: 8px 0;
      padding: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .what {
      flex: 1 1 16em;
    }
    .refusal {
      flex: 1 1 100%;
      color: var(--mat-sys-error);
      order: 3;
    }
    .refused-count,
    .sending {
      font: var(--mat-sys-body-medium);
      margin-left: 8px;
    }
    .hint {
      font: var(--mat-sys-body-medium);
      margin: 8px 0;
    }
  `,
})
export class OutboxPanel {
  protected readonly outbox = inject(OrderOutbox);
  protected readonly online = injectOnline();
  protected readonly refused = computed(
    () => this.outbox.entries().filter((e) => e.refusal).length,
  );
  protected readonly describe = describeQueued;

  protected discard(entry: OutboxEntry): void {
    void this.outbox.discard(entry.seq);
  }

  protected sendNow(): void {
    void this.outbox.replay();
  }
}
