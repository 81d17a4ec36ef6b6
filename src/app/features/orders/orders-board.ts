import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CentsPipe, DateTimePipe } from '../../shared/format';
import { ORDER_STATUSES, type Order, type OrderStatus } from './order-schema';
import { STATUS_LABELS } from './order-status';

/** The new orders view: the current page as cards, one column per status. */
@Component({
  selector: 'app-orders-board',
  imports: [RouterLink, DateTimePipe, CentsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="board" data-testid="orders-board">
      @for (column of columns(); track column.status) {
        <section class="column" [attr.aria-labelledby]="'board-' + column.status">
          <h2 [id]="'board-' + column.status">
            {{ column.label }} <span class="count">({{ column.orders.length }})</span>
          </h2>
          @if (column.orders.length === 0) {
            <p class="none">None on this page</p>
          } @else {
            <ul>
              @for (order of column.orders; track order.id) {
                <li>
                  <a class="card" [routerLink]="['/orders', order.id]">
                    <span class="number">{{ order.number || order.id }}</span>
                    <span>{{ order.customerName || '—' }}</span>
                    <span class="total">{{ order.totalCents | cents: order.currency }}</span>
                    @if (order.createdAt) {
                      <time [attr.datetime]="order.createdAt">{{
                        order.createdAt | dateTime: 'mediumDate'
                      }}</time>
                    }
                  </a>
                </li>
              }
            </ul>
          }
        </section>
      }
    </div>
  `,
  styles: `
    .board {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(190px, 1fr));
      gap: 12px;
      align-items: start;
    }
    .column {
      background: var(--mat-sys-surface-container-low);
      border-radius: 12px;
      padding: 12px;
    }
    h2 {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .count,
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .none {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .card {
      display: grid;
      gap: 2px;
      padding: 10px 12px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
      color: inherit;
      text-decoration: none;
    }
    .card:hover {
      border-color: var(--mat-sys-primary);
    }
    .number {
      font-weight: 600;
      color: var(--mat-sys-primary);
    }
    .total {
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class OrdersBoard {
  readonly orders = input.required<readonly Order[]>();

  protected readonly columns = computed(() => {
    const statuses: (OrderStatus | 'unknown')[] = [...ORDER_STATUSES];
    if (this.orders().some((o) => o.status === 'unknown')) statuses.push('unknown');
    return statuses.map((status) => ({
      status,
      label: STATUS_LABELS[status],
      orders: this.orders().filter((o) => o.status === status),
    }));
  });
}
