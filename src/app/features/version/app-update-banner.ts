import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AppUpdate } from './app-update';

/**
 * "A new version is available — Reload", at the bottom of every page. Rendered by the root
 * component (loaded only once an update exists). A new version can wait ("Not now" hides the
 * offer until the next load); a broken one cannot, so it has no "Not now".
 */
@Component({
  selector: 'app-update-banner',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status">
      @if (update.available(); as state) {
        @if (state === 'broken' || !dismissed()) {
          <section class="banner" aria-label="App update" data-testid="app-update">
            <p>
              @if (state === 'broken') {
                This version of Keel can no longer be loaded. Reload to get the latest version.
              } @else {
                A new version is available — Reload to use it.
              }
            </p>
            @if (state === 'ready') {
              <button mat-button type="button" (click)="dismissed.set(true)">Not now</button>
            }
            <button mat-flat-button type="button" (click)="reload()" [disabled]="reloading()">
              {{ reloading() ? 'Updating…' : 'Reload' }}
            </button>
          </section>
        }
      }
    </div>
  `,
  styles: `
    .banner {
      position: fixed;
      inset: auto 16px 16px;
      z-index: 1000;
      max-width: 560px;
      margin: 0 auto;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 8px 8px 16px;
      border-radius: 8px;
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      box-shadow: var(--mat-sys-level3);
    }
    p {
      flex: 1 1 16em;
      margin: 0;
    }
    .banner button[mat-button] {
      color: var(--mat-sys-inverse-primary);
    }
  `,
})
export class AppUpdateBanner {
  protected readonly update = inject(AppUpdate);
  protected readonly dismissed = signal(false);
  /** The check for the newest version runs before the reload; it can take a moment. */
  protected readonly reloading = signal(false);

  protected reload(): void {
    this.reloading.set(true);
    void this.update.reload();
  }
}
