// Under the app's Content-Security-Policy (`require-trusted-types-for 'script'`, README
// "Security"), navigator.serviceWorker.register() refuses a plain string: it takes a
// TrustedScriptURL. Angular's provideServiceWorker() passes its script argument to register()
// as it is, so the app hands it one, made by a policy that allows that one URL and nothing else.
// scripts/content-security-policy.ts reads the policy name from here.

/** The Trusted Types policy that may name the service worker's script. */
export const SERVICE_WORKER_POLICY = 'keel#service-worker';

/** The slice of the Trusted Types API this needs (TypeScript's DOM types do not have it yet). */
export interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string): string },
  ): { createScriptURL(url: string): unknown };
}

/**
 * `script` as a TrustedScriptURL where the browser has Trusted Types (a plain string elsewhere),
 * typed as the string provideServiceWorker() declares. The policy is made on the first call;
 * asked for any other URL it throws, so it cannot be used to start another script.
 */
export function serviceWorkerScript(
  script: string,
  trustedTypes: TrustedTypesFactory | null = (globalThis as { trustedTypes?: TrustedTypesFactory })
    .trustedTypes ?? null,
): string {
  if (!trustedTypes) return script;
  const policy = trustedTypes.createPolicy(SERVICE_WORKER_POLICY, {
    createScriptURL: (url) => {
      if (url !== script) {
        throw new TypeError(`${SERVICE_WORKER_POLICY} only allows "${script}", not "${url}".`);
      }
      return url;
    },
  });
  return policy.createScriptURL(script) as string;
}
