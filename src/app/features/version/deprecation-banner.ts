import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { VersionNotices } from './version-notices';
import { DateTimePipe, IsoDayPipe } from '../../shared/format';

/**
 * Says this app version is deprecated and when it stops working (`Sunset`), until the user
 * dismisses it; dismissed, it stays away for the browser session.
 */
@Component({
  selector: 'app-deprecation-banner',
  imports: [DateTimePipe, IsoDayPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notice(); as notice) {
      <section class="banner" role="status" aria-label="Version notice">
        <p>
          @if (notice.sunsetAt !== null) {
            This version of Keel ({{ appVersion }}) is deprecated and stops working on
            <time [attr.datetime]="notice.sunsetAt | isoDay">{{
              notice.sunsetAt | dateTime: 'longDate' : 'UTC'
            }}</time>.
          } @else {
            This version of Keel ({{ appVersion }}) is deprecated.
          }
          Reload the page to update.
        </p>
        <button type="button" (click)="dismiss()">Dismiss</button>
      </section>
    }
  `,
  styles: `
    @use '../../shared/native-controls' as controls;
    .banner {
      display: flex;
      align-items: center;
      gap: 16px;
      flex-wrap: wrap;
      padding: 8px 24px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    p {
      flex: 1;
      margin: 0;
    }
    button {
      @include controls.text-button;
    }
  `,
})
export class DeprecationBanner {
  private readonly notices = inject(VersionNotices);
  protected readonly notice = this.notices.deprecation;
  protected readonly appVersion = this.notices.appVersion;

  protected dismiss(): void {
    this.notices.dismissDeprecation();
  }
}
