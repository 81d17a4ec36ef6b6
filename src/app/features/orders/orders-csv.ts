import type { Order } from './order-schema';

const HEADER = ['Number', 'Created', 'Customer', 'Status', 'Items', 'Total', 'Currency', 'Notes'];

/**
 * The orders as RFC 4180 CSV (CRLF, quoted where needed). Cells that a spreadsheet would run as
 * a formula (`=`, `+`, `-`, `@`, tab, CR) get a leading `'` (OWASP, "CSV injection"): notes are
 * free text typed by anyone.
 */
export function ordersCsv(orders: readonly Order[]): string {
  const rows = orders.map((o) => [
    o.number,
    o.createdAt,
    o.customerName,
    o.status,
    String(o.items.reduce((sum, line) => sum + (line.quantity ?? 0), 0)),
    o.totalCents === null ? '' : (o.totalCents / 100).toFixed(2),
    o.currency,
    o.notes,
  ]);
  return [HEADER, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
