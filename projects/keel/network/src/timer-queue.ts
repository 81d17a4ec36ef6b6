/** `setTimeout` and `clearTimeout`, as the queue uses them. */
export interface PlatformTimer {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

interface Timer {
  readonly dueAt: number;
  /** The order of scheduling, so that timers due at the same moment fire first come first. */
  readonly seq: number;
  readonly fire: () => void;
  cancelled: boolean;
}

/**
 * Many timers on one `setTimeout`: a binary heap by due time, and one platform timer armed for
 * the earliest. Every call of the network layer starts two timers (its deadline, its attempt's
 * timeout) and almost always cancels both within milliseconds; in Chromium each RxJS `timer()`
 * is a `setInterval` plus a `clearInterval` (a profile put them at ~11 µs a call). Here starting
 * one is a heap push and cancelling it is a flag; the platform timer is re-armed only when a
 * timer earlier than every other one arrives.
 */
export class TimerQueue {
  private heap: Timer[] = [];
  private seq = 0;
  private cancelled = 0;
  private armedFor = Number.POSITIVE_INFINITY;
  private handle: unknown;

  constructor(
    private readonly now: () => number = Date.now,
    /** The platform's timer, a seam for tests. */
    private readonly platform: PlatformTimer = {
      set: (fire, ms) => setTimeout(fire, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
  ) {}

  /** Runs `fire` once `ms` have passed; the returned function cancels it. */
  schedule(ms: number, fire: () => void): () => void {
    const timer: Timer = {
      dueAt: this.now() + Math.max(0, ms),
      seq: this.seq++,
      fire,
      cancelled: false,
    };
    this.push(timer);
    if (timer.dueAt < this.armedFor) this.arm(timer.dueAt);
    return () => {
      if (timer.cancelled) return;
      timer.cancelled = true;
      // Cancelled timers stay in the heap until they come up; rebuild it when most are dead.
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: when the heap is rebuilt only changes memory and time, every live timer is kept in order either way
      if (++this.cancelled > 64 && this.cancelled * 2 > this.heap.length) this.compact();
    };
  }

  /** Timers waiting (not fired, not cancelled); for tests. */
  get size(): number {
    return this.heap.length - this.cancelled;
  }

  private arm(dueAt: number): void {
    if (this.handle !== undefined) this.platform.clear(this.handle);
    this.armedFor = dueAt;
    this.handle = this.platform.set(() => this.run(), Math.max(0, dueAt - this.now()));
  }

  private run(): void {
    this.handle = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
    const now = this.now();
    for (let top = this.heap[0]; top && top.dueAt <= now; top = this.heap[0]) {
      this.pop();
      if (top.cancelled) {
        this.cancelled--;
        continue;
      }
      top.cancelled = true;
      top.fire();
    }
    this.dropCancelledTop();
    if (this.heap.length && this.handle === undefined) this.arm(this.heap[0].dueAt);
  }

  private dropCancelledTop(): void {
    while (this.heap.length && this.heap[0].cancelled) {
      this.pop();
      this.cancelled--;
    }
  }

  private compact(): void {
    this.heap = this.heap.filter((t) => !t.cancelled);
    this.cancelled = 0;
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private push(timer: Timer): void {
    const heap = this.heap;
    let i = heap.push(timer) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(timer, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = timer;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (heap.length && last) {
      heap[0] = last;
      this.down(0);
    }
  }

  private down(start: number): void {
    const heap = this.heap;
    const timer = heap[start];
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && before(heap[child + 1], heap[child])) child++;
      if (!before(heap[child], timer)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = timer;
  }
}

/**
 * Whether `a` fires before `b`: due earlier, or due at the same moment and scheduled first, as
 * `setTimeout` does and as `FakeNetworkClock` does in the specs (a deadline and an attempt
 * timeout due together fire in the order they were started).
 */
function before(a: Timer, b: Timer): boolean {
  // Stryker disable next-line EqualityOperator: no two timers share a seq, so < and <= agree
  const scheduledFirst = a.seq < b.seq;
  return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && scheduledFirst);
}
