/**
 * One tab of this origin at a time leads a task (holds a connection, say) while the others wait
 * their turn; when the leader closes, or steps down, the next waiting tab takes over at once.
 */
export interface TabLeadership {
  /**
   * Queues this tab for `name`; calls `lead` once this tab is the leader. Returns the function
   * that steps down (or leaves the queue when not yet leading).
   */
  join(name: string, lead: () => void): () => void;
}

/**
 * Leadership through Web Locks: the leader holds the exclusive lock `name` for as long as it
 * leads, and the browser releases it when the tab closes or crashes, granting it to the next tab
 * that asked. Without Web Locks (`locks` undefined) every tab leads itself.
 */
export function webLocksLeadership(locks: LockManager | undefined): TabLeadership {
  return {
    join(name, lead) {
      if (!locks) {
        lead();
        return () => undefined;
      }
      const waiting = new AbortController();
      // Assigned at once: a promise's executor runs before the constructor returns.
      let stepDown: () => void;
      const held = new Promise<void>((resolve) => (stepDown = resolve));
      let left = false;
      locks
        .request(name, { signal: waiting.signal }, () => {
          // Granted just as this tab left: hand the lock straight on.
          if (left) return;
          lead();
          return held;
        })
        // AbortError: stepped down while still waiting.
        .catch(() => undefined);
      return () => {
        left = true;
        waiting.abort();
        stepDown();
      };
    },
  };
}
