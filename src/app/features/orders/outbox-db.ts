import { InjectionToken } from '@angular/core';
import type { NewOrder, OrderChange } from './orders-repository';

/** A change waiting to be sent, as kept on this device. */
export type OutboxChange =
  | {
      readonly kind: 'create';
      readonly order: NewOrder;
      /** What the list shows for it: the customer's name and the number of lines. */
      readonly summary: string;
    }
  | {
      readonly kind: 'update';
      readonly orderId: string;
      /** The order's number as the user saw it (`SO-1042`), for the list. */
      readonly orderNumber: string;
      readonly change: OrderChange;
      /** The version the user changed, sent as `If-Match`. */
      readonly etag: string | null;
    };

/** Why the server refused a replayed change (422, 404, …): kept until the user discards it. */
export interface OutboxRefusal {
  readonly message: string;
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
}

export interface OutboxEntry {
  /** Order of the queue: assigned by IndexedDB, increasing. */
  readonly seq: number;
  /** Whose change it is; null when it was made before an offline session was confirmed. */
  readonly userId: string | null;
  readonly queuedAt: string;
  /** Sent with every replay of this change, so a replay after a lost answer is not a second write. */
  readonly idempotencyKey: string;
  readonly change: OutboxChange;
  readonly refusal: OutboxRefusal | null;
}

/** Where the outbox is kept. */
export interface OutboxDb {
  /** Every entry, in queue order. */
  all(): Promise<OutboxEntry[]>;
  add(entry: Omit<OutboxEntry, 'seq'>): Promise<OutboxEntry>;
  put(entry: OutboxEntry): Promise<void>;
  delete(seq: number): Promise<void>;
  clear(): Promise<void>;
}

const STORE = 'changes';

/**
 * The outbox in IndexedDB (`keel-outbox`, one object store with an auto-increment key, so the
 * key is the queue order). A wrapper of a few promises around the raw API; every call opens its
 * own transaction, so a change is either kept whole or not at all.
 */
export class IndexedDbOutbox implements OutboxDb {
  private db: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly factory: IDBFactory,
    private readonly name = 'keel-outbox',
  ) {}

  all(): Promise<OutboxEntry[]> {
    return this.run('readonly', (store) => store.getAll() as IDBRequest<OutboxEntry[]>);
  }

  async add(entry: Omit<OutboxEntry, 'seq'>): Promise<OutboxEntry> {
    const seq = await this.run('readwrite', (store) => store.add(entry) as IDBRequest<number>);
    return { ...entry, seq };
  }

  async put(entry: OutboxEntry): Promise<void> {
    await this.run('readwrite', (store) => store.put(entry));
  }

  async delete(seq: number): Promise<void> {
    await this.run('readwrite', (store) => store.delete(seq));
  }

  async clear(): Promise<void> {
    await this.run('readwrite', (store) => store.clear());
  }

  /** Closes the connection (tests delete the database afterwards). */
  async close(): Promise<void> {
    const db = await this.db;
    db?.close();
    this.db = null;
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = this.factory.open(this.name, 1);
      request.onupgradeneeded = () =>
        request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
      request.onsuccess = () => {
        // Another tab upgrading the schema asks this one to let go.
        request.result.onversionchange = () => request.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      this.db = null;
      throw error;
    });
    return this.db;
  }

  private async run<T>(
    mode: IDBTransactionMode,
    operation: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> {
    const db = await this.open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = operation(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted'));
    });
  }
}

/** An outbox in memory, where IndexedDB is not available (private modes of some browsers). */
export class MemoryOutbox implements OutboxDb {
  private entries: OutboxEntry[] = [];
  private next = 1;

  all(): Promise<OutboxEntry[]> {
    return Promise.resolve([...this.entries]);
  }
  add(entry: Omit<OutboxEntry, 'seq'>): Promise<OutboxEntry> {
    const stored = { ...entry, seq: this.next++ };
    this.entries.push(stored);
    return Promise.resolve(stored);
  }
  put(entry: OutboxEntry): Promise<void> {
    this.entries = this.entries.map((e) => (e.seq === entry.seq ? entry : e));
    return Promise.resolve();
  }
  delete(seq: number): Promise<void> {
    this.entries = this.entries.filter((e) => e.seq !== seq);
    return Promise.resolve();
  }
  clear(): Promise<void> {
    this.entries = [];
    return Promise.resolve();
  }
}

/**
 * Where the outbox lives.
 * @default IndexedDB (`keel-outbox`); in memory where the browser has none
 */
export const OUTBOX_DB = new InjectionToken<OutboxDb>('OUTBOX_DB', {
  providedIn: 'root',
  factory: () =>
    typeof indexedDB === 'undefined' ? new MemoryOutbox() : new IndexedDbOutbox(indexedDB),
});
