import { DOCUMENT } from '@angular/common';
import {
  DestroyRef,
  Injectable,
  InjectionToken,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Subject, type Subscription, filter, firstValueFrom } from 'rxjs';
import { SessionStore } from '@keel/network/session';
import { type AppError, NETWORK_CLOCK, NETWORK_STATUS, isAppError } from '@keel/network';
import { describeError } from '../../shared/describe-error';
import { ErrorSnackbar } from '../../shared/error-snackbar';
import { ConflictDialog, type ConflictChoice, type ConflictDialogData } from './conflict-dialog';
import { newIdempotencyKey } from './order-create-store';
import type { Order } from './order-schema';
import { type NewOrder, type OrderChange, OrdersRepository } from './orders-repository';
import { OUTBOX_DB, type OutboxEntry, type OutboxRefusal } from './outbox-db';

/** A queued change that reached the server (or was given up for the server's newer version). */
export interface OutboxSettled {
  readonly entry: OutboxEntry;
  /** The order as the server has it now. */
  readonly order: Order;
  /** `sent`: the change is saved; `dropped`: a conflict was resolved by keeping the newer version. */
  readonly outcome: 'sent' | 'dropped';
}

/** Runs `task` while no other tab of this origin replays the outbox; resolves with its result. */
export type OutboxLock = <T>(task: () => Promise<T>) => Promise<T>;

/** @default Web Locks (`keel-outbox`); unlocked where the browser has none */
export const OUTBOX_LOCK = new InjectionToken<OutboxLock>('OUTBOX_LOCK', {
  providedIn: 'root',
  factory: () => {
    const locks = inject(DOCUMENT).defaultView?.navigator.locks;
    if (!locks) return (task) => task();
    // request() resolves with the task's own result once the lock is released.
    return <T>(task: () => Promise<T>) => locks.request('keel-outbox', task) as Promise<T>;
  },
});

/**
 * Tells the other tabs that the outbox changed, and hears them.
 * @default a `BroadcastChannel` named `keel-outbox`; nothing where the browser has none
 */
export const OUTBOX_CHANNEL = new InjectionToken<{
  post(): void;
  listen(listener: () => void): () => void;
}>('OUTBOX_CHANNEL', {
  providedIn: 'root',
  factory: () => {
    if (typeof BroadcastChannel === 'undefined')
      return { post: () => undefined, listen: () => () => undefined };
    const channel = new BroadcastChannel('keel-outbox');
    inject(DestroyRef).onDestroy(() => channel.close());
    return {
      post: () => channel.postMessage('changed'),
      listen: (listener) => {
        channel.addEventListener('message', listener);
        return () => channel.removeEventListener('message', listener);
      },
    };
  },
});

/**
 * Failures that say nothing about the change itself: the server was not reached or could not
 * answer, or the session must be renewed first. The change waits for the next replay, and the
 * ones after it too (they may depend on it).
 */
const WAIT_KINDS = new Set<AppError['kind']>([
  'offline',
  'network',
  'timeout',
  'aborted',
  'server',
  'circuit-open',
  'budget-exhausted',
  'rate-limited',
  'unauthorized',
  'auth-expired',
  'upgrade-required',
]);

/**
 * How long the outbox waits before it tries again after the server was not reached while the
 * browser is online (the `online` event will not come): 15 s, doubling, at most 5 minutes.
 */
export const OUTBOX_RETRY_DELAYS_MS: readonly number[] = [15_000, 30_000, 60_000, 120_000, 300_000];

/** A change that failed this way is kept in the outbox instead of being lost. */
export function canWaitInOutbox(error: unknown): boolean {
  return isAppError(error) && (error.kind === 'offline' || error.kind === 'network');
}

/** What the user is told when `what` ("The order", "The change") went to the outbox. */
export function keptForLaterMessage(error: unknown, what: string): string {
  return isAppError(error) && error.kind === 'offline'
    ? `You are offline. ${what} is kept on this device and sent when the connection is back.`
    : `The server cannot be reached. ${what} is kept on this device and sent as soon as it can be.`;
}

/**
 * The outbox (README, "Offline"): order creates and edits made while offline, or that failed as
 * `offline`/`network` after the layer's retries, kept on this device (IndexedDB) with their
 * Idempotency-Key and If-Match, and replayed in queue order, once each, when the connection is
 * back and the session is confirmed; they survive a reload. A replay is safe to repeat: the
 * server answers a repeated Idempotency-Key with the first answer instead of writing again.
 *
 * - 2xx: removed, and announced (`settled`, a snackbar).
 * - 412: the conflict dialog opens; "overwrite" sends the change on top of the newer version,
 *   "reload" drops it.
 * - 422, 404 and other refusals: kept with the server's reason, shown on the order (or in the
 *   outbox list for a create) until the user discards it; the rest of the queue goes on.
 * - Not reached (offline, 5xx, 401 …): kept; the replay stops there and resumes on the next
 *   reconnect, sign-in or "Send now", and by itself after `OUTBOX_RETRY_DELAYS_MS` while online.
 *
 * One tab replays at a time (Web Lock), reading the queue afresh for each change, so two tabs
 * never send the same entry; the others hear of every change over a BroadcastChannel.
 */
@Injectable({ providedIn: 'root' })
export class OrderOutbox {
  private readonly db = inject(OUTBOX_DB);
  private readonly lock = inject(OUTBOX_LOCK);
  private readonly channel = inject(OUTBOX_CHANNEL);
  private readonly session = inject(SessionStore);
  private readonly network = inject(NETWORK_STATUS);
  private readonly clock = inject(NETWORK_CLOCK);
  private readonly repository = inject(OrdersRepository);
  private readonly dialog = inject(MatDialog);
  private readonly snackbar = inject(ErrorSnackbar);
  private readonly stored = signal<readonly OutboxEntry[]>([]);
  private readonly loaded = signal(false);
  private readonly replayingNow = signal(false);
  private readonly settledChanges = new Subject<OutboxSettled>();
  /** The next replay after one that could not reach the server, and how many came before. */
  private retry: Subscription | null = null;
  private retries = 0;

  /**
   * The signed-in user's changes, in queue order (while an offline session is not confirmed yet,
   * every change on this device: they can only be this session's).
   */
  readonly entries = computed(() => {
    const user = this.session.user();
    return this.stored().filter((e) => !user || e.userId === null || e.userId === user.id);
  });
  readonly count = computed(() => this.entries().length);
  /** A replay is running in this tab. */
  readonly replaying = this.replayingNow.asReadonly();
  /** Each change the server has taken (or that was dropped for a newer version). */
  readonly settled = this.settledChanges.asObservable();

  /** Resolves once the changes on this device have been read for the first time. */
  readonly ready: Promise<void>;

  constructor() {
    this.ready = this.refresh();
    const stopListening = this.channel.listen(() => void this.refresh());
    const reconnect = this.network.changes
      .pipe(filter((online) => online))
      .subscribe(() => void this.replay());
    inject(DestroyRef).onDestroy(() => {
      stopListening();
      reconnect.unsubscribe();
      this.retry?.unsubscribe();
    });
    // Once the session is confirmed (sign-in, a page load, an offline session confirmed).
    effect(() => {
      if (this.loaded() && this.session.user()) untracked(() => void this.replay());
    });
  }

  /** The changes waiting for one order. */
  forOrder(orderId: string): OutboxEntry[] {
    return this.entries().filter((e) => e.change.kind === 'update' && e.change.orderId === orderId);
  }

  /** Keeps a new order to send later, with the Idempotency-Key of its submission. */
  queueCreate(order: NewOrder, idempotencyKey: string, summary: string): Promise<void> {
    return this.queue({ kind: 'create', order, summary }, idempotencyKey);
  }

  /** Keeps a change of `order` (at `etag`) to send later. */
  queueUpdate(order: Order, change: OrderChange, etag: string | null): Promise<void> {
    return this.queue(
      { kind: 'update', orderId: order.id, orderNumber: order.number || order.id, change, etag },
      newIdempotencyKey(),
    );
  }

  async discard(seq: number): Promise<void> {
    await this.db.delete(seq);
    await this.changed();
  }

  /** Drops every change on this device (sign-out, after asking). */
  async discardAll(): Promise<void> {
    await this.db.clear();
    await this.changed();
  }

  /**
   * Sends what waits, in order. Does nothing while offline, before the session is confirmed or
   * while this tab already replays; waits while another tab does.
   */
  async replay(): Promise<void> {
    if (this.replayingNow() || !this.network.isOnline() || !this.session.user()) return;
    this.replayingNow.set(true);
    this.retry?.unsubscribe();
    this.retry = null;
    let result: 'done' | 'wait';
    try {
      result = await this.lock(() => this.replayLocked());
    } finally {
      this.replayingNow.set(false);
      await this.refresh();
    }
    if (result === 'wait' && this.network.isOnline()) {
      // Online, yet the server was not reached: no `online` event is coming, so try again.
      const delay =
        OUTBOX_RETRY_DELAYS_MS[Math.min(this.retries, OUTBOX_RETRY_DELAYS_MS.length - 1)];
      this.retries++;
      this.retry = this.clock.timer(delay).subscribe(() => void this.replay());
    } else if (result === 'done') {
      this.retries = 0;
    }
  }

  private async replayLocked(): Promise<'done' | 'wait'> {
    const user = this.session.user();
    if (!user) return 'done';
    for (const { seq } of await this.db.all()) {
      // Afresh each time: another tab, a discard or a rebase may have changed it meanwhile.
      const entry = (await this.db.all()).find((e) => e.seq === seq);
      if (!entry || entry.refusal || (entry.userId !== null && entry.userId !== user.id)) continue;
      if (!this.network.isOnline() || (await this.send(entry)) === 'wait') return 'wait';
    }
    return 'done';
  }

  /** `wait`: not reached; the queue stops here until the next replay. */
  private async send(entry: OutboxEntry): Promise<'next' | 'wait'> {
    const { change } = entry;
    try {
      if (change.kind === 'create') {
        const order = await firstValueFrom(
          this.repository.create(change.order, entry.idempotencyKey),
        );
        await this.settle(entry, order, 'sent');
        this.snackbar.info(`Order ${order.number || order.id} created (it was waiting to send).`);
      } else {
        const saved = await firstValueFrom(
          this.repository.update(change.orderId, change.change, change.etag, entry.idempotencyKey),
        );
        // Later changes of this order were made on top of this one: they follow its version.
        await this.rebase(change.orderId, change.etag, saved.etag);
        await this.settle(entry, saved.order, 'sent');
        this.snackbar.info(`Your change to order ${change.orderNumber} was sent.`);
      }
      return 'next';
    } catch (error) {
      if (isAppError(error) && WAIT_KINDS.has(error.kind)) return 'wait';
      if (change.kind === 'update' && isAppError(error) && error.kind === 'precondition-failed') {
        return this.resolveConflict(entry);
      }
      await this.db.put({ ...entry, refusal: refusalOf(error) });
      await this.changed();
      return 'next';
    }
  }

  /** 412 on a replayed edit: the user compares and chooses, as for an edit made online. */
  private async resolveConflict(entry: OutboxEntry): Promise<'next' | 'wait'> {
    const { change } = entry;
    if (change.kind !== 'update') return 'next';
    let theirs;
    try {
      theirs = await firstValueFrom(this.repository.get(change.orderId));
    } catch (error) {
      if (isAppError(error) && WAIT_KINDS.has(error.kind)) return 'wait';
      await this.db.put({ ...entry, refusal: refusalOf(error) });
      await this.changed();
      return 'next';
    }
    const choice = await firstValueFrom(
      this.dialog
        .open<ConflictDialog, ConflictDialogData, ConflictChoice>(ConflictDialog, {
          data: { change: change.change, theirs: theirs.order, queued: true },
          maxWidth: '640px',
        })
        .afterClosed(),
    );
    if (choice === 'overwrite') {
      // A new intent on top of their version: a new key (the old one belongs to the refused one).
      const overwrite: OutboxEntry = {
        ...entry,
        idempotencyKey: newIdempotencyKey(),
        change: { ...change, etag: theirs.etag },
      };
      await this.db.put(overwrite);
      return this.send(overwrite);
    }
    await this.settle(entry, theirs.order, 'dropped');
    this.snackbar.info(`Order ${change.orderNumber}: showing the newer version.`);
    return 'next';
  }

  private async rebase(orderId: string, from: string | null, to: string | null): Promise<void> {
    for (const other of await this.db.all()) {
      if (other.change.kind === 'update' && other.change.orderId === orderId) {
        if (other.change.etag === from) {
          await this.db.put({ ...other, change: { ...other.change, etag: to } });
        }
      }
    }
  }

  private async settle(entry: OutboxEntry, order: Order, outcome: 'sent' | 'dropped') {
    await this.db.delete(entry.seq);
    await this.changed();
    this.settledChanges.next({ entry, order, outcome });
  }

  private async queue(change: OutboxEntry['change'], idempotencyKey: string): Promise<void> {
    await this.db.add({
      userId: this.session.user()?.id ?? null,
      queuedAt: new Date(this.clock.now()).toISOString(),
      idempotencyKey,
      change,
      refusal: null,
    });
    await this.changed();
  }

  private async changed(): Promise<void> {
    await this.refresh();
    this.channel.post();
  }

  private async refresh(): Promise<void> {
    try {
      this.stored.set(await this.db.all());
    } catch (error) {
      // Storage refused (quota, private mode): what is on screen stays; report it.
      console.error('The outbox could not be read', error);
    }
    this.loaded.set(true);
  }
}

/** The server's reason, as a person reads it: its field errors, or the error's own message. */
function refusalOf(error: unknown): OutboxRefusal {
  const fieldErrors = isAppError(error) ? error.fieldErrors : {};
  const reasons = Object.values(fieldErrors).flat();
  const message =
    isAppError(error) && error.kind === 'not-found'
      ? 'This order no longer exists.'
      : reasons.length > 0
        ? `Not accepted: ${reasons.join('; ')}.`
        : describeError(error).message;
  return { message, fieldErrors };
}
