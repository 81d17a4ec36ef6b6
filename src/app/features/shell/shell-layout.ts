import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SessionService, SessionStore } from '@keel/network/session';
import { injectFlag } from '@keel/network/flags';
import { NetworkActivity } from '@keel/network';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { ErrorState } from '../../shared/error-state';
import { injectOnline } from '../../shared/inject-online';
import { PageLoadFailure } from '../../shared/page-load-failure';
import { OrderOutbox, OutboxPanel } from '../orders';
import { DeprecationBanner } from '../version';
import { focusOnNavigation } from './focus-on-navigation';

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
    MatMenuModule,
    DeprecationBanner,
    ErrorState,
    OutboxPanel,
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
  private readonly outbox = inject(OrderOutbox);
  private readonly dialog = inject(MatDialog);

  constructor() {
    focusOnNavigation(() => this.main().nativeElement);
  }

  private readonly networkConsole = injectFlag('enable_network_console');
  /** The main navigation; the network console only while its flag is on. */
  protected readonly visibleLinks = computed(() => [
    { path: '/dashboard', label: 'Dashboard' },
    { path: '/orders', label: 'Orders' },
    ...(this.networkConsole() ? [{ path: '/network', label: 'Network' }] : []),
  ]);

  protected openPage(url: string): void {
    void this.router.navigateByUrl(url);
  }

  protected async signOut(): Promise<void> {
    if (!(await this.unsentChangesDiscarded())) return;
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

  /**
   * Signing out clears the outbox (another user may sign in on this device): with changes still
   * waiting, the user says so first. False when they keep them (and stay signed in).
   */
  private async unsentChangesDiscarded(): Promise<boolean> {
    const count = this.outbox.count();
    if (count === 0) return true;
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
          data: {
            title: count === 1 ? 'Discard 1 unsent change?' : `Discard ${count} unsent changes?`,
            message:
              'They are kept on this device until they reach the server. Signing out discards them; stay signed in to send them once you are online.',
            confirm: 'Discard and sign out',
          },
        })
        .afterClosed(),
    );
    if (!confirmed) return false;
    await this.outbox.discardAll();
    return true;
  }
}
