import { sortOrders } from './order-sort';
import { order } from './testing/order-fixtures';

describe('sortOrders', () => {
  const orders = [
    order({ id: 'a', number: 'ORD-10009', customerName: 'Zoe', status: 'paid' }),
    order({ id: 'b', number: 'ORD-10010', customerName: '', status: 'pending' }),
    order({ id: 'c', number: 'ORD-10002', customerName: 'ada', status: 'unknown' }),
  ];

  it('keeps the server’s order without a column', () => {
    expect(sortOrders(orders, { column: null, direction: 'asc' })).toBe(orders);
  });

  it('sorts order numbers as numbers, not as text', () => {
    const ids = sortOrders(orders, { column: 'number', direction: 'asc' }).map((o) => o.id);
    expect(ids).toEqual(['c', 'a', 'b']);
  });

  it('puts missing values last in both directions', () => {
    const asc = sortOrders(orders, { column: 'customer', direction: 'asc' }).map((o) => o.id);
    const desc = sortOrders(orders, { column: 'customer', direction: 'desc' }).map((o) => o.id);
    expect([asc, desc]).toEqual([
      ['c', 'a', 'b'],
      ['a', 'c', 'b'],
    ]);
  });

  it('sorts statuses by their place in an order’s life, unknown last', () => {
    const ids = sortOrders(orders, { column: 'status', direction: 'asc' }).map((o) => o.id);
    expect(ids).toEqual(['b', 'a', 'c']);
  });
});
