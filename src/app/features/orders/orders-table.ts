import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { CentsPipe, DateTimePipe } from '../../shared/format';
import type { Order } from './order-schema';
import { isSortColumn, NO_SORT, type OrderSort } from './order-sort';
import { OrderStatusBadge } from './order-status-badge';

/**
 * The classic orders table; sorting asks the page (which sorts the rows it has). Under 600 px
 * the same orders show as a list of cards instead (number, customer, status, total, created all
 * in view, no sideways scrolling); CSS switches between the two, and the hidden one is
 * `display: none`, so it is out of the accessibility tree too. The cards keep the page's order
 * (a sort chosen on a wide screen stays); they have no sort control.
 */
@Component({
  selector: 'app-orders-table',
  imports: [MatTableModule, MatSortModule, RouterLink, DateTimePipe, CentsPipe, OrderStatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table
      mat-table
      [dataSource]="orders()"
      matSort
      [matSortActive]="sort().column ?? ''"
      [matSortDirection]="sort().column ? sort().direction : ''"
      (matSortChange)="changeSort($event)"
      data-testid="orders-table"
      aria-describedby="orders-sort-note"
    >
      <ng-container matColumnDef="number">
        <th mat-header-cell *matHeaderCellDef mat-sort-header>Order</th>
        <td mat-cell *matCellDef="let o">
          <a [routerLink]="['/orders', o.id]">{{ o.number || o.id }}</a>
        </td>
      </ng-container>
      <ng-container matColumnDef="customer">
        <th mat-header-cell *matHeaderCellDef mat-sort-header>Customer</th>
        <td mat-cell *matCellDef="let o">{{ o.customerName || '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef mat-sort-header>Status</th>
        <td mat-cell *matCellDef="let o"><app-order-status-badge [status]="o.status" /></td>
      </ng-container>
      <ng-container matColumnDef="total">
        <th mat-header-cell *matHeaderCellDef mat-sort-header arrowPosition="before" class="num">
          Total
        </th>
        <td mat-cell *matCellDef="let o" class="num">{{ o.totalCents | cents: o.currency }}</td>
      </ng-container>
      <ng-container matColumnDef="created">
        <th mat-header-cell *matHeaderCellDef mat-sort-header>Created</th>
        <td mat-cell *matCellDef="let o">
          @if (o.createdAt) {
            <time [attr.datetime]="o.createdAt">{{ o.createdAt | dateTime: 'medium' }}</time>
          } @else {
            —
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
    <ul class="cards" data-testid="orders-cards" aria-label="Orders">
      @for (o of orders(); track o.id) {
        <li class="card" data-testid="order-card">
          <div class="card-head">
            <a [routerLink]="['/orders', o.id]">{{ o.number || o.id }}</a>
            <app-order-status-badge [status]="o.status" />
          </div>
          <div class="card-body">
            <span class="customer">{{ o.customerName || '—' }}</span>
            <span class="total">{{ o.totalCents | cents: o.currency }}</span>
          </div>
          @if (o.createdAt) {
            <time class="created" [attr.datetime]="o.createdAt">{{
              o.createdAt | dateTime: 'medium'
            }}</time>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    table {
      width: 100%;
    }
    .num {
      text-align: right;
    }
    a {
      color: var(--mat-sys-primary);
      font-weight: 500;
    }
    .cards {
      display: none;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .card {
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .card-head,
    .card-body {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .card-body {
      margin-top: 4px;
      font: var(--mat-sys-body-medium);
    }
    .customer {
      overflow-wrap: anywhere;
    }
    .total {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .created {
      display: block;
      margin-top: 2px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 599.98px) {
      table {
        display: none;
      }
      .cards {
        display: block;
      }
    }
  `,
})
export class OrdersTable {
  readonly orders = input.required<readonly Order[]>();
  readonly sort = input<OrderSort>(NO_SORT);
  readonly sortChange = output<OrderSort>();

  protected readonly columns = ['number', 'customer', 'status', 'total', 'created'];

  protected changeSort({ active, direction }: Sort): void {
    this.sortChange.emit(
      direction && isSortColumn(active) ? { column: active, direction } : NO_SORT,
    );
  }
}
