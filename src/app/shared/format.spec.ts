import { TestBed } from '@angular/core/testing';
import { Component } from '@angular/core';
import {
  CentsPipe,
  DateTimePipe,
  EntriesPipe,
  IsoDayPipe,
  NumberPipe,
  PercentagePipe,
  formatCents,
  formatDate,
  formatNumber,
  formatPercent,
  isoDay,
  sortedEntries,
} from './format';

// The expected strings come from Intl itself, in the browser's locale, so these tests hold in
// any locale: what they check is which options each style asks for and how bad input is shown.
const intlDate = (value: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(undefined, options).format(new Date(value));
const intlNumber = (value: number, options: Intl.NumberFormatOptions = {}) =>
  new Intl.NumberFormat(undefined, options).format(value);

describe('format', () => {
  const at = '2026-12-07T16:27:05.000Z';

  it('formats dates in the four styles the pages use', () => {
    expect(formatDate(at, 'short')).toBe(intlDate(at, { dateStyle: 'short', timeStyle: 'short' }));
    expect(formatDate(at)).toBe(intlDate(at, { dateStyle: 'medium', timeStyle: 'medium' }));
    expect(formatDate(at, 'mediumDate')).toBe(intlDate(at, { dateStyle: 'medium' }));
    expect(formatDate(at, 'longDate', 'UTC')).toBe(
      intlDate(at, { dateStyle: 'long', timeZone: 'UTC' }),
    );
    expect(formatDate(Date.parse(at), 'mediumDate')).toBe(formatDate(new Date(at), 'mediumDate'));
  });

  it('keeps the time zone it is given (a sunset date is a UTC day)', () => {
    expect(formatDate('2026-12-07T23:30:00Z', 'longDate', 'UTC')).toContain('7');
    expect(formatDate('2026-12-07T23:30:00Z', 'longDate', 'Asia/Tokyo')).toContain('8');
  });

  it('shows nothing for a missing or unreadable date, instead of throwing', () => {
    for (const bad of [null, undefined, '', 'not a date', Number.NaN])
      expect(formatDate(bad)).withContext(String(bad)).toBeNull();
    expect(isoDay('yesterday')).toBeNull();
  });

  it('gives the UTC day for a <time datetime>', () => {
    expect(isoDay('2026-12-07T23:30:00-05:00')).toBe('2026-12-08');
    expect(isoDay(at)).toBe('2026-12-07');
  });

  it('formats counts with grouping, fixed decimals on request, and shares as percentages', () => {
    expect(formatNumber(1234567)).toBe(intlNumber(1234567));
    expect(formatNumber(2.34567)).toBe(intlNumber(2.346));
    expect(formatNumber(7, 1)).toBe(intlNumber(7, { minimumFractionDigits: 1 }));
    expect(formatNumber(7.26, 1)).toBe(intlNumber(7.3, { minimumFractionDigits: 1 }));
    expect(formatPercent(0.256)).toBe(intlNumber(0.26, { style: 'percent' }));
    for (const bad of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatNumber(bad)).toBeNull();
      expect(formatPercent(bad)).toBeNull();
    }
  });

  it('shows cents as money, unknown amounts as a dash and unknown currencies by their code', () => {
    expect(formatCents(1500, 'USD')).toBe(intlNumber(15, { style: 'currency', currency: 'USD' }));
    expect(formatCents(1500)).toBe(intlNumber(15, { style: 'currency', currency: 'EUR' }));
    expect(formatCents(null)).toBe('—');
    expect(formatCents(Number.NaN)).toBe('—');
    expect(formatCents(1505, 'NOT-A-CODE')).toBe('15.05 NOT-A-CODE');
  });

  it('lists an object’s entries sorted by key', () => {
    expect(sortedEntries({ timeout: 2, network: 1, server: 3 })).toEqual([
      { key: 'network', value: 1 },
      { key: 'server', value: 3 },
      { key: 'timeout', value: 2 },
    ]);
    expect(sortedEntries(null)).toEqual([]);
  });

  it('offers each as a pipe for templates', () => {
    @Component({
      imports: [DateTimePipe, IsoDayPipe, NumberPipe, PercentagePipe, CentsPipe, EntriesPipe],
      template: `{{ at | dateTime: 'mediumDate' }}|{{ at | isoDay }}|{{ 1234 | num }}|{{
          0.5 | percentage
        }}|{{ 250 | cents: 'USD' }}|
        @for (e of { b: 2, a: 1 } | entries; track e.key) {
          {{ e.key }}
        }`,
    })
    class Host {
      readonly at = at;
    }
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    // Whitespace aside (the template's own line breaks):
    expect(text.replace(/\s/g, '')).toBe(
      [
        formatDate(at, 'mediumDate'),
        '2026-12-07',
        formatNumber(1234),
        formatPercent(0.5),
        formatCents(250, 'USD'),
        'ab',
      ]
        .join('|')
        .replace(/\s/g, ''),
    );
  });
});
