import { logNetworkCall } from './dev-network-log';

describe('the development network log', () => {
  it('prints one line per call with its attempts grouped under it', () => {
    const lines: string[] = [];
    const console = {
      groupCollapsed: (line: string) => lines.push(`> ${line}`),
      log: (line: string) => lines.push(`  ${line}`),
      groupEnd: () => lines.push('<'),
    };
    logNetworkCall(
      {
        requestId: 'r',
        method: 'GET',
        url: '/api/orders?token=[redacted]',
        startedAt: 0,
        durationMs: 312,
        status: 200,
        outcome: 'ok',
        background: false,
        attempts: [
          { n: 1, replay: false, startedAt: 0, durationMs: 10, status: 503, errorKind: 'server' },
          { n: 2, replay: false, startedAt: 160, durationMs: 150, status: 200 },
        ],
        waits: [{ kind: 'backoff', startedAt: 10, durationMs: 150 }],
      },
      console,
    );
    expect(lines).toEqual([
      '> GET /api/orders?token=[redacted] → 200 · 2 attempts · 312 ms',
      '  attempt 1: 503 server in 10 ms',
      '  attempt 2: 200 in 150 ms',
      '  waited 150 ms (backoff)',
      '<',
    ]);
  });
});
