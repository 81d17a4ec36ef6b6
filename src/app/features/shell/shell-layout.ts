import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionService, SessionStore } from '../../core/auth';
import { KeelFlag } from '../../core/feature-flags';
import { DeprecationBanner } from '../version/deprecation-banner';

/** The signed-in layout: top bar, navigation and the page. */
@Component({
  selector: 'app-shell-layout',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    KeelFlag,
    DeprecationBanner,
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

  protected readonly links = [
    { path: '/dashboard', label: 'Dashboard' },
    { path: '/orders', label: 'Orders' },
  ];

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
