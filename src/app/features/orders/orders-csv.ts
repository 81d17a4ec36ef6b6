import type { Order } from './order-schema';

const HEADER = ['Number', 'Created', 'Customer', 'Status', 'Items', 'Total', 'Currency', 'Notes'];

/**
 * The orders as RFC 4180 CSV (CRLF, quoted where needed), safe to open in a spreadsheet
 * (OWASP, "CSV Injection"): every text cell that a spreadsheet could read as a formula gets a
 * leading `'`, and every cell that could be split or cut is quoted. Notes and names are free
 * text typed by anyone; number, status and currency come from the server, which could be wrong.
 *
 * Numbers the app formats itself (Items, Total) are not defused: they are only digits, an
 * optional leading minus and a dot, so a spreadsheet reads them as numbers, which is what these
 * columns are for; a `'` would turn a refund of -12.50 into text that SUM skips. A minus at the
 * start of a text cell (a note "-12.50") is defused, as OWASP says, since text can carry anything.
 */
export function ordersCsv(orders: readonly Order[]): string {
  const lines = orders.map((o) =>
    [
      text(o.number),
      text(o.createdAt),
      text(o.customerName),
      text(o.status),
      numeral(o.items.reduce((sum, line) => sum + (line.quantity ?? 0), 0)),
      numeral(o.totalCents === null ? null : o.totalCents / 100, 2),
      text(o.currency),
      text(o.notes),
    ].join(','),
  );
  return [HEADER.map(text).join(','), ...lines].join('\r\n') + '\r\n';
}

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP: `= + - @`, tab, CR;
 * ASVS 5.0 1.2.10 adds NUL; a line feed is as good as a CR to a reader that trims).
 */
const RISKY_FIRST = /^[=+\-@\t\r\n\0]/;
/**
 * What a spreadsheet may trim before it looks for `=` (LibreOffice's "Trim spaces", Sheets'
 * "trim whitespace", readers that skip a BOM): whitespace, including no-break, ideographic and
 * BOM, and control characters (C0 and C1).
 */
const TRIMMED = /^[\s\p{Cc}]+/u;
/** The formula characters, after NFKC (which folds full-width ＝ ＋ － ＠ and small ﹦ ﹢ ﹣ ﹫). */
const FORMULA = /^[=+\-@]/;
/**
 * Cells quoted whole: separators (`,`, and `;` and tab, which Excel in many locales and TSV
 * readers split on), quotes of either kind, line breaks, and leading or trailing whitespace
 * that a reader would otherwise trim. Every defused cell starts with `'`, so it is quoted too.
 */
const NEEDS_QUOTES = /[",;'\t\r\n]|^\s|\s$/;

function text(value: string): string {
  const safe = isFormula(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function isFormula(value: string): boolean {
  if (RISKY_FIRST.test(value)) return true;
  // Only the first character that survives trimming matters; NFKC of that one is enough.
  const first = value.charAt(TRIMMED.exec(value)?.[0].length ?? 0);
  return first !== '' && FORMULA.test(first.normalize('NFKC'));
}

/** A number the app formats; empty when there is none or it is not finite (JSON's 1e400). */
function numeral(value: number | null, digits?: number): string {
  if (value === null || !Number.isFinite(value)) return '';
  return digits === undefined ? String(value) : value.toFixed(digits);
}
