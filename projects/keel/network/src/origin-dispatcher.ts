import {
  type HttpEvent,
  HttpEventType,
  type HttpHandlerFn,
  type HttpRequest,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, type Subscriber, type Subscription } from 'rxjs';
import type { AppError } from './app-error';
import type { CallPlan } from './call-plan';
import { NETWORK_CLOCK } from './network-clock';
import { MAX_CONCURRENT_PER_ORIGIN } from './network-layer-options';
import { toAppError } from './to-app-error';

/**
 * Queue priorities, first served first: the token refresh (and the other auth calls) and
 * breaker probes, which everything else waits on; replays of a 401, which were on the wire
 * already; the calls a person is waiting for; and `BACKGROUND` calls (polls, flag reloads).
 */
export const PRIORITY = { unblocking: 0, replay: 1, visible: 2, background: 3 } as const;

type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

interface Entry {
  readonly plan: CallPlan;
  readonly req: HttpRequest<unknown>;
  readonly next: HttpHandlerFn;
  readonly subscriber: Subscriber<HttpEvent<unknown>>;
  readonly priority: Priority;
  readonly queuedAt: number;
  state: 'queued' | 'held' | 'sent' | 'done';
  /** Holds one of its origin's slots (from dispatch until the answer's headers are in). */
  slot: boolean;
  inner: Subscription | null;
}

/** The attempts of one origin: a FIFO per priority, those held for a refresh, and those in flight. */
class Lane {
  // Stryker disable next-line ArrayDeclaration: shift() skips whatever is not a queued entry, as it skips cancelled ones, so a stray item changes nothing
  readonly queues: Entry[][] = [[], [], [], []];
  readonly heads = [0, 0, 0, 0];
  // Stryker disable next-line ArrayDeclaration: release() keeps only held entries of each priority, so a stray item is dropped
  held: Entry[] = [];
  inFlight = 0;
  queued = 0;

  push(entry: Entry): void {
    this.queues[entry.priority].push(entry);
    this.queued++;
  }

  /** The next entry to consider, oldest first within the highest priority; skips cancelled ones. */
  shift(): Entry | undefined {
    for (let p = 0; p < 4; p++) {
      const queue = this.queues[p];
      let head = this.heads[p];
      let found: Entry | undefined;
      while (head < queue.length && !found) {
        const entry = queue[head++];
        if (entry.state === 'queued') found = entry;
      }
      this.heads[p] = head;
      // Consumed entries are dropped now and then, not one by one (shift() on an array is O(n)).
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator,BlockStatement: when consumed entries are dropped only changes memory and time, as shift() skips every entry that is not queued wherever its head is
      if (head > 0 && (head === queue.length || (head > 256 && head * 2 > queue.length))) {
        // Stryker disable next-line MethodExpression: keeping consumed entries only costs memory and time, as shift() skips every entry that is not queued
        this.queues[p] = queue.slice(head);
        this.heads[p] = 0;
      }
      if (found) return found;
    }
    return undefined;
  }

  /** Puts the held entries back in front of their queues, in the order they were held. */
  release(): void {
    const held = this.held;
    // Stryker disable next-line ArrayDeclaration: release() keeps only held entries of each priority, so a stray item is dropped
    this.held = [];
    for (let p = 3; p >= 0; p--) {
      const mine = held.filter((e) => e.priority === p && e.state === 'held');
      for (const entry of mine) entry.state = 'queued';
      // Stryker disable next-line MethodExpression: the entries before the head were taken already (sent, cancelled, or held and now in front), so keeping them costs only memory
      this.queues[p] = mine.concat(this.queues[p].slice(this.heads[p]));
      this.heads[p] = 0;
    }
  }
}

/** What the console shows of an origin's queue. */
export interface DispatcherSnapshot {
  readonly origin: string;
  readonly inFlight: number;
  readonly queued: number;
}

/**
 * Owns the attempts of every origin (DESIGN.md, "A per-origin dispatcher owns the queue"): at
 * most `MAX_CONCURRENT_PER_ORIGIN` in flight per origin, the rest queued by priority. An
 * attempt is sent, and its attempt timeout started, only when it gets a slot, so time in the
 * queue counts against the call's deadline and nothing else: a call whose deadline passes in
 * the queue fails as `timeout` without being sent, spending no retry budget and telling the
 * breaker nothing. While a refresh runs (after a 401), an attempt that would carry the token
 * waits in the queue and goes out once, with the new token. A slot is freed when the answer's
 * headers are in (see `send`), a 401's only once it has been handed up the chain, so its refresh
 * is asked for before the next attempt is picked, and a `STREAMING` call's only when it ends. One dispatcher per app: the browser's
 * connection limit is per page.
 *
 * It is also where an attempt's failure becomes an `AppError`, once (`plan.wireError`), and
 * where the attempt is recorded, from the moment it is sent.
 */
@Injectable({ providedIn: 'root' })
export class OriginDispatcher {
  private readonly clock = inject(NETWORK_CLOCK);
  private readonly limit = inject(MAX_CONCURRENT_PER_ORIGIN);
  private readonly lanes = new Map<string, Lane>();
  /** The refresh the held entries wait for; null when none is held. */
  private awaiting: Observable<unknown> | null = null;
  /** Refreshes that have settled, in case a source keeps handing one out afterwards. */
  private readonly settled = new WeakSet<Observable<unknown>>();
  /** Lanes that asked to be filled while a pump was running; it fills them in turn. */
  private readonly toPump = new Set<Lane>();
  private pumping = false;

  /** Sends `req` through `next` once its origin has a free slot; see the class comment. */
  attempt(
    plan: CallPlan,
    req: HttpRequest<unknown>,
    next: HttpHandlerFn,
  ): Observable<HttpEvent<unknown>> {
    return new Observable<HttpEvent<unknown>>((subscriber) => {
      const entry: Entry = {
        plan,
        req,
        next,
        subscriber,
        priority: priorityOf(plan),
        queuedAt: this.clock.now(),
        state: 'queued',
        // Stryker disable next-line BooleanLiteral: send() sets it, and nothing reads it before (cancel() returns early for queued and held entries)
        slot: false,
        inner: null,
      };
      const lane = this.lane(plan.origin);
      // The common case, sent at once: nothing waits in its lane (so no order to keep), a slot
      // is free, and no refresh holds it. Otherwise it queues, and the pump decides.
      // Stryker disable next-line ConditionalExpression: queued and pumped at once, such an entry is sent all the same; this only skips the queue's work
      if (lane.queued === 0 && lane.inFlight < this.limit && !this.holds(entry)) {
        lane.queued++;
        this.send(lane, entry);
      } else {
        lane.push(entry);
        this.pump(lane);
      }
      return () => this.cancel(lane, entry);
    });
  }

  snapshot(): DispatcherSnapshot[] {
    return [...this.lanes].map(([origin, lane]) => ({
      origin,
      inFlight: lane.inFlight,
      queued: lane.queued,
    }));
  }

  private lane(origin: string): Lane {
    let lane = this.lanes.get(origin);
    if (!lane) this.lanes.set(origin, (lane = new Lane()));
    return lane;
  }

  private pump(lane: Lane): void {
    // A send can settle synchronously and free a slot, in its own lane or, through its caller
    // (a call it ends, a refresh it completes), in another one: the lane is noted and filled by
    // the loop below instead of recursing.
    this.toPump.add(lane);
    if (this.pumping) return;
    this.pumping = true;
    try {
      // A Set's iteration also visits the lanes added, or added again, while it runs.
      for (const next of this.toPump) {
        this.toPump.delete(next);
        this.fill(next);
      }
    } finally {
      this.pumping = false;
    }
  }

  private fill(lane: Lane): void {
    while (lane.inFlight < this.limit) {
      const entry = lane.shift();
      if (!entry) break;
      const refresh = this.holds(entry);
      if (refresh) this.hold(lane, entry, refresh);
      else this.send(lane, entry);
    }
  }

  /** The refresh `entry` must wait for (it carries a token, and one is being refreshed), if any. */
  private holds(entry: Entry): Observable<unknown> | null {
    const refresh = entry.plan.tokens?.refreshInFlight?.();
    return refresh && !this.settled.has(refresh) ? refresh : null;
  }

  private hold(lane: Lane, entry: Entry, refresh: Observable<unknown>): void {
    entry.state = 'held';
    lane.held.push(entry);
    // Stryker disable next-line ConditionalExpression: subscribing to the same refresh again (which starts nothing, per AccessTokenSource) only adds a resume that finds nothing left to do
    if (this.awaiting === refresh) return;
    this.awaiting = refresh;
    const resume = () => {
      this.settled.add(refresh);
      // Stryker disable next-line ConditionalExpression: releasing early for a refresh no longer awaited changes nothing: the pump holds the entries again for the one running
      if (this.awaiting !== refresh) return;
      this.awaiting = null;
      for (const held of this.lanes.values()) held.release();
      for (const held of this.lanes.values()) this.pump(held);
    };
    // The refresh's own callers handle its error; here it only says "go on".
    refresh.subscribe({ complete: resume, error: resume });
  }

  private send(lane: Lane, entry: Entry): void {
    const { plan, subscriber } = entry;
    lane.queued--;
    lane.inFlight++;
    entry.state = 'sent';
    entry.slot = true;
    const now = this.clock.now();
    if (now > entry.queuedAt) plan.beginWait('queue', entry.queuedAt)();
    const stamped = plan.stamp(entry.req);
    const attempt = plan.beginAttempt(now, stamped.headers);
    const progress = entry.req.reportProgress;
    // The slot is the connection: free once the answer's headers are in (the body of an API
    // answer comes with them), so the next attempt goes out while this one's body is read and
    // handed up, which on a slow device takes longer than the trip itself. A 401 keeps it until
    // the error has been handed up: the refresh it starts must hold the next attempts back.
    const free = () => {
      if (entry.slot) {
        entry.slot = false;
        lane.inFlight--;
        // Stryker disable next-line ConditionalExpression: pumping a lane with nothing queued sends nothing; this only skips the pump's work
        if (lane.queued) this.pump(lane);
      }
    };
    const inner = entry.next(stamped).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.Response) {
          attempt.end(this.clock.now(), event.status);
          // Stryker disable next-line StringLiteral: cancel() treats every state but 'sent' alike here, and the one check for 'done' (after subscribing) would only unsubscribe an attempt that has already ended
          entry.state = 'done';
          free();
          return subscriber.next(event);
        }
        // A stream keeps its slot while open: over HTTP/1.1 it holds its connection.
        if (event.type === HttpEventType.ResponseHeader && event.status !== 401 && !plan.streaming)
          free();
        // Progress events were asked for by the dispatcher, not by the caller: dropped.
        if (progress || event.type === HttpEventType.Sent || event.type === HttpEventType.User)
          subscriber.next(event);
      },
      error: (raw: unknown) => {
        const error: AppError = toAppError(raw, this.clock.now());
        attempt.end(this.clock.now(), error.status, error.kind);
        plan.wireError = error;
        // Stryker disable next-line StringLiteral: cancel() treats every state but 'sent' alike here, and the one check for 'done' (after subscribing) would only unsubscribe an attempt that has already ended
        entry.state = 'done';
        // Stryker disable next-line ConditionalExpression: the error mapper, outermost, unsubscribes the attempt (freeing its slot) before anyone who could queue a call sees the error, and the retry stage queues none at once, so freeing first changes no order
        if (error.status !== 401) free();
        subscriber.error(error);
        free();
      },
      complete: () => {
        // Stryker disable next-line StringLiteral: cancel() treats every state but 'sent' alike here, and the one check for 'done' (after subscribing) would only unsubscribe an attempt that has already ended
        entry.state = 'done';
        free();
        subscriber.complete();
      },
    });
    // Settled or cancelled while subscribing: nothing to keep (or abort it now).
    if ((entry.state as Entry['state']) === 'done') inner.unsubscribe();
    else entry.inner = inner;
  }

  private cancel(lane: Lane, entry: Entry): void {
    if (entry.state === 'queued' || entry.state === 'held') {
      // Stryker disable next-line StringLiteral: an entry never sent only has to stop being queued or held; 'done' itself is compared only while an attempt is being sent
      entry.state = 'done';
      lane.queued--;
      return;
    }
    // Stryker disable next-line ConditionalExpression: unsubscribing an attempt that has ended aborts nothing (its answer is in)
    if (entry.state === 'sent') {
      entry.state = 'done';
      entry.inner?.unsubscribe();
    }
    if (entry.slot) {
      entry.slot = false;
      lane.inFlight--;
      this.pump(lane);
    }
  }
}

function priorityOf(plan: CallPlan): Priority {
  if (plan.authPath || plan.probe) return PRIORITY.unblocking;
  if (plan.replay) return PRIORITY.replay;
  return plan.background ? PRIORITY.background : PRIORITY.visible;
}
