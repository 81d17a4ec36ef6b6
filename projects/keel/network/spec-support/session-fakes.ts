// What the session's specs share: a user, one tab's end of the channel, the Web Lock as another
// tab may hold it, and a token-expired answer. Spec support only: never part of the package.
import type { TestRequest } from '@angular/common/http/testing';
import type { SessionChannel, SessionMessage, User } from '@keel/network/session';

export const USER: User = { id: 'u1', email: 'demo@keel.dev', name: 'Demo', roles: ['user'] };

/** One tab's end of the channel: what it posted, and `deliver` for another tab's message. */
export class FakeChannel implements SessionChannel {
  readonly posted: SessionMessage[] = [];
  private readonly listeners = new Set<(message: SessionMessage) => void>();
  post(message: SessionMessage): void {
    this.posted.push(message);
  }
  listen(listener: (message: SessionMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  deliver(message: SessionMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}

/** The Web Lock as another tab may hold it: `hold()` before, `release()` lets this tab in. */
export class FakeLock {
  grants = 0;
  private held: Promise<void> = Promise.resolve();
  private releaseHeld: () => void = () => undefined;
  hold(): void {
    this.held = new Promise((resolve) => (this.releaseHeld = resolve));
  }
  release(): void {
    this.releaseHeld();
  }
  readonly run = async <T>(task: () => Promise<T>): Promise<T> => {
    await this.held;
    this.grants++;
    return task();
  };
}

/** The API's answer to a token it no longer accepts. */
export function unauthorized(req: TestRequest): void {
  req.flush(
    { type: '/problems/token-expired', title: 'Token expired', status: 401 },
    { status: 401, statusText: 'Unauthorized' },
  );
}
