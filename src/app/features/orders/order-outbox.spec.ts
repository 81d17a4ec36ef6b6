import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';
import { SessionStore } from '@keel/network/session';
import { AppError, NETWORK_CLOCK, NETWORK_STATUS } from '@keel/network';
import { FakeNetworkClock, FakeNetworkStatus } from '@keel/network/testing';
import { ErrorSnackbar } from '../../shared/error-snackbar';
import type { ConflictChoice, ConflictDialogData } from './conflict-dialog';
import { OUTBOX_CHANNEL, OUTBOX_LOCK, OUTBOX_RETRY_DELAYS_MS, OrderOutbox } from './order-outbox';
import { type NewOrder, OrdersRepository } from './orders-repository';
import { IndexedDbOutbox, OUTBOX_DB } from './outbox-db';
import { FakeOrdersRepository, answer, type FakeCall } from './testing/fake-orders-repository';
import { order } from './testing/order-fixtures';

const USER = { id: 'u1', email: 'demo@keel.dev', name: 'Demo', roles: ['user'] };
const DRAFT: NewOrder = { customerId: 'cus_001', items: [{ productId: 'prd_001', quantity: 2 }] };

/** Waits, turn by turn, until `condition` holds (IndexedDB answers on its own schedule). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

/**
 * The outbox over the real IndexedDB of Karma's Chromium (one fresh database per test), a fake
 * repository the test answers, and a dialog that answers with `choice`.
 */
describe('OrderOutbox', () => {
  let dbName: string;
  let databases: IndexedDbOutbox[];
  let repository: FakeOrdersRepository;
  let network: FakeNetworkStatus;
  let dialogs: ConflictDialogData[];
  let choice: ConflictChoice | undefined;
  let infos: string[];
  let posted: number;
  let clock: FakeNetworkClock;

  beforeEach(() => {
    dbName = `keel-outbox-test-${Math.random().toString(36).slice(2)}`;
    databases = [];
    dialogs = [];
    choice = 'reload';
    infos = [];
    posted = 0;
  });

  afterEach(async () => {
    for (const db of databases) await db.close();
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(dbName);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  });

  /** A page load: a new app (TestBed) over the same database. */
  function load(options: { online?: boolean; signedIn?: boolean } = {}): OrderOutbox {
    TestBed.resetTestingModule();
    const db = new IndexedDbOutbox(indexedDB, dbName);
    databases.push(db);
    repository = new FakeOrdersRepository();
    network = new FakeNetworkStatus();
    clock = new FakeNetworkClock();
    if (options.online === false) network.goOffline();
    TestBed.configureTestingModule({
      providers: [
        { provide: OUTBOX_DB, useValue: db },
        { provide: OUTBOX_LOCK, useValue: (task: () => Promise<void>) => task() },
        { provide: OUTBOX_CHANNEL, useValue: { post: () => posted++, listen: () => () => 0 } },
        { provide: NETWORK_STATUS, useValue: network },
        { provide: NETWORK_CLOCK, useValue: clock },
        { provide: OrdersRepository, useValue: repository },
        { provide: ErrorSnackbar, useValue: { info: (m: string) => infos.push(m) } },
        {
          provide: MatDialog,
          useValue: {
            open: (_component: unknown, config: { data: ConflictDialogData }) => {
              dialogs.push(config.data);
              return { afterClosed: () => of(choice) };
            },
          },
        },
      ],
    });
    if (options.signedIn !== false) {
      TestBed.inject(SessionStore).signedIn(USER, 'token', 60_000, 0);
    }
    return TestBed.inject(OrderOutbox);
  }

  async function queueOffline(outbox: OrderOutbox): Promise<void> {
    await outbox.queueCreate(DRAFT, 'key-create', 'Ada Lovelace (1 line)');
    await outbox.queueUpdate(order({ id: 'ord_7', number: 'ORD-7' }), { status: 'paid' }, '"3"');
  }

  function last<A, T>(calls: FakeCall<A, T>[], count: number, what: string): Promise<void> {
    return until(() => calls.length >= count, what);
  }

  it('keeps changes in queue order, with their keys, across a reload', async () => {
    const outbox = load({ online: false });
    await queueOffline(outbox);
    expect(outbox.count()).toBe(2);
    expect(posted).toBe(2);

    const reloaded = load({ online: false });
    await until(() => reloaded.count() === 2, 'the reloaded outbox reads the queue');
    const [create, update] = reloaded.entries();
    expect(create.change).toEqual({
      kind: 'create',
      order: DRAFT,
      summary: 'Ada Lovelace (1 line)',
    });
    expect(create.idempotencyKey).toBe('key-create');
    expect(create.userId).toBe('u1');
    expect(update.change).toEqual({
      kind: 'update',
      orderId: 'ord_7',
      orderNumber: 'ORD-7',
      change: { status: 'paid' },
      etag: '"3"',
    });
    expect(create.seq).toBeLessThan(update.seq);
    expect(repository.creates.length).toBe(0);
  });

  it('replays in order on reconnect, once each, with the kept key and If-Match', async () => {
    const outbox = load({ online: false });
    await queueOffline(outbox);
    const updateKey = outbox.entries()[1].idempotencyKey;
    network.goOnline();
    await last(repository.creates, 1, 'the create is sent');
    expect(repository.creates[0].args).toEqual({ order: DRAFT, key: 'key-create' });
    expect(repository.updates.length).toBe(0); // the edit waits for the create's answer
    answer(repository.creates[0], order({ id: 'ord_9', number: 'ORD-9' }));
    await last(repository.updates, 1, 'the edit is sent');
    expect(repository.updates[0].args).toEqual({
      id: 'ord_7',
      change: { status: 'paid' },
      etag: '"3"',
      key: updateKey,
    });
    answer(repository.updates[0], { order: order({ id: 'ord_7', status: 'paid' }), etag: '"4"' });
    await until(() => outbox.count() === 0, 'the outbox is empty');
    await outbox.replay();
    expect(repository.creates.length).toBe(1);
    expect(repository.updates.length).toBe(1);
    expect(infos).toEqual([
      'Order ORD-9 created (it was waiting to send).',
      'Your change to order ORD-7 was sent.',
    ]);
  });

  it('stops at a change the server did not answer and resumes with it next time', async () => {
    const outbox = load({ online: false });
    await queueOffline(outbox);
    network.goOnline();
    await last(repository.creates, 1, 'the create is sent');
    repository.creates[0].answer.error(new AppError({ kind: 'network' }));
    await until(() => !outbox.replaying(), 'the replay ends');
    expect(repository.updates.length).toBe(0);
    expect(outbox.count()).toBe(2);

    network.goOffline();
    network.goOnline();
    await last(repository.creates, 2, 'the create is sent again');
    expect(repository.creates[1].args.key).toBe('key-create');
  });

  it('tries again by itself, with growing delays, when the server is not reached while online', async () => {
    const outbox = load({ online: false });
    await queueOffline(outbox);
    network.goOnline();
    await last(repository.creates, 1, 'the create is sent');
    repository.creates[0].answer.error(new AppError({ kind: 'network' }));
    await until(() => clock.pendingCount === 1, 'a retry is scheduled');
    expect(clock.requested).toEqual([OUTBOX_RETRY_DELAYS_MS[0]]);
    clock.advance(OUTBOX_RETRY_DELAYS_MS[0]);
    await last(repository.creates, 2, 'the create is sent again');
    repository.creates[1].answer.error(new AppError({ kind: 'server', status: 503 }));
    await until(() => clock.pendingCount === 1, 'the next retry is scheduled');
    expect(clock.requested).toEqual([OUTBOX_RETRY_DELAYS_MS[0], OUTBOX_RETRY_DELAYS_MS[1]]);
    // Offline, the reconnect replays instead: no timer.
    network.goOffline();
    clock.advance(OUTBOX_RETRY_DELAYS_MS[1]);
    await until(() => !outbox.replaying(), 'the timer replay gives up offline');
    expect(repository.creates.length).toBe(2);
    expect(clock.pendingCount).toBe(0);
  });

  it('sends a second edit of one order on top of the first (its If-Match follows)', async () => {
    const outbox = load({ online: false });
    const ord = order({ id: 'ord_7', number: 'ORD-7' });
    await outbox.queueUpdate(ord, { status: 'paid' }, '"3"');
    await outbox.queueUpdate(ord, { notes: 'ring twice' }, '"3"');
    network.goOnline();
    await last(repository.updates, 1, 'the first edit is sent');
    answer(repository.updates[0], { order: ord, etag: '"4"' });
    await last(repository.updates, 2, 'the second edit is sent');
    expect(repository.updates[1].args.etag).toBe('"4"');
  });

  it('opens the conflict dialog on 412; Reload drops the change and says so', async () => {
    const outbox = load({ online: false });
    await outbox.queueUpdate(order({ id: 'ord_7', number: 'ORD-7' }), { notes: 'mine' }, '"3"');
    network.goOnline();
    await last(repository.updates, 1, 'the edit is sent');
    repository.updates[0].answer.error(new AppError({ kind: 'precondition-failed', status: 412 }));
    await last(repository.gets, 1, 'their version is fetched');
    answer(repository.gets[0], { order: order({ id: 'ord_7', notes: 'theirs' }), etag: '"5"' });
    await until(() => outbox.count() === 0, 'the change is dropped');
    expect(dialogs).toEqual([
      { change: { notes: 'mine' }, theirs: order({ id: 'ord_7', notes: 'theirs' }), queued: true },
    ]);
    expect(repository.updates.length).toBe(1);
    expect(infos).toEqual(['Order ORD-7: showing the newer version.']);
  });

  it('on 412 with Overwrite sends the change on their version, with a new key', async () => {
    choice = 'overwrite';
    const outbox = load({ online: false });
    await outbox.queueUpdate(order({ id: 'ord_7', number: 'ORD-7' }), { notes: 'mine' }, '"3"');
    const firstKey = outbox.entries()[0].idempotencyKey;
    network.goOnline();
    await last(repository.updates, 1, 'the edit is sent');
    repository.updates[0].answer.error(new AppError({ kind: 'precondition-failed', status: 412 }));
    await last(repository.gets, 1, 'their version is fetched');
    answer(repository.gets[0], { order: order({ id: 'ord_7' }), etag: '"5"' });
    await last(repository.updates, 2, 'the overwrite is sent');
    expect(repository.updates[1].args.etag).toBe('"5"');
    expect(repository.updates[1].args.key).not.toBe(firstKey);
    answer(repository.updates[1], { order: order({ id: 'ord_7', notes: 'mine' }), etag: '"6"' });
    await until(() => outbox.count() === 0, 'the overwrite is saved');
  });

  it('keeps a 422 with the server reasons on its order, and goes on with the rest', async () => {
    const outbox = load({ online: false });
    await outbox.queueUpdate(order({ id: 'ord_7', number: 'ORD-7' }), { status: 'paid' }, '"3"');
    await outbox.queueCreate(DRAFT, 'key-create', 'Ada Lovelace (1 line)');
    network.goOnline();
    await last(repository.updates, 1, 'the edit is sent');
    repository.updates[0].answer.error(
      new AppError({
        kind: 'validation',
        status: 422,
        fieldErrors: { status: ['cannot move from shipped back to paid'] },
      }),
    );
    await last(repository.creates, 1, 'the create after it is still sent');
    answer(repository.creates[0], order({ id: 'ord_9' }));
    await until(() => outbox.count() === 1, 'only the refused edit is left');
    const [refused] = outbox.forOrder('ord_7');
    expect(refused.refusal).toEqual({
      message: 'Not accepted: cannot move from shipped back to paid.',
      fieldErrors: { status: ['cannot move from shipped back to paid'] },
    });
    // A refused change is not sent again; the user discards it.
    await outbox.replay();
    expect(repository.updates.length).toBe(1);
    await outbox.discard(refused.seq);
    expect(outbox.count()).toBe(0);
  });

  it('replays nothing before the session is confirmed, then adopts what was made meanwhile', async () => {
    const outbox = load({ signedIn: false });
    const session = TestBed.inject(SessionStore);
    session.unconfirmed();
    await outbox.queueCreate(DRAFT, 'key-create', 'Ada Lovelace (1 line)');
    expect(outbox.entries()[0].userId).toBeNull();
    await outbox.replay();
    expect(repository.creates.length).toBe(0);
    session.tokenRefreshed('token', 60_000, 0);
    session.userKnown(USER);
    TestBed.tick();
    await last(repository.creates, 1, 'the create is sent once the user is known');
  });

  it("hides and keeps another user's changes", async () => {
    const outbox = load({ online: false });
    await outbox.queueCreate(DRAFT, 'key-create', 'Ada Lovelace (1 line)');
    TestBed.inject(SessionStore).signedIn({ ...USER, id: 'u2' }, 'token', 60_000, 0);
    expect(outbox.count()).toBe(0);
    network.goOnline();
    await outbox.replay();
    expect(repository.creates.length).toBe(0);
  });

  it('discards one change, or all of them', async () => {
    const outbox = load({ online: false });
    await queueOffline(outbox);
    await outbox.discard(outbox.entries()[0].seq);
    expect(outbox.entries().map((e) => e.change.kind)).toEqual(['update']);
    await outbox.discardAll();
    expect(await databases[0].all()).toEqual([]);
  });
});
