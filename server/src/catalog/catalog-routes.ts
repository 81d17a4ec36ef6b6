import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/open-database.ts';

/** Customers and products: small fixed sets, listed whole and sorted by name. */
export function registerCatalogRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/customers', async () => {
    const items = db.prepare('SELECT id, name, email FROM customers ORDER BY name, id').all();
    return { items, total: items.length };
  });

  app.get('/api/products', async () => {
    const items = db
      .prepare(
        `SELECT id, name, sku, price_cents AS priceCents, 'EUR' AS currency
         FROM products ORDER BY name, id`,
      )
      .all();
    return { items, total: items.length };
  });
}
