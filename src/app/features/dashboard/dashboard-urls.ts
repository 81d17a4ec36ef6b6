/**
 * The dashboard's four endpoints, in one place: the page reads them (`DashboardRepository`),
 * and its route starts them while the page's code downloads (`prefetchGets` in app.routes.ts).
 * This file is in the first load with the routes, so it holds nothing but the URLs.
 */
export const DASHBOARD_URLS = {
  summary: '/api/dashboard/summary',
  revenue: '/api/dashboard/revenue',
  topProducts: '/api/dashboard/top-products',
  activity: '/api/dashboard/activity',
} as const;
