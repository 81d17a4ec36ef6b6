import { ordersCsv } from './orders-csv';
import { order } from './testing/order-fixtures';

describe('ordersCsv', () => {
  it('writes a header and one CRLF line per order', () => {
    const csv = ordersCsv([order()]);
    expect(csv).toBe(
      'Number,Created,Customer,Status,Items,Total,Currency,Notes\r\n' +
        'ORD-10001,2026-01-01T10:00:00.000Z,Ada Lovelace,pending,2,30.00,EUR,\r\n',
    );
  });

  it('quotes cells with commas, quotes or line breaks', () => {
    const line = ordersCsv([order({ notes: 'Ring "twice",\nthen wait' })]).split('\r\n')[1];
    expect(line.endsWith(',"Ring ""twice"",\nthen wait"')).toBe(true);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const line = ordersCsv([order({ notes: '=HYPERLINK("x")', customerName: '@evil' })]).split(
      '\r\n',
    )[1];
    expect(line).toContain(",'@evil,");
    expect(line.endsWith(`,"'=HYPERLINK(""x"")"`)).toBe(true);
  });

  it('leaves an unknown total empty rather than writing 0', () => {
    const line = ordersCsv([order({ totalCents: null })]).split('\r\n')[1];
    expect(line).toContain(',2,,EUR,');
  });
});
