// Internal to the network layer's specs (not exported from the testing entry).
/** How many times `run` constructs a URL. */
export function countUrlParses(run: () => void): number {
  const Original = URL;
  let count = 0;
  (window as { URL: typeof URL }).URL = class extends Original {
    constructor(url: string | URL, base?: string | URL) {
      super(url, base);
      count++;
    }
  };
  try {
    run();
  } finally {
    (window as { URL: typeof URL }).URL = Original;
  }
  return count;
}
