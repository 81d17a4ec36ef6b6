import { newRequestId } from './request-id';

describe('newRequestId', () => {
  it('makes RFC 9562 version 4 UUIDs', () => {
    for (let i = 0; i < 600; i++)
      expect(newRequestId()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
  });

  it('never repeats itself, also across refills of its random pool', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newRequestId()));
    expect(ids.size).toBe(2000);
  });
});
