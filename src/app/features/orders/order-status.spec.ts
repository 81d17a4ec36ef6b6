import { nextStatuses } from './order-status';

describe('nextStatuses', () => {
  it('offers every later status and cancelling for a pending order', () => {
    expect(nextStatuses('pending')).toEqual(['paid', 'shipped', 'delivered', 'cancelled']);
  });

  it('no longer offers cancelling once shipped', () => {
    expect(nextStatuses('shipped')).toEqual(['delivered']);
  });

  it('offers nothing for a final or unknown status', () => {
    expect([nextStatuses('delivered'), nextStatuses('cancelled'), nextStatuses('unknown')]).toEqual(
      [[], [], []],
    );
  });
});
