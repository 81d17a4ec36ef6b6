import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  inject,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AppUpdate } from './app-update';
import { VersionNotices } from './version-notices';

/**
 * The blocking "Update required" screen, shown over everything once any call got 426. A modal
 * `<dialog>`: the browser puts it in the top layer (above every overlay), makes the rest of the
 * page inert and keeps focus inside; only Reload gets the user out. Rendered once, by the root
 * component.
 */
@Component({
  selector: 'app-update-required',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (required(); as required) {
      <dialog
        #dialog
        role="alertdialog"
        aria-labelledby="update-required-title"
        aria-describedby="update-required-text"
        (cancel)="$event.preventDefault()"
        (close)="reopen()"
      >
        <div class="content">
          <h1 id="update-required-title">Update required</h1>
          <p id="update-required-text">
            This version of Keel ({{ appVersion }}) is no longer supported.
            @if (required.minVersion) {
              Version {{ required.minVersion }} or newer is required.
            }
            Reload to get the latest version.
          </p>
          <button #reloadButton mat-flat-button type="button" (click)="reload()">Reload</button>
        </div>
      </dialog>
    }
  `,
  styles: `
    dialog {
      box-sizing: border-box;
      width: 100vw;
      height: 100vh;
      max-width: none;
      max-height: none;
      margin: 0;
      padding: 24px;
      border: none;
      display: grid;
      place-items: center;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    dialog:not([open]) {
      display: none;
    }
    dialog::backdrop {
      background: var(--mat-sys-surface);
    }
    .content {
      max-width: 480px;
      text-align: center;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 16px;
    }
    p {
      font: var(--mat-sys-body-large);
      margin: 0 0 24px;
    }
  `,
})
export class UpdateRequiredScreen {
  private readonly notices = inject(VersionNotices);
  private readonly update = inject(AppUpdate);
  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('dialog');
  private readonly reloadButton = viewChild<unknown, ElementRef<HTMLButtonElement>>(
    'reloadButton',
    { read: ElementRef },
  );

  protected readonly required = this.notices.upgradeRequired;
  protected readonly appVersion = this.notices.appVersion;

  constructor() {
    afterRenderEffect(() => this.show());
  }

  /** Through the service worker's newest version, not its cached copy of this one. */
  protected reload(): void {
    void this.update.reload();
  }

  /** Escape may close a modal dialog whatever `cancel` says (Chrome's close-request rules). */
  protected reopen(): void {
    if (this.required()) this.show();
  }

  private show(): void {
    const dialog = this.dialog()?.nativeElement;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.reloadButton()?.nativeElement.focus();
  }
}
