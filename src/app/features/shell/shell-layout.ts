import {
  ApplicationRef,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  InjectionToken,
  Injector,
  ViewContainerRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionService, SessionStore } from '@keel/network/session';
import { injectFlag } from '@keel/network/flags';
import { NetworkActivity } from '@keel/network';
import { ErrorState } from '../../shared/error-state';
import { idleAfterFirstPage } from '../../shared/idle-after-load';
import { injectOnline } from '../../shared/inject-online';
import { onReconnect } from '../../shared/on-reconnect';
import { PageLoadFailure } from '../../shared/page-load-failure';
import { type OutboxOutlet, ShellOutlets } from '../../shared/shell-outlets';
import { DeprecationBanner } from '../version';
import { focusOnNavigation } from './focus-on-navigation';

/** The orders feature's entry: the outbox, its panel, the sign-out question. */
type OrdersEntry = typeof import('../orders');

/**
 * Downloads the orders feature's entry. Not in the shell's own chunk: the first load of a
 * signed-in page does without it (issue 13).
 */
export const LOAD_ORDERS = new InjectionToken<() => Promise<OrdersEntry>>('LOAD_ORDERS', {
  providedIn: 'root',
  factory: () => () => import('../orders'),
});

/**
 * When the shell downloads the outbox panel: once the first page has been shown and the browser
 * is idle (`idleAfterFirstPage`), so that it does not compete with that page's code and data.
 */
export const OUTBOX_PANEL_AFTER = new InjectionToken<() => Promise<void>>('OUTBOX_PANEL_AFTER', {
  providedIn: 'root',
  factory: () => {
    const app = inject(ApplicationRef);
    return () => idleAfterFirstPage(app);
  },
});

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
    MatProgressBarModule,
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
  /** The Menu button's element. */
  private readonly menuButton = viewChild.required<unknown, ElementRef<HTMLElement>>('menuButton', {
    read: ElementRef,
  });
  private readonly injector = inject(Injector);
  private readonly loadOrders = inject(LOAD_ORDERS);
  /** Where the outbox panel goes, once downloaded (inside the shell's live region). */
  private readonly outboxSlot = viewChild.required('outbox', { read: ViewContainerRef });
  private readonly outlets = inject(ShellOutlets);
  /** Why the last sign-out did not happen, when it was not the user's own choice. */
  protected readonly signOutProblem = signal<string | null>(null);

  constructor() {
    focusOnNavigation(() => this.main().nativeElement);
    // The outbox panel, from whoever has its code first: an orders page (which uses the outbox),
    // or the shell's own download once the first page has been shown (again on reconnect if
    // that failed). The outbox, and its replay of changes made offline, starts with it.
    let shown = false;
    effect(() => {
      const outbox = this.outlets.outbox();
      if (!outbox || shown) return;
      shown = true;
      untracked(() => this.outboxSlot().createComponent(outbox.panel));
    });
    void inject(OUTBOX_PANEL_AFTER)().then(() => this.outbox().catch(() => undefined));
    onReconnect(() => void this.outbox().catch(() => undefined));
  }

  /** The orders feature's outbox: handed over already, or downloaded now (and kept). */
  private async outbox(): Promise<OutboxOutlet> {
    const known = this.outlets.outbox();
    if (known) return known;
    const { outboxOutlet } = await this.loadOrders();
    this.outlets.outbox.set(outboxOutlet);
    return outboxOutlet;
  }

  private readonly networkConsole = injectFlag('enable_network_console');
  /** The main navigation; the network console only while its flag is on. */
  protected readonly visibleLinks = computed(() => [
    { path: '/dashboard', label: 'Dashboard' },
    { path: '/orders', label: 'Orders' },
    ...(this.networkConsole() ? [{ path: '/network', label: 'Network' }] : []),
  ]);

  /** Places the navigation popover under its button as it opens (the page places a popover). */
  protected placeMenu(menu: HTMLElement): void {
    const { bottom, left } = this.menuButton().nativeElement.getBoundingClientRect();
    menu.style.top = `${bottom}px`;
    menu.style.left = `${left}px`;
  }

  protected openPage(url: string): void {
    void this.router.navigateByUrl(url);
  }

  protected async signOut(): Promise<void> {
    this.signOutProblem.set(null);
    if (!(await this.outboxCleared())) return;
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
   * Signing out clears the outbox, after asking when changes still wait (the orders feature's
   * `clearedForSignOut`), with the code an orders page handed over or the shell downloaded, or
   * downloads it now: none of it is in the first load. False when the user keeps the changes,
   * or when that code could not be downloaded (then nothing is cleared, and the user is told).
   */
  private async outboxCleared(): Promise<boolean> {
    let outbox: OutboxOutlet;
    try {
      outbox = await this.outbox();
    } catch {
      // Nothing is cleared and the session stays: the user can try again.
      this.signOutProblem.set(
        'Signing out needs part of the app that could not be downloaded. Try again when you are online.',
      );
      return false;
    }
    return outbox.clearedForSignOut(this.injector);
  }
}
