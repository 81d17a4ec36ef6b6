import type { NetworkCallRecord } from '@keel/network';

/**
 * One compact console line per logical call, its attempts grouped under it:
 * `GET /api/orders → 200 · 2 attempts · 312 ms` (URLs already redacted; no headers, no tokens).
 */
export function logNetworkCall(
  record: NetworkCallRecord,
  console: Pick<Console, 'groupCollapsed' | 'groupEnd' | 'log'> = globalThis.console,
): void {
  const result =
    record.outcome === 'ok'
      ? String(record.status)
      : record.outcome === 'aborted'
        ? 'aborted'
        : `${record.status || '–'} ${record.errorKind}`;
  const attempts = record.attempts.length === 1 ? '' : ` · ${record.attempts.length} attempts`;
  console.groupCollapsed(
    `${record.method} ${record.url} → ${result}${attempts} · ${record.durationMs} ms`,
  );
  for (const attempt of record.attempts) {
    console.log(
      `attempt ${attempt.n}: ${attempt.status ?? '…'}${attempt.errorKind ? ` ${attempt.errorKind}` : ''} in ${attempt.durationMs} ms`,
    );
  }
  for (const wait of record.waits) console.log(`waited ${wait.durationMs} ms (${wait.kind})`);
  console.groupEnd();
}
