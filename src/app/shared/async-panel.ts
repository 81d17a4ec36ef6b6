import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ErrorView } from './describe-error';
import { onReconnect } from './on-reconnect';

/**
 * A card for one piece of data that loads on its own: a progress bar and skeleton while
 * loading, the error message (and a Retry button when retrying can help) on failure, the
 * projected content otherwise. Knows nothing of HTTP: it is given an `ErrorView`. A load that
 * failed for want of a connection is retried by itself when the connection comes back.
 */
@Component({
  selector: 'app-async-panel',
  imports: [MatCardModule, MatButtonModule, MatProgressBarModule],
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
              <button
                mat-stroked-button
                type="button"
                (click)="retry.emit()"
                [disabled]="loading()"
              >
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
  readonly loading = input(false);
  /** The failure to show (`describeError`); null when there is none. */
  readonly error = input<ErrorView | null>(null);
  /**
   * The height the loaded content usually takes (a CSS length), kept for it from the start, so
   * the page does not move when the data arrives (Lighthouse's layout shift, issue 13).
   * @default none: the card grows with its content
   */
  readonly reserve = input<string | null>(null);
  /** Whether data from an earlier load is there (then no skeleton while reloading). */
  readonly hasValue = input(false);
  readonly retry = output();

  constructor() {
    onReconnect(() => {
      if (this.error()?.retryWhenOnline && !this.loading()) this.retry.emit();
    });
  }
}
