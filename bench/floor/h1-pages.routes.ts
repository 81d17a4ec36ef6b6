import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet, type Routes } from '@angular/router';
import { prefetchGets, signedInGuard } from '@keel/network/session';
import { DASHBOARD_URLS } from '../../src/app/features/dashboard/dashboard-urls';
import { SignInPage } from '../../src/app/features/sign-in/sign-in-page';

/** The shell reduced to its outlet. */
@Component({
  selector: 'app-floor-shell',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<main><router-outlet /></main>',
})
export class FloorShell {}

/** The dashboard reduced to its heading, styled as the real one. */
@Component({
  selector: 'app-floor-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Dashboard</h1>',
  styles: 'h1 { font: var(--mat-sys-headline-small); margin: 0 0 16px; }',
})
export class FloorDashboard {}

/**
 * Keel's routes to its sign-in page and its dashboard as app.routes.ts has them (the sign-in
 * page in `main`; the guard that restores the session; the dashboard's calls started by its
 * resolver), with the shell and the dashboard reduced to an `h1` and put in `main`: no chunk to
 * wait for. The other pages are left out. bench/floor/README.md.
 */
export const routes: Routes = [
  { path: 'sign-in', title: 'Sign in · Keel', component: SignInPage },
  {
    path: '',
    canMatch: [signedInGuard],
    loadComponent: () => Promise.resolve(FloorShell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      {
        path: 'dashboard',
        title: 'Dashboard · Keel',
        resolve: { prefetched: prefetchGets(...Object.values(DASHBOARD_URLS)) },
        loadComponent: () => Promise.resolve(FloorDashboard),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
