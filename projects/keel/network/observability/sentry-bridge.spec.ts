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

describe('SentryBridge, before the SDK is here', () => {
  const settled = async (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve));
    return done;
  };

  it('is needed from the first report, not from a breadcrumb', async () => {
    const bridge = new SentryBridge();
    bridge.use(() => undefined);
    expect(await settled(bridge.needed)).toBeFalse();
    bridge.report(() => undefined);
    expect(await settled(bridge.needed)).toBeTrue();
  });

  it('keeps reports and reports in order with breadcrumbs', () => {
    const bridge = new SentryBridge();
    const seen: string[] = [];
    bridge.use(() => seen.push('crumb'));
    bridge.report(() => seen.push('event'));
    bridge.ready({} as Sdk);
    bridge.report(() => seen.push('later'));
    expect(seen).toEqual(['crumb', 'event', 'later']);
  });

  it('drops the oldest breadcrumb, never a report, when 100 calls wait', () => {
    const bridge = new SentryBridge();
    const seen: string[] = [];
    bridge.report(() => seen.push('event 0'));
    for (let i = 0; i < 99; i++) bridge.use(() => seen.push(`crumb ${i}`));
    bridge.report(() => seen.push('event 1'));
    bridge.use(() => seen.push('crumb 99'));
    bridge.ready({} as Sdk);
    expect(seen.length).toBe(100);
    expect(seen[0]).toBe('event 0');
    expect(seen).not.toContain('crumb 0');
    expect(seen).not.toContain('crumb 1');
    expect(seen.slice(-3)).toEqual(['crumb 98', 'event 1', 'crumb 99']);
  });

  it('drops a report only when 100 reports already wait', () => {
    const bridge = new SentryBridge();
    const seen: number[] = [];
    for (let i = 0; i < 101; i++) bridge.report(() => seen.push(i));
    bridge.ready({} as Sdk);
    expect(seen.length).toBe(100);
    expect(seen.at(-1)).toBe(99);
  });

  it('sends nothing once Sentry is off, reports included', () => {
    const bridge = new SentryBridge();
    const seen: string[] = [];
    bridge.report(() => seen.push('a'));
    bridge.disable();
    bridge.report(() => seen.push('b'));
    bridge.ready({} as Sdk);
    expect(seen).toEqual([]);
  });
});
