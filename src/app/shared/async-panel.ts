import { ChangeDetectionStrategy, Component, type Signal, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { describeError } from './describe-error';
import { onReconnect } from './on-reconnect';

/** What the panel reads of a resource: `rxResource`, `resource` and `httpResource` all fit. */
export interface PanelResource {
  readonly isLoading: Signal<boolean>;
  readonly error: Signal<Error | undefined>;
  /** Whether data from an earlier load is there (then no skeleton while it reloads). */
  hasValue(): boolean;
  reload(): boolean;
}

/**
 * A card for one piece of data that loads on its own, given as a resource: a progress bar and
 * skeleton while it loads, the error message (`describeError`, and a Retry button when retrying
 * can help) when it failed, the projected content otherwise. Knows nothing of HTTP. A load that
 * failed for want of a connection is retried by itself when the connection comes back.
 */
@Component({
  selector: 'app-async-panel',
  imports: [MatCardModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" [attr.aria-busy]="loading()">
      <mat-card-header>
        <mat-card-title
          ><h2>{{ heading() }}</h2></mat-card-title
        >
      </mat-card-header>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + heading()" />
      }
      <mat-card-content [style.min-height]="reserve()">
        @if (error(); as error) {
          <div class="error" role="alert">
            <p>{{ error.message }}</p>
            @if (error.retryable) {
              <button type="button" (click)="resource().reload()" [disabled]="loading()">
                Retry
              </button>
            }
          </div>
        } @else if (loading() && !hasValue()) {
          <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
        } @else {
          <ng-content />
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    @use 'native-controls' as controls;
    :host {
      display: block;
    }
    mat-card {
      height: 100%;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    mat-card-content {
      padding-top: 12px;
    }
    .error p {
      color: var(--mat-sys-error);
      margin: 0 0 8px;
    }
    .error button {
      @include controls.outlined-button;
    }
    .skeleton span {
      display: block;
      height: 14px;
      margin: 10px 0;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
    }
    .skeleton span:nth-child(2) {
      width: 80%;
    }
    .skeleton span:nth-child(3) {
      width: 60%;
    }
  `,
})
export class AsyncPanel {
  readonly heading = input.required<string>();
  readonly resource = input.required<PanelResource>();
  /**
   * The height the loaded content usually takes (a CSS length), kept for it from the start, so
   * the page does not move when the data arrives (Lighthouse's layout shift, issue 13).
   * @default none: the card grows with its content
   */
  readonly reserve = input<string | null>(null);

  protected readonly loading = computed(() => this.resource().isLoading());
  protected readonly hasValue = computed(() => this.resource().hasValue());
  /** rxResource may wrap what the stream threw; describeError finds the AppError either way. */
  protected readonly error = computed(() => {
    const error = this.resource().error();
    return error ? describeError(error, { reading: true }) : null;
  });

  constructor() {
    onReconnect(() => {
      if (this.error()?.retryWhenOnline && !this.loading()) this.resource().reload();
    });
  }
}
