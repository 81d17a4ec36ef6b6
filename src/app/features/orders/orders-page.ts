import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, type Params, Router, RouterLink } from '@angular/router';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { KeelFlag, injectFlag } from '@keel/network/flags';
import { describeError } from '../../shared/describe-error';
import { downloadText } from '../../shared/download-text';
import { ErrorSnackbar } from '../../shared/error-snackbar';
import { ErrorState } from '../../shared/error-state';
import { SkeletonLines } from '../../shared/skeleton-lines';
import { injectOrderOutbox } from './outbox-outlet';
import { ORDER_STATUSES, type OrderStatus } from './order-schema';
import type { OrderSort } from './order-sort';
import { STATUS_LABELS } from './order-status';
import { ordersCsv } from './orders-csv';
import { OrdersBoard } from './orders-board';
import { OrdersListStore } from './orders-list-store';
import { queryFromParams, sameQuery, sortFromParams } from './orders-query';
import { OrdersTable } from './orders-table';

/**
 * The orders list: search, status filter, pages and sort kept in the URL; the classic table or,
 * with `enable_new_ui`, the board; CSV export of the whole filtered list with
 * `enable_order_export`. Loading, empty and error states each have their own look.
 */
@Component({
  selector: 'app-orders-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatPaginatorModule,
    MatProgressBarModule,
    KeelFlag,
    ErrorState,
    SkeletonLines,
    OrdersTable,
    OrdersBoard,
  ],
  providers: [OrdersListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './orders-page.html',
  styleUrl: './orders-page.scss',
})
export class OrdersPage {
  protected readonly store = inject(OrdersListStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly snackbar = inject(ErrorSnackbar);

  protected readonly exportEnabled = injectFlag('enable_order_export');
  private readonly defaultPageSize = injectFlag('orders_page_size');
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly query = computed(
    () => queryFromParams(this.params(), this.defaultPageSize()),
    { equal: sameQuery },
  );
  protected readonly sort = computed(() => sortFromParams(this.params()), {
    equal: (a, b) => a.column === b.column && a.direction === b.direction,
  });
  protected readonly filtered = computed(() => !!this.query().q || !!this.query().status);
  protected readonly errorView = computed(() =>
    this.store.error() ? describeError(this.store.error(), { reading: true }) : null,
  );
  protected readonly exportPercent = computed(() => {
    const progress = this.store.exporting();
    return progress && progress.total > 0 ? (progress.loaded / progress.total) * 100 : 0;
  });

  protected readonly statuses = ORDER_STATUSES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly pageSizes = [10, 20, 50, 100];
  protected readonly search = new FormControl('', { nonNullable: true });
  /** The last search this page put in the URL; a different one came from Back/Forward. */
  private sentSearch: string | null = null;

  constructor() {
    this.store.load(this.query);
    // An order or a change that waited in the outbox reached the server: show the list as it is now.
    injectOrderOutbox()
      .settled.pipe(takeUntilDestroyed())
      .subscribe(() => this.store.reload());
    effect(() => this.store.sortBy(this.sort()));
    effect(() => {
      const q = this.query().q;
      untracked(() => {
        if (q !== this.sentSearch) this.search.setValue(q, { emitEvent: false });
        this.sentSearch = q;
      });
    });
    this.search.valueChanges
      .pipe(
        map((text) => text.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.searchFor(q));
  }

  protected submitSearch(event: Event): void {
    event.preventDefault();
    this.searchFor(this.search.value.trim());
  }

  protected filterStatus(status: OrderStatus | null): void {
    this.navigate({ status, page: null });
  }

  protected changePage(event: PageEvent): void {
    const pageSize = event.pageSize === this.defaultPageSize() ? null : event.pageSize;
    const page = event.pageSize === this.query().pageSize ? event.pageIndex + 1 : 1;
    this.navigate({ page: page === 1 ? null : page, pageSize });
  }

  protected changeSort(sort: OrderSort): void {
    this.navigate(
      { sort: sort.column, dir: sort.column && sort.direction === 'desc' ? 'desc' : null },
      true,
    );
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.sentSearch = '';
    this.navigate({ q: null, status: null, page: null });
  }

  protected async exportCsv(): Promise<void> {
    try {
      const orders = await this.store.exportAll();
      if (!orders) return;
      const { status } = this.query();
      const day = new Date().toISOString().slice(0, 10);
      downloadText(
        this.document,
        `orders-${status ?? 'all'}-${day}.csv`,
        ordersCsv(orders),
        'text/csv;charset=utf-8',
      );
      this.snackbar.info(`Exported ${orders.length} orders.`);
    } catch (error) {
      this.snackbar.show(error, () => void this.exportCsv());
    }
  }

  private searchFor(q: string): void {
    if (q === this.query().q) return;
    this.sentSearch = q;
    this.navigate({ q: q || null, page: null }, true);
  }

  /** Changes the list's URL; typing and sorting replace the history entry, paging adds one. */
  private navigate(queryParams: Params, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }
}
