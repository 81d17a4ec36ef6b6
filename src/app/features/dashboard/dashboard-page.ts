import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { AsyncPanel } from '../../shared/async-panel';
import { DashboardRepository } from './dashboard-repository';
import { CentsPipe, DateTimePipe, NumberPipe } from '../../shared/format';

/**
 * The dashboard: four widgets, each loading its own endpoint at the same time, each with its
 * own loading, error and retry state, so one failing endpoint never blanks the page.
 */
@Component({
  selector: 'app-dashboard-page',
  imports: [AsyncPanel, CentsPipe, DateTimePipe, NumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
})
export class DashboardPage {
  private readonly repository = inject(DashboardRepository);

  protected readonly summary = rxResource({ stream: () => this.repository.summary() });
  protected readonly revenue = rxResource({ stream: () => this.repository.revenue() });
  protected readonly topProducts = rxResource({ stream: () => this.repository.topProducts() });
  protected readonly activity = rxResource({ stream: () => this.repository.activity() });

  protected readonly maxDay = computed(() =>
    Math.max(1, ...(this.revenue.value()?.days ?? []).map((d) => d.totalCents)),
  );
  protected readonly revenueTotal = computed(() =>
    (this.revenue.value()?.days ?? []).reduce((sum, d) => sum + d.totalCents, 0),
  );
}
