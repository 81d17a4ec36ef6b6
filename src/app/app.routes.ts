import type { Routes } from '@angular/router';
import { prefetchGets, signedInGuard } from '@keel/network/session';
import { flagGuard } from '@keel/network/flags';
import { DASHBOARD_URLS } from './features/dashboard/dashboard-urls';
import { SignInPage } from './features/sign-in/sign-in-page';

export const routes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in · Keel',
    // In `main`, not lazy: the first page of most visits, so it paints without waiting for a
    // second download (issue 13; README "First load").
    component: SignInPage,
  },
  {
    path: '',
    canMatch: [signedInGuard],
    loadComponent: () => import('./features/shell/shell-layout').then((m) => m.ShellLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      {
        path: 'dashboard',
        title: 'Dashboard · Keel',
        // Its four calls leave once the session is restored, beside the page's code, not after it.
        resolve: { prefetched: prefetchGets(...Object.values(DASHBOARD_URLS)) },
        loadComponent: () =>
          import('./features/dashboard/dashboard-page').then((m) => m.DashboardPage),
      },
      {
        path: 'orders',
        title: 'Orders · Keel',
        loadComponent: () => import('./features/orders/orders-page').then((m) => m.OrdersPage),
      },
      {
        path: 'orders/new',
        title: 'New order · Keel',
        loadComponent: () =>
          import('./features/orders/order-create-page').then((m) => m.OrderCreatePage),
      },
      {
        path: 'orders/:id',
        title: 'Order · Keel',
        loadComponent: () =>
          import('./features/orders/order-detail-page').then((m) => m.OrderDetailPage),
      },
      {
        path: 'network',
        title: 'Network · Keel',
        // The parent's signedInGuard has run; the console exists only while its flag is on.
        canMatch: [flagGuard('enable_network_console')],
        loadComponent: () => import('./features/network/network-page').then((m) => m.NetworkPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
