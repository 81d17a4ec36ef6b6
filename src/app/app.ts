import {
  ChangeDetectionStrategy,
  Component,
  ViewContainerRef,
  effect,
  inject,
} from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ApiVersionSignals } from '@keel/network';
import { AppUpdate } from './features/version/app-update';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<router-outlet />',
})
export class App {
  constructor() {
    // The update screen sits at the root so a 426 blocks every page, sign-in included. It is
    // loaded only when a 426 arrives, so its code (and Material's) stays out of the initial
    // bundle; a plain dynamic import costs less there than @defer's runtime.
    const container = inject(ViewContainerRef);
    const required = inject(ApiVersionSignals).upgradeRequired;
    const update = inject(AppUpdate).available;
    let shown = false;
    let offered = false;
    effect(() => {
      if (!required() || shown) return;
      shown = true;
      void import('./features/version/update-required-screen').then(({ UpdateRequiredScreen }) =>
        container.createComponent(UpdateRequiredScreen),
      );
    });
    // A new deployed version (service worker, production builds): offered on every page.
    effect(() => {
      if (!update() || offered) return;
      offered = true;
      void import('./features/version/app-update-banner').then(({ AppUpdateBanner }) =>
        container.createComponent(AppUpdateBanner),
      );
    });
  }
}
