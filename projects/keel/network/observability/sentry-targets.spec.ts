import { isSentryTraceTarget, sentryTracePropagationTargets } from './sentry-targets';

const OWN = 'https://keel.example.com';

describe('where Sentry trace headers go', () => {
  it("is this origin's /api/ only, for the SDK and for the network layer alike", () => {
    const targets = sentryTracePropagationTargets(OWN);
    const sdkSends = (url: string) => targets.some((target) => target.test(url));
    for (const [url, origin, path, expected] of [
      ['/api/orders', OWN, '/api/orders', true],
      [`${OWN}/api/orders?page=2`, OWN, '/api/orders', true],
      [`${OWN}/config.json`, OWN, '/config.json', false],
      ['https://cdn.example.com/api/x', 'https://cdn.example.com', '/api/x', false],
      // A look-alike host must not match the escaped origin.
      ['https://keelXexample.com/api/x', 'https://keelXexample.com', '/api/x', false],
    ] as const) {
      expect(sdkSends(url)).withContext(url).toBe(expected);
      expect(isSentryTraceTarget(origin, path, OWN))
        .withContext(url)
        .toBe(expected);
    }
  });
});
