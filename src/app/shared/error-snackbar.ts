import { ChangeDetectionStrategy, Component, Injectable, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_SNACK_BAR_DATA,
  MatSnackBar,
  MatSnackBarModule,
  MatSnackBarRef,
} from '@angular/material/snack-bar';
import { NavigationEnd, Router } from '@angular/router';
import { filter, map, takeUntil } from 'rxjs';
import { type AppErrorKind } from '@keel/network';
import { describeError } from './describe-error';

/**
 * Kinds that have their own screen or happen on purpose: the sign-in page explains an ended
 * session, the update screen a too-old app, and a cancelled call is not a failure.
 */
const SILENT: ReadonlySet<AppErrorKind> = new Set<AppErrorKind>([
  'aborted',
  'auth-expired',
  'upgrade-required',
]);

/**
 * An action (a save, a delete, an export) that failed offline is not tried again by itself, so
 * its message must not promise it the way the offline message of a read does.
 */
export const OFFLINE_ACTION_MESSAGE = 'You are offline. Try again once the connection is back.';

interface ErrorSnackData {
  readonly message: string;
  readonly canRetry: boolean;
}

/** The bar itself: the message, Retry when it can help, and Dismiss. */
@Component({
  selector: 'app-error-snack',
  imports: [MatSnackBarModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span matSnackBarLabel>{{ data.message }}</span>
    <span matSnackBarActions>
      @if (data.canRetry) {
        <button mat-button matSnackBarAction type="button" (click)="ref.dismissWithAction()">
          Retry
        </button>
      }
      <button mat-button type="button" (click)="ref.dismiss()">Dismiss</button>
    </span>
  `,
})
export class ErrorSnack {
  protected readonly data = inject<ErrorSnackData>(MAT_SNACK_BAR_DATA);
  protected readonly ref = inject<MatSnackBarRef<ErrorSnack>>(MatSnackBarRef);
}

/**
 * Tells the user an action failed, with the `AppError`'s safe message and, when trying again
 * can help and the caller knows how, a Retry action. Never a status code or a stack trace.
 */
@Injectable({ providedIn: 'root' })
export class ErrorSnackbar {
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  /**
   * `retry` is offered when the error is retryable; `message` replaces the AppError's own (safe)
   * message with a more specific one, such as the server's reason for a refused change.
   */
  show(error: unknown, retry?: () => void, message?: string): void {
    const view = describeError(error);
    if (SILENT.has(view.kind)) return;
    const canRetry = view.retryable && retry !== undefined;
    // With Retry the bar stays until used or dismissed: a person must have time to read it and
    // reach the button (WCAG 2.2.1).
    const ref = this.snackBar.openFromComponent(ErrorSnack, {
      data: {
        message: message ?? (view.kind === 'offline' ? OFFLINE_ACTION_MESSAGE : view.message),
        canRetry,
      } satisfies ErrorSnackData,
      duration: canRetry ? undefined : 10_000,
      politeness: 'assertive',
    });
    if (!canRetry) return;
    ref.onAction().subscribe(() => retry());
    // A Retry for a page the user has left would act on something no longer on screen.
    const path = pathOf(this.router.url);
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        map((event) => pathOf(event.urlAfterRedirects)),
        filter((next) => next !== path),
        takeUntil(ref.afterDismissed()),
      )
      .subscribe(() => ref.dismiss());
  }

  /** A short confirmation ("Order deleted"). */
  info(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }
}

function pathOf(url: string): string {
  return url.split(/[?#]/)[0];
}
