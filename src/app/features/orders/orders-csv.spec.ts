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
    expect(line).toContain(`,"'@evil",`);
    expect(line.endsWith(`,"'=HYPERLINK(""x"")"`)).toBe(true);
  });

  it('leaves an unknown total empty rather than writing 0', () => {
    const line = ordersCsv([order({ totalCents: null })]).split('\r\n')[1];
    expect(line).toContain(',2,,EUR,');
  });

  // Issue 14, item 9: OWASP's CSV-injection guidance in full, one test per case.

  it('defuses a cell that starts with a line feed', () => {
    expect(notesCell('\n=1+1')).toBe(`"'\n=1+1"`);
  });

  it('defuses a formula behind leading spaces, which a spreadsheet may trim', () => {
    expect(notesCell('  =1+1')).toBe(`"'  =1+1"`);
    expect(notesCell(' @SUM(A1)')).toBe(`"' @SUM(A1)"`);
  });

  it('defuses a formula behind other leading whitespace or control characters', () => {
    for (const lead of ['\u00a0', '\u3000', '\ufeff', '\v', '\f', '\r\n', '\t ', '\x01'])
      expect(notesCell(`${lead}=1+1`))
        .withContext(JSON.stringify(lead))
        .toBe(`"'${lead}=1+1"`);
  });

  it('defuses a cell that starts with NUL', () => {
    expect(notesCell('\0cmd')).toBe(`"'\0cmd"`);
  });

  it('defuses full-width ＝ ＋ － ＠ and the small forms, which spreadsheets read as = + - @', () => {
    for (const start of ['＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫'])
      expect(notesCell(`${start}1+1`))
        .withContext(start)
        .toBe(`"'${start}1+1"`);
  });

  it('defuses every text column, not only the notes', () => {
    const line = ordersCsv([
      order({ number: '=1', customerName: '+1', status: '-1' as never, currency: '@1' }),
    ]).split('\r\n')[1];
    expect(line.startsWith(`"'=1",2026-01-01T10:00:00.000Z,"'+1","'-1",2,30.00,"'@1",`)).toBe(true);
  });

  it('quotes a cell holding a semicolon or tab, so another separator cannot start a new cell', () => {
    expect(notesCell('Gate 4;=1+1')).toBe('"Gate 4;=1+1"');
    expect(notesCell('Gate 4\t=1+1')).toBe('"Gate 4\t=1+1"');
  });

  it("follows OWASP's own examples: a quote, the quotes inside doubled, the cell quoted", () => {
    expect(notesCell('=1+2";=1+2')).toBe(`"'=1+2"";=1+2"`);
    expect(notesCell(`=1+2'" ;,=1+2`)).toBe(`"'=1+2'"" ;,=1+2"`);
  });

  it('quotes a cell with leading or trailing whitespace, so a trimming reader keeps it exact', () => {
    expect(notesCell(' Ada ')).toBe('" Ada "');
  });

  it('keeps a negative total a number: the app formats it, so it cannot be a formula', () => {
    const line = ordersCsv([order({ totalCents: -1250, notes: '-12.50' })]).split('\r\n')[1];
    expect(line.endsWith(`,2,-12.50,EUR,"'-12.50"`)).toBe(true);
  });

  it('writes no number it cannot format (a JSON 1e400 decodes to Infinity)', () => {
    const line = ordersCsv([order({ totalCents: -Infinity })]).split('\r\n')[1];
    expect(line).toContain(',2,,EUR,');
  });

  it('leaves ordinary text as it is', () => {
    expect(notesCell('Leave at door 3-B, ring twice')).toBe('"Leave at door 3-B, ring twice"');
    expect(notesCell('Fragile: glass')).toBe('Fragile: glass');
  });
});

/** The notes cell of a one-order export (the last cell of its line). */
function notesCell(notes: string): string {
  const csv = ordersCsv([order({ notes })]);
  const body = csv.slice(csv.indexOf('\r\n') + 2, -2);
  return body.slice(body.indexOf(',EUR,') + ',EUR,'.length);
}
