import { TestBed } from '@angular/core/testing';
import { patchState, signalStore } from '@ngrx/signals';
import { AppError } from '@keel/network';
import {
  requestFailed,
  requestStarted,
  requestSucceeded,
  withRequestState,
} from './with-request-state';

const Store = signalStore({ protectedState: false }, withRequestState());

describe('withRequestState', () => {
  it('starts idle, loads, and clears the last failure when the next request starts', () => {
    TestBed.configureTestingModule({ providers: [Store] });
    const store = TestBed.inject(Store);
    expect([store.loading(), store.error()]).toEqual([false, null]);
    const failure = new AppError({ kind: 'server', status: 503 });
    patchState(store, requestStarted());
    expect(store.loading()).toBeTrue();
    patchState(store, requestFailed(failure));
    expect(store.loading()).toBeFalse();
    expect(store.error()).toBe(failure);
    patchState(store, requestStarted());
    expect(store.error()).toBeNull();
    patchState(store, requestSucceeded());
    expect([store.loading(), store.error()]).toEqual([false, null]);
  });

  it('keeps only AppErrors: anything else a request threw is mapped to one', () => {
    const { error } = requestFailed(new TypeError('x is undefined'));
    expect(error).toBeInstanceOf(AppError);
    expect(error?.kind).toBe('unknown');
    expect(error?.message).not.toContain('undefined');
  });
});
