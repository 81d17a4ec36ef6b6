import {
  SERVICE_WORKER_POLICY,
  type TrustedTypesFactory,
  serviceWorkerScript,
} from './service-worker-script';

/** A Trusted Types factory that records the policy it is asked for. */
function fakeTrustedTypes() {
  const made: { name: string; createScriptURL(url: string): string }[] = [];
  const factory: TrustedTypesFactory = {
    createPolicy: (name, rules) => {
      const policy = { name, createScriptURL: (url: string) => rules.createScriptURL(url) };
      made.push(policy);
      return policy;
    },
  };
  return { factory, made };
}

describe('serviceWorkerScript', () => {
  it('is the plain URL where the browser has no Trusted Types', () => {
    expect(serviceWorkerScript('ngsw-worker.js', null)).toBe('ngsw-worker.js');
  });

  it('makes the URL through the keel#service-worker policy, which allows that URL only', () => {
    const { factory, made } = fakeTrustedTypes();
    expect(serviceWorkerScript('ngsw-worker.js', factory)).toBe('ngsw-worker.js');
    expect(made.map((policy) => policy.name)).toEqual([SERVICE_WORKER_POLICY]);
    expect(() => made[0].createScriptURL('https://evil.example/worker.js')).toThrowError(
      TypeError,
      /only allows "ngsw-worker\.js"/,
    );
  });

  it("is a TrustedScriptURL with the browser's Trusted Types", () => {
    const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    if (!trustedTypes) return pending('this browser has no Trusted Types');
    const script: unknown = serviceWorkerScript('ngsw-worker.js', {
      // Another name than the app's own: a policy name may be created once per page under a CSP.
      createPolicy: (_name, rules) => trustedTypes.createPolicy('keel#spec', rules),
    });
    expect(
      script instanceof
        (globalThis as unknown as { TrustedScriptURL: new () => object }).TrustedScriptURL,
    ).toBe(true);
    expect(String(script)).toBe('ngsw-worker.js');
  });
});
