/**
 * Resolves once the page has loaded (the window's `load` event) and the browser is idle after
 * it: for work that must not compete with the first page for the network or the main thread
 * (Sentry's SDK, preloading other pages' code). `requestIdleCallback` with a 5 s cap where the
 * browser has it, 1 s after `load` where it does not.
 */
export function idleAfterLoad(window: Window = globalThis.window): Promise<void> {
  const loaded =
    window.document.readyState === 'complete'
      ? Promise.resolve()
      : new Promise<void>((resolve) =>
          window.addEventListener('load', () => resolve(), { once: true }),
        );
  return loaded.then(
    () =>
      new Promise<void>((resolve) => {
        if (typeof window.requestIdleCallback === 'function') {
          window.requestIdleCallback(() => resolve(), { timeout: 5_000 });
        } else {
          window.setTimeout(resolve, 1_000);
        }
      }),
  );
}
