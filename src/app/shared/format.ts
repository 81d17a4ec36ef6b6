import { Pipe, type PipeTransform } from '@angular/core';

// The app's number and date formatting: the browser's `Intl`, in the user's own locale, in
// place of Angular's DatePipe, DecimalPipe, CurrencyPipe, PercentPipe and KeyValuePipe. Those
// bring Angular's formatting code and its copy of the English locale data, and because the
// bundler splits code by file, that code landed in `main`, the first load of every page,
// although only signed-in pages format anything (issue 13, README "First load").
// One formatter per set of options, made when first used.

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(undefined, options)));
  return format;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(undefined, options)));
  return format;
}

/** The date styles the pages use, named as Angular's DatePipe names them. */
export type DateStyle = 'short' | 'medium' | 'mediumDate' | 'longDate';

const DATE_STYLES: Readonly<Record<DateStyle, Intl.DateTimeFormatOptions>> = {
  short: { dateStyle: 'short', timeStyle: 'short' },
  medium: { dateStyle: 'medium', timeStyle: 'medium' },
  mediumDate: { dateStyle: 'medium' },
  longDate: { dateStyle: 'long' },
};

type DateInput = string | number | Date | null | undefined;

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date (ISO string, epoch ms or Date) in a style; null, empty or unreadable: null. */
export function formatDate(value: DateInput, style: DateStyle = 'medium', timeZone?: string) {
  const date = toDate(value);
  if (!date) return null;
  return dateFormat(timeZone ? { ...DATE_STYLES[style], timeZone } : DATE_STYLES[style]).format(
    date,
  );
}

/** `yyyy-MM-dd` in UTC, for a `<time datetime>`; null, empty or unreadable: null. */
export function isoDay(value: DateInput): string | null {
  return toDate(value)?.toISOString().slice(0, 10) ?? null;
}

/** A number with grouping; `fractionDigits` fixes the decimals (default: up to 3). */
export function formatNumber(value: number | null | undefined, fractionDigits?: number) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return numberFormat(
    fractionDigits === undefined
      ? {}
      : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
  ).format(value);
}

/** A share (0.25) as a whole percentage (`25%`). */
export function formatPercent(value: number | null | undefined): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return numberFormat({ style: 'percent' }).format(value);
}

/** Integer cents as money (`€15.00`); null (unknown) as an em dash, never as 0. */
export function formatCents(cents: number | null | undefined, currency = 'EUR'): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '—';
  try {
    return numberFormat({ style: 'currency', currency }).format(cents / 100);
  } catch {
    // An unknown currency code: still show the amount.
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** An object's entries sorted by key, as `{ key, value }` (Angular's KeyValuePipe order). */
export function sortedEntries<V>(
  record: Readonly<Record<string, V>> | null | undefined,
): { key: string; value: V }[] {
  return Object.keys(record ?? {})
    .sort()
    .map((key) => ({ key, value: (record as Record<string, V>)[key] }));
}

@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: DateInput, style: DateStyle = 'medium', timeZone?: string): string | null {
    return formatDate(value, style, timeZone);
  }
}

@Pipe({ name: 'isoDay' })
export class IsoDayPipe implements PipeTransform {
  transform(value: DateInput): string | null {
    return isoDay(value);
  }
}

@Pipe({ name: 'num' })
export class NumberPipe implements PipeTransform {
  transform(value: number | null | undefined, fractionDigits?: number): string | null {
    return formatNumber(value, fractionDigits);
  }
}

@Pipe({ name: 'percentage' })
export class PercentagePipe implements PipeTransform {
  transform(value: number | null | undefined): string | null {
    return formatPercent(value);
  }
}

@Pipe({ name: 'cents' })
export class CentsPipe implements PipeTransform {
  transform(cents: number | null | undefined, currency = 'EUR'): string {
    return formatCents(cents, currency);
  }
}

@Pipe({ name: 'entries' })
export class EntriesPipe implements PipeTransform {
  transform<V>(
    record: Readonly<Record<string, V>> | null | undefined,
  ): { key: string; value: V }[] {
    return sortedEntries(record);
  }
}
