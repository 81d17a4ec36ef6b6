import { Pipe, type PipeTransform } from '@angular/core';

/** Integer cents as money (`€15.00`); null (unknown) as an em dash, never as 0. */
@Pipe({ name: 'cents' })
export class CentsPipe implements PipeTransform {
  transform(cents: number | null | undefined, currency = 'EUR'): string {
    if (cents === null || cents === undefined || !Number.isFinite(cents)) return '—';
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
    } catch {
      // An unknown currency code: still show the amount.
      return `${(cents / 100).toFixed(2)} ${currency}`;
    }
  }
}
