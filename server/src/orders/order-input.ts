import { InputReader } from '../http/input-reader.ts';
import type { NewOrder, OrderChanges, OrderQuery } from './orders-repository.ts';
import { isOrderStatus, orderStatuses, type OrderStatus } from './order-status.ts';

const statusMessage = `must be one of ${orderStatuses.join(', ')}`;
const idRules = { minLength: 1, maxLength: 64 };
const notesRules = { maxLength: 2000 };

/** `POST /api/orders` body: `{customerId, items: [{productId, quantity}], notes?}`. */
export function readNewOrder(raw: unknown): NewOrder {
  const reader = new InputReader();
  const body = reader.object(raw, '', ['customerId', 'items', 'notes']);
  const customerId = reader.string(body, 'customerId', idRules);
  const items = reader.array(body, 'items', { minItems: 1, maxItems: 50 }).map((value, index) => {
    const field = `items[${index}]`;
    const item = reader.object(value, field, ['productId', 'quantity']);
    return {
      productId: reader.string(item, 'productId', idRules, field),
      quantity: reader.number(item, 'quantity', { integer: true, min: 1, max: 999 }, field),
    };
  });
  const notes = reader.optionalString(body, 'notes', notesRules) ?? '';
  reader.throwIfInvalid();
  return { customerId, items, notes };
}

/** `PATCH /api/orders/:id` body: `{status?, notes?}`. */
export function readOrderChanges(raw: unknown): OrderChanges {
  const reader = new InputReader();
  const body = reader.object(raw, '', ['status', 'notes']);
  const status = readStatus(reader, reader.optionalString(body, 'status'));
  const notes = reader.optionalString(body, 'notes', notesRules);
  reader.throwIfInvalid();
  return { ...(status && { status }), ...(notes !== undefined && { notes }) };
}

/**
 * `GET /api/orders` query. An empty parameter (`status=`) counts as absent, because a client
 * that always sends every parameter is common and harmless; an unknown one is an error.
 */
export function readOrderQuery(raw: unknown): OrderQuery {
  const reader = new InputReader();
  const query = reader.object(raw, '', ['status', 'q', 'page', 'pageSize']) ?? {};
  const text = (key: string): string | undefined => {
    const value = query[key];
    if (Array.isArray(value)) reader.fail(key, 'must be given once');
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const status = readStatus(reader, text('status'));
  const q = text('q');
  if (q !== undefined && q.length > 200) reader.fail('q', 'must have at most 200 characters');
  const pageText = text('page');
  const sizeText = text('pageSize');
  const page =
    pageText === undefined
      ? 1
      : reader.numericText(pageText, 'page', { integer: true, min: 1, max: 1_000_000 });
  const pageSize =
    sizeText === undefined
      ? 20
      : reader.numericText(sizeText, 'pageSize', { integer: true, min: 1, max: 100 });
  reader.throwIfInvalid();
  return {
    ...(status && { status }),
    ...(q !== undefined && { q }),
    page: page ?? 1,
    pageSize: pageSize ?? 20,
  };
}

function readStatus(reader: InputReader, value: string | undefined): OrderStatus | undefined {
  if (value === undefined) return undefined;
  if (isOrderStatus(value)) return value;
  reader.fail('status', statusMessage);
  return undefined;
}
