import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { interval } from 'rxjs';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { NetworkCallRecord } from '@keel/network';
import { NetworkMetricsStore } from '@keel/network/observability';
import { CallWaterfall } from './call-waterfall';
import { DevApiRepository } from './dev-api-repository';
import { FaultControls } from './fault-controls';
import { EntriesPipe, NumberPipe, PercentagePipe } from '../../shared/format';

/** The network console: a live waterfall, the layer's counters, and the dev API's faults. */
@Component({
  selector: 'app-network-page',
  imports: [
    CallWaterfall,
    FaultControls,
    MatButtonModule,
    MatCardModule,
    NumberPipe,
    PercentagePipe,
    EntriesPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './network-page.html',
  styleUrl: './network-page.scss',
})
export class NetworkPage {
  protected readonly metrics = inject(NetworkMetricsStore);
  private readonly devApi = inject(DevApiRepository);
  private readonly selectedId = signal<{ requestId: string; startedAt: number } | null>(null);

  protected readonly calls = computed(() => this.metrics.recent().slice(-60));
  protected readonly selected = computed(() => {
    const key = this.selectedId();
    return key
      ? (this.metrics
          .recent()
          .find((c) => c.requestId === key.requestId && c.startedAt === key.startedAt) ?? null)
      : null;
  });
  protected readonly testCallStatus = signal('');

  constructor() {
    // 401s per minute and the breaker's state move with time, not only with calls.
    interval(1000)
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.metrics.tick());
  }

  protected select(call: NetworkCallRecord): void {
    this.selectedId.set({ requestId: call.requestId, startedAt: call.startedAt });
  }

  protected sendTestCall(): void {
    this.testCallStatus.set('Sending GET /api/me…');
    this.devApi.sendTestCall().subscribe({
      next: () => this.testCallStatus.set('The test call succeeded.'),
      error: (error: unknown) =>
        this.testCallStatus.set(
          `The test call failed: ${error instanceof Error ? error.message : 'unknown error'}`,
        ),
    });
  }
}
