import type { FastifyInstance, FastifyReply } from 'fastify';
import { currentUser } from '../auth/authenticate.ts';
import type { Db } from '../db/open-database.ts';
import type { DevStats } from '../dev/dev-stats.ts';
import { entityTags, matchesEntityTag } from '../http/entity-tags.ts';
import { HttpProblem } from '../http/http-problem.ts';
import type { IdempotencyStore, StoredResponse } from '../idempotency/idempotency-store.ts';
import type { Order } from './order.ts';
import { readNewOrder, readOrderChanges, readOrderQuery } from './order-input.ts';
import { statusChangeError } from './order-status.ts';
import type { OrdersRepository } from './orders-repository.ts';

interface OrdersRoutesDeps {
  db: Db;
  orders: OrdersRepository;
  idempotency: IdempotencyStore;
  stats: DevStats;
}

type IdParams = { Params: { id: string } };

const etag = (order: Order) => `"${order.version}"`;

/** `/api/orders`: list, read, create (idempotent), patch (If-Match), delete. */
export function registerOrdersRoutes(
  app: FastifyInstance,
  { db, orders, idempotency, stats }: OrdersRoutesDeps,
): void {
  app.get('/api/orders', async (request) => orders.list(readOrderQuery(request.query)));

  app.get<IdParams>('/api/orders/:id', async (request, reply) => {
    const order = orders.require(request.params.id);
    return reply.header('etag', etag(order)).send(order);
  });

  app.post('/api/orders', async (request, reply) => {
    const input = readNewOrder(request.body);
    const { response, replayed } = db.transaction(() =>
      idempotency.run(request, currentUser(request).id, () => {
        const order = orders.create(input);
        return stored(201, order, { location: `/api/orders/${order.id}` });
      }),
    )();
    if (!replayed) stats.ordersCreated += 1;
    return sendStored(reply, response, replayed, stats);
  });

  app.patch<IdParams>('/api/orders/:id', async (request, reply) => {
    const ifMatch = request.headers['if-match'];
    if (ifMatch === undefined) {
      throw new HttpProblem('precondition-required', {
        detail: 'Send If-Match with the ETag of the order you edited, e.g. If-Match: "3".',
      });
    }
    const changes = readOrderChanges(request.body);
    const { response, replayed } = db.transaction(() =>
      idempotency.run(request, currentUser(request).id, () => {
        const order = orders.require(request.params.id);
        assertMatches(ifMatch, order);
        const error = changes.status && statusChangeError(order.status, changes.status);
        if (error) throw HttpProblem.validation([{ field: 'status', message: error }]);
        return stored(200, orders.update(order, changes));
      }),
    )();
    return sendStored(reply, response, replayed, stats);
  });

  // If-Match is optional here: deleting blind is allowed, deleting a stale copy is not.
  app.delete<IdParams>('/api/orders/:id', async (request, reply) => {
    db.transaction(() => {
      const order = orders.require(request.params.id);
      const ifMatch = request.headers['if-match'];
      if (ifMatch !== undefined) assertMatches(ifMatch, order);
      orders.remove(order);
    })();
    return reply.code(204).send();
  });
}

function assertMatches(ifMatch: string, order: Order): void {
  if (matchesEntityTag(ifMatch, String(order.version))) return;
  throw new HttpProblem('precondition-failed', {
    detail: `The order is at version ${order.version}; If-Match was ${entityTags(ifMatch).join(', ') || 'empty'}.`,
    extensions: { currentVersion: order.version },
    headers: { etag: etag(order) },
  });
}

function stored(
  status: number,
  order: Order,
  headers: Record<string, string> = {},
): StoredResponse {
  return { status, headers: { ...headers, etag: etag(order) }, body: JSON.stringify(order) };
}

function sendStored(
  reply: FastifyReply,
  response: StoredResponse,
  replayed: boolean,
  stats: DevStats,
) {
  if (replayed) {
    stats.idempotentReplays += 1;
    reply.header('idempotent-replayed', 'true');
  }
  return reply
    .code(response.status)
    .headers(response.headers)
    .type('application/json')
    .send(response.body);
}
