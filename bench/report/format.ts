// How figures are written in RESULTS.md and in the printed table.

/** JSON turns NaN (a percentile of no calls) into null. */
export const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const ms = (value: number) => (finite(value) ? `${Math.round(value)} ms` : 'n/a');
export const x = (value: number, digits = 2) =>
  finite(value) ? `${value.toFixed(digits)}×` : 'n/a';
export const pct = (share: number) => `${(share * 100).toFixed(share === 1 ? 0 : 2)} %`;
export const n = (value: number) => value.toLocaleString('en-US');
export const med = (values: number[]) => {
  const sorted = values.filter(finite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : Number.NaN;
};

/** Failed calls by kind: `timeout ×3, network ×1`. */
export const kinds = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([kind, count]) => `${kind} ×${n(count)}`)
    .join(', ');

/** A Markdown table. */
export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
