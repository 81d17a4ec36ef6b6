import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { onReconnect } from './on-reconnect';

/**
 * A failed load in place of the content: the message and, when it can help, a Retry button.
 * With `retryWhenOnline` (a load that failed for want of a connection) it also retries by
 * itself when the connection comes back.
 */
@Component({
  selector: 'app-error-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="error-state" role="alert">
      <p class="message">{{ message() }}</p>
      @if (retryable()) {
        <button type="button" (click)="retry.emit()" [disabled]="retrying()">Retry</button>
      }
      <ng-content />
    </div>
  `,
  styles: `
    @use 'native-controls' as controls;
    .error-state {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 12px;
      padding: 24px;
      border: 1px solid var(--mat-sys-error);
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .message {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    button {
      @include controls.filled-button;
    }
  `,
})
export class ErrorState {
  readonly message = input.required<string>();
  readonly retryable = input(true);
  /** True while the retried load runs: the button stays put but cannot be pressed twice. */
  readonly retrying = input(false);
  /** Retry by itself when the connection comes back (`ErrorView.retryWhenOnline`). */
  readonly retryWhenOnline = input(false);
  readonly retry = output();

  constructor() {
    onReconnect(() => {
      if (this.retryWhenOnline() && !this.retrying()) this.retry.emit();
    });
  }
}
