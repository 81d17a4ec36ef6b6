import type { FastifyInstance } from 'fastify';
import type { DashboardQueries } from './dashboard-queries.ts';

/** Four small calls rather than one: the dashboard loads them in parallel, and chaos can hit one. */
export function registerDashboardRoutes(app: FastifyInstance, dashboard: DashboardQueries): void {
  app.get('/api/dashboard/summary', async () => dashboard.summary());
  app.get('/api/dashboard/revenue', async () => dashboard.revenue());
  app.get('/api/dashboard/top-products', async () => dashboard.topProducts());
  app.get('/api/dashboard/activity', async () => dashboard.activity());
}
