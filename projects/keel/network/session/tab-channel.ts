import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject } from '@angular/core';

/**
 * A channel between the tabs of this origin in one browser: `post` reaches every other tab,
 * never the sender. Used by the session (`SESSION_CHANNEL`) and the feature flags' stream relay.
 */
export interface TabChannel<T> {
  post(message: T): void;
  /** Calls `listener` with every message another tab posts; returns a function that stops it. */
  listen(listener: (message: T) => void): () => void;
}

/**
 * Opens the `BroadcastChannel` `name` for the current injector, closed with it. A message is
 * checked by `isMessage` before it is believed: an older tab of another app version may post
 * shapes this one does not know, and those are ignored. Where the browser has no
 * `BroadcastChannel`, a channel that carries nothing. Call in an injection context.
 */
export function openTabChannel<T>(
  name: string,
  isMessage: (data: unknown) => data is T,
): TabChannel<T> {
  const Channel = inject(DOCUMENT).defaultView?.BroadcastChannel;
  if (!Channel) return { post: () => undefined, listen: () => () => undefined };
  const channel = new Channel(name);
  inject(DestroyRef).onDestroy(() => channel.close());
  return {
    post: (message) => channel.postMessage(message),
    listen: (listener) => {
      const handler = (event: MessageEvent) => {
        if (isMessage(event.data)) listener(event.data);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
  };
}
