import { SentryBridge } from './sentry-bridge';

type Sdk = Parameters<SentryBridge['ready']>[0];

describe('SentryBridge', () => {
  it('replays calls made before the SDK loaded, in order', () => {
    const bridge = new SentryBridge();
    const seen: string[] = [];
    bridge.use(() => seen.push('a'));
    bridge.use(() => seen.push('b'));
    expect(seen).toEqual([]);
    bridge.ready({} as Sdk);
    bridge.use(() => seen.push('c'));
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('drops everything when Sentry is off', () => {
    const bridge = new SentryBridge();
    const seen: string[] = [];
    bridge.use(() => seen.push('a'));
    bridge.disable();
    bridge.use(() => seen.push('b'));
    expect(seen).toEqual([]);
  });
});
