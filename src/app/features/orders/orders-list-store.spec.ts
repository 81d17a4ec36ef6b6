import { TestBed } from '@angular/core/testing';
import { AppError } from '@keel/network';
import type { OrdersPage } from './order-schema';
import { OrdersListStore } from './orders-list-store';
import { type OrderQuery, OrdersRepository } from './orders-repository';
import { FakeOrdersRepository, answer } from './testing/fake-orders-repository';
import { order } from './testing/order-fixtures';

const QUERY: OrderQuery = { q: '', status: null, page: 1, pageSize: 20 };

function page(items = [order()], total = items.length): OrdersPage {
  return { items, total, page: 1, pageSize: 20 };
}

describe('OrdersListStore', () => {
  let repository: FakeOrdersRepository;
  let store: InstanceType<typeof OrdersListStore>;

  beforeEach(() => {
    repository = new FakeOrdersRepository();
    TestBed.configureTestingModule({
      providers: [OrdersListStore, { provide: OrdersRepository, useValue: repository }],
    });
    store = TestBed.inject(OrdersListStore);
  });

  describe('loading', () => {
    it('is loading while the page is on its way', () => {
      store.load(QUERY);
      expect(store.loading()).toBe(true);
      expect(store.result()).toBeNull();
    });

    it('shows the page once it arrives', () => {
      store.load(QUERY);
      answer(repository.lists[0], page([order()], 41));
      expect(store.loading()).toBe(false);
      expect(store.rows().map((o) => o.id)).toEqual(['ord_1']);
      expect(store.total()).toBe(41);
    });

    it('keeps the AppError of a failed load', () => {
      store.load(QUERY);
      const error = new AppError({ kind: 'server', status: 503 });
      repository.lists[0].answer.error(error);
      expect(store.error()).toBe(error);
      expect(store.loading()).toBe(false);
    });

    it('reloads the same query and clears the error', () => {
      store.load(QUERY);
      repository.lists[0].answer.error(new AppError({ kind: 'parse' }));
      store.reload();
      expect(repository.lists[1].args).toEqual(QUERY);
      expect(store.error()).toBeNull();
    });

    it('drops the load of an older query when a new one starts', () => {
      store.load(QUERY);
      store.load({ ...QUERY, page: 2 });
      expect(repository.lists[0].unsubscribed).toBe(true);
      answer(repository.lists[1], page([order({ id: 'ord_2' })]));
      expect(store.rows().map((o) => o.id)).toEqual(['ord_2']);
    });

    it('is empty for a page without orders, and not before it has loaded', () => {
      store.load(QUERY);
      expect(store.empty()).toBe(false);
      answer(repository.lists[0], page([], 0));
      expect(store.empty()).toBe(true);
    });
  });

  it('sorts the rows of the page by the chosen column', () => {
    store.load(QUERY);
    answer(
      repository.lists[0],
      page([
        order({ id: 'a', totalCents: 500 }),
        order({ id: 'b', totalCents: null }),
        order({ id: 'c', totalCents: 100 }),
      ]),
    );
    store.sortBy({ column: 'total', direction: 'desc' });
    expect(store.rows().map((o) => o.id)).toEqual(['a', 'c', 'b']);
  });

  describe('export', () => {
    it('pages through the whole filtered list, 100 at a time, with progress', async () => {
      store.load({ ...QUERY, status: 'paid', q: 'ada' });
      answer(repository.lists[0], page([order()], 150));
      const done = store.exportAll();
      expect(repository.lists[1].args).toEqual({
        q: 'ada',
        status: 'paid',
        page: 1,
        pageSize: 100,
      });
      answer(repository.lists[1], page([order({ id: 'a' })], 150));
      expect(store.exporting()).toEqual({ loaded: 1, total: 150 });
      expect(repository.lists[2].args.page).toBe(2);
      answer(repository.lists[2], page([order({ id: 'b' })], 150));
      expect((await done)?.map((o) => o.id)).toEqual(['a', 'b']);
      expect(store.exporting()).toBeNull();
    });

    it('exports an order pushed onto the next page only once', async () => {
      store.load(QUERY);
      answer(repository.lists[0], page());
      const done = store.exportAll();
      answer(repository.lists[1], page([order({ id: 'a' }), order({ id: 'b' })], 101));
      answer(repository.lists[2], page([order({ id: 'b' })], 101));
      expect((await done)?.map((o) => o.id)).toEqual(['a', 'b']);
    });

    it('fails with the AppError of a page that failed', async () => {
      store.load(QUERY);
      answer(repository.lists[0], page());
      const done = store.exportAll();
      const error = new AppError({ kind: 'timeout' });
      repository.lists[1].answer.error(error);
      await expectAsync(done).toBeRejectedWith(error);
      expect(store.exporting()).toBeNull();
    });

    it('stops when cancelled and resolves with nothing', async () => {
      store.load(QUERY);
      answer(repository.lists[0], page());
      const done = store.exportAll();
      store.cancelExport();
      expect(await done).toBeNull();
      expect(repository.lists[1].unsubscribed).toBe(true);
      expect(store.exporting()).toBeNull();
    });
  });
});
