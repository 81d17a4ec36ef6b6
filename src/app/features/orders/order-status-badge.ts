import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OrderStatus } from './order-schema';
import { STATUS_LABELS } from './order-status';

/** An order's status as a small coloured label (the text carries the meaning, not the colour). */
@Component({
  selector: 'app-order-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="'badge ' + status()">{{ label() }}</span>`,
  styles: `
    .badge {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      white-space: nowrap;
    }
    .pending {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .paid,
    .shipped {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .delivered {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .cancelled {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class OrderStatusBadge {
  readonly status = input.required<OrderStatus | 'unknown'>();
  protected readonly label = computed(() => STATUS_LABELS[this.status()]);
}
