import { Subject } from 'rxjs';
import type { NetworkStatus } from '@keel/network';

/** A `NetworkStatus` the test switches with `goOffline()` and `goOnline()`. */
export class FakeNetworkStatus implements NetworkStatus {
  private online = true;
  private readonly subject = new Subject<boolean>();
  readonly changes = this.subject.asObservable();

  isOnline(): boolean {
    return this.online;
  }

  goOffline(): void {
    this.online = false;
    this.subject.next(false);
  }

  goOnline(): void {
    this.online = true;
    this.subject.next(true);
  }
}
