import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionService, SessionStore } from '../../core/auth';
import { KeelFlag } from '../../core/feature-flags';
import { NetworkActivity } from '../../core/http';
import { ErrorState } from '../../shared/error-state';
import { PageLoadFailure } from '../../shared/page-load-failure';
import { DeprecationBanner } from '../version/deprecation-banner';
import { focusOnNavigation } from './focus-on-navigation';
import { injectOnline } from './inject-online';

/**
 * The signed-in layout: top bar, navigation and the page, plus the app-wide signs of trouble: a
 * thin progress bar while a call the user is waiting for runs (background polls excluded) and
 * a banner while the browser is offline, and a page whose code could not be downloaded (with
 * Retry, and retried by itself when the connection is back).
 */
@Component({
  selector: 'app-shell-layout',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    MatProgressBarModule,
    KeelFlag,
    DeprecationBanner,
    ErrorState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell-layout.html',
  styleUrl: './shell-layout.scss',
})
export class ShellLayout {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  protected readonly user = inject(SessionStore).user;
  protected readonly signingOut = signal(false);
  protected readonly busy = inject(NetworkActivity).busy;
  protected readonly online = injectOnline();
  /** The URL of a navigation whose page code could not be downloaded. */
  protected readonly failedPage = inject(PageLoadFailure).url;
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    focusOnNavigation(() => this.main().nativeElement);
  }

  protected readonly links = [
    { path: '/dashboard', label: 'Dashboard' },
    { path: '/orders', label: 'Orders' },
  ];

  protected openPage(url: string): void {
    void this.router.navigateByUrl(url);
  }

  protected async signOut(): Promise<void> {
    this.signingOut.set(true);
    try {
      await this.session.signOut();
    } catch {
      // The local session is gone either way; the server drops the refresh token on expiry.
    } finally {
      this.signingOut.set(false);
      await this.router.navigateByUrl('/sign-in');
    }
  }
}
