import { TestBed } from '@angular/core/testing';
import { AppError } from '@keel/network';
import { OrderDetailStore } from './order-detail-store';
import { OrdersRepository } from './orders-repository';
import { FakeOrdersRepository, answer } from './testing/fake-orders-repository';
import { order } from './testing/order-fixtures';

describe('OrderDetailStore', () => {
  let repository: FakeOrdersRepository;
  let store: InstanceType<typeof OrderDetailStore>;

  beforeEach(() => {
    repository = new FakeOrdersRepository();
    TestBed.configureTestingModule({
      providers: [OrderDetailStore, { provide: OrdersRepository, useValue: repository }],
    });
    store = TestBed.inject(OrderDetailStore);
  });

  function loaded(etag = '"1"'): void {
    store.load('ord_1');
    answer(repository.gets[0], { order: order(), etag });
  }

  const stale = () =>
    new AppError({ kind: 'precondition-failed', status: 412, problem: undefined });

  it('loads the order with its ETag', () => {
    loaded('"3"');
    expect(store.order()?.id).toBe('ord_1');
    expect(store.etag()).toBe('"3"');
    expect(store.loading()).toBe(false);
  });

  it('keeps the AppError of a failed load', () => {
    store.load('ord_1');
    const error = new AppError({ kind: 'not-found', status: 404 });
    repository.gets[0].answer.error(error);
    expect(store.error()).toBe(error);
  });

  it('saves with If-Match of the version on screen and takes the new version', async () => {
    loaded('"1"');
    const saving = store.save({ status: 'paid' });
    expect(repository.updates[0].args).toEqual({
      id: 'ord_1',
      change: { status: 'paid' },
      etag: '"1"',
    });
    expect(store.pending()).toBe('save');
    answer(repository.updates[0], { order: order({ status: 'paid', version: 2 }), etag: '"2"' });
    expect(await saving).toEqual({ kind: 'saved' });
    expect([store.order()?.status, store.etag(), store.pending()]).toEqual(['paid', '"2"', null]);
  });

  it('turns a 412 into a conflict holding the newer version', async () => {
    loaded('"1"');
    const saving = store.save({ notes: 'mine' });
    repository.updates[0].answer.error(stale());
    await Promise.resolve();
    const theirs = { order: order({ notes: 'theirs', version: 2 }), etag: '"2"' };
    answer(repository.gets[1], theirs);
    const outcome = await saving;
    expect(outcome).toEqual({ kind: 'conflict', conflict: { change: { notes: 'mine' }, theirs } });
    expect(store.conflict()?.theirs).toBe(theirs);
    expect(store.order()?.notes).toBe('');
  });

  it('keeps theirs on request and drops the change', async () => {
    loaded('"1"');
    const saving = store.save({ notes: 'mine' });
    repository.updates[0].answer.error(stale());
    await Promise.resolve();
    answer(repository.gets[1], { order: order({ notes: 'theirs' }), etag: '"2"' });
    await saving;
    store.keepTheirs();
    expect([store.order()?.notes, store.etag(), store.conflict()]).toEqual(['theirs', '"2"', null]);
    expect(repository.updates.length).toBe(1);
  });

  it('overwrites on request: the same change, sent with If-Match of their version', async () => {
    loaded('"1"');
    const saving = store.save({ notes: 'mine' });
    repository.updates[0].answer.error(stale());
    await Promise.resolve();
    answer(repository.gets[1], { order: order({ notes: 'theirs' }), etag: '"2"' });
    await saving;
    const overwriting = store.overwrite();
    expect(repository.updates[1].args).toEqual({
      id: 'ord_1',
      change: { notes: 'mine' },
      etag: '"2"',
    });
    answer(repository.updates[1], { order: order({ notes: 'mine' }), etag: '"3"' });
    expect(await overwriting).toEqual({ kind: 'saved' });
    expect([store.order()?.notes, store.conflict()]).toEqual(['mine', null]);
  });

  it('hands back other failures without a conflict', async () => {
    loaded();
    const saving = store.save({ status: 'paid' });
    const error = new AppError({ kind: 'network' });
    repository.updates[0].answer.error(error);
    expect(await saving).toEqual({ kind: 'failed', error });
    expect(store.conflict()).toBeNull();
    expect(store.pending()).toBeNull();
  });

  it('sends nothing while another write is running', async () => {
    loaded();
    void store.save({ status: 'paid' });
    expect(await store.save({ notes: 'x' })).toEqual({ kind: 'busy' });
    expect(repository.updates.length).toBe(1);
  });

  it('deletes', async () => {
    loaded();
    const deleting = store.remove();
    expect(repository.deletes[0].args).toBe('ord_1');
    repository.deletes[0].answer.complete();
    expect(await deleting).toEqual({ kind: 'deleted' });
  });

  it('counts a 404 on delete as deleted: a retried delete finds the order gone', async () => {
    loaded();
    const deleting = store.remove();
    repository.deletes[0].answer.error(new AppError({ kind: 'not-found', status: 404 }));
    expect(await deleting).toEqual({ kind: 'deleted' });
  });

  it('hands back any other delete failure', async () => {
    loaded();
    const deleting = store.remove();
    const error = new AppError({ kind: 'server', status: 500 });
    repository.deletes[0].answer.error(error);
    expect(await deleting).toEqual({ kind: 'failed', error });
  });
});
