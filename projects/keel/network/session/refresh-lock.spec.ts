import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';

import { REFRESH_LOCK } from './refresh-lock';

/** The part of a `LockManager` the refresh lock uses: the names asked for, the task run. */
class FakeLocks {
  readonly requested: string[] = [];

  request(name: string, task: () => Promise<unknown>): Promise<unknown> {
    this.requested.push(name);
    return task();
  }
}

/** REFRESH_LOCK's default, in a page whose window is `defaultView`. */
function defaultLock(defaultView: unknown) {
  TestBed.configureTestingModule({
    providers: [{ provide: DOCUMENT, useValue: { defaultView } }],
  });
  return TestBed.inject(REFRESH_LOCK);
}

describe('REFRESH_LOCK', () => {
  it('runs each refresh under the Web Lock every tab of the app asks for, with its result', async () => {
    const locks = new FakeLocks();
    const lock = defaultLock({ navigator: { locks } });
    expect(await lock(() => Promise.resolve('new-token'))).toBe('new-token');
    expect(locks.requested).toEqual(['keel-token-refresh']);
  });

  it('runs the refresh unlocked where the browser has no Web Locks', async () => {
    const lock = defaultLock({ navigator: {} });
    expect(await lock(() => Promise.resolve('new-token'))).toBe('new-token');
  });

  it('runs the refresh unlocked where there is no window (server rendering)', async () => {
    const lock = defaultLock(null);
    expect(await lock(() => Promise.resolve('new-token'))).toBe('new-token');
  });
});
