/** What `public/config.json` says, read before bootstrap so one build serves every environment. */
export interface RuntimeConfig {
  readonly sentry?: {
    /**
     * The project's DSN; absent or empty: Sentry stays off. `{host}` is replaced by the page's
     * host, so the dev DSN reaches the dev API's envelope sink on whatever port ng serve uses.
     */
    readonly dsn?: string;
    readonly environment?: string;
    /** Share of page loads traced (0..1). @default 0 */
    readonly tracesSampleRate?: number;
  };
}

/** Reads the runtime config; a missing or broken file means "no Sentry", never a blank app. */
export async function loadRuntimeConfig(url = 'config.json'): Promise<RuntimeConfig> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return {};
    const config: unknown = await response.json();
    return typeof config === 'object' && config !== null ? (config as RuntimeConfig) : {};
  } catch {
    return {};
  }
}
