import { TestBed } from '@angular/core/testing';
import { AppError } from '@keel/network';
import { OrderCreateStore } from './order-create-store';
import { type NewOrder, OrdersRepository } from './orders-repository';
import { FakeOrdersRepository, answer } from './testing/fake-orders-repository';
import { order } from './testing/order-fixtures';

const DRAFT: NewOrder = { customerId: 'cus_001', items: [{ productId: 'prd_001', quantity: 2 }] };

describe('OrderCreateStore', () => {
  let repository: FakeOrdersRepository;
  let store: InstanceType<typeof OrderCreateStore>;

  beforeEach(() => {
    repository = new FakeOrdersRepository();
    TestBed.configureTestingModule({
      providers: [OrderCreateStore, { provide: OrdersRepository, useValue: repository }],
    });
    store = TestBed.inject(OrderCreateStore);
  });

  async function failOnce(draft: NewOrder): Promise<void> {
    const submitting = store.submit(draft);
    repository.creates.at(-1)?.answer.error(new AppError({ kind: 'network' }));
    await submitting;
  }

  it('creates the order and hands it back', async () => {
    const submitting = store.submit(DRAFT);
    expect(store.loading()).toBe(true);
    answer(repository.creates[0], order());
    expect(await submitting).toEqual({ kind: 'created', order: order() });
    expect(store.loading()).toBe(false);
  });

  it('sends an Idempotency-Key that looks like a UUID', async () => {
    await failOnce(DRAFT);
    expect(repository.creates[0].args.key).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('resends the same order with the same key, so a lost answer replays', async () => {
    await failOnce(DRAFT);
    await failOnce({ ...DRAFT, items: [{ quantity: 2, productId: 'prd_001' }] });
    expect(repository.creates[1].args.key).toBe(repository.creates[0].args.key);
  });

  it('uses a new key once the order changes', async () => {
    await failOnce(DRAFT);
    await failOnce({ ...DRAFT, notes: 'ring twice' });
    expect(repository.creates[1].args.key).not.toBe(repository.creates[0].args.key);
  });

  it('keeps the failure for the page, with the key the order was sent with (for the outbox)', async () => {
    const submitting = store.submit(DRAFT);
    const error = new AppError({ kind: 'validation', status: 422 });
    repository.creates[0].answer.error(error);
    const key = repository.creates[0].args.key;
    expect(await submitting).toEqual({ kind: 'failed', error, idempotencyKey: key });
    expect(store.error()).toBe(error);
  });

  it('sends nothing while a submission is running', async () => {
    void store.submit(DRAFT);
    expect(await store.submit(DRAFT)).toEqual({ kind: 'busy' });
    expect(repository.creates.length).toBe(1);
  });
});
