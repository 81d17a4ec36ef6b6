import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { NetworkCallRecord, WaitKind } from '@keel/network';

interface Bar {
  readonly left: number;
  readonly width: number;
  readonly kind: 'attempt-ok' | 'attempt-failed' | WaitKind;
  readonly label: string;
}

/**
 * A waterfall of recent calls on one shared time axis: a row per logical call, a bar per
 * attempt (green when answered, red when it failed), and its waits drawn apart (backoff,
 * Retry-After, refresh, offline), with the final status or error kind at the end.
 */
@Component({
  selector: 'app-call-waterfall',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './call-waterfall.html',
  styleUrl: './call-waterfall.scss',
})
export class CallWaterfall {
  readonly calls = input.required<readonly NetworkCallRecord[]>();
  readonly selected = input<string | null>(null);
  readonly pick = output<NetworkCallRecord>();

  private readonly span = computed(() => {
    const calls = this.calls();
    if (calls.length === 0) return { start: 0, length: 1 };
    const start = Math.min(...calls.map((c) => c.startedAt));
    const end = Math.max(...calls.map((c) => c.startedAt + c.durationMs));
    return { start, length: Math.max(1, end - start) };
  });

  protected readonly rows = computed(() => {
    const { start, length } = this.span();
    const at = (time: number) => ((time - start) / length) * 100;
    const size = (ms: number) => Math.max(0.4, (ms / length) * 100);
    return this.calls().map((call) => {
      const bars: Bar[] = [
        ...call.waits.map((w) => ({
          left: at(w.startedAt),
          width: size(w.durationMs),
          kind: w.kind,
          label: `${w.kind} wait ${w.durationMs} ms`,
        })),
        ...call.attempts.map((a) => ({
          left: at(a.startedAt),
          width: size(a.durationMs),
          kind: a.errorKind ? ('attempt-failed' as const) : ('attempt-ok' as const),
          label: `attempt ${a.n}: ${a.status ?? 'in flight'}${a.errorKind ? ` ${a.errorKind}` : ''}, ${a.durationMs} ms`,
        })),
      ];
      const result =
        call.outcome === 'ok'
          ? String(call.status)
          : call.outcome === 'aborted'
            ? 'aborted'
            : (call.errorKind ?? 'error');
      return { call, bars, result, end: at(call.startedAt + call.durationMs) };
    });
  });
}
