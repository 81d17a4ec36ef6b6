const iso =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2})))?$/;
// RFC 9110 §5.6.7 IMF-fixdate, the one HTTP-date form a sender may generate.
const httpDate =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Milliseconds since the epoch of a date the API accepts, or undefined: `YYYY-MM-DD` (UTC
 * midnight), an ISO 8601 time `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z` or `±HH:MM`, or an
 * IMF-fixdate HTTP-date (`Tue, 01 Jan 2030 12:00:00 GMT`). Strict where `Date.parse` is not
 * (issue 14): every field must exist on the calendar (no 2026-02-30, which Date rolls over to
 * March 2; no hour 24, no leap second), and an HTTP-date's weekday must be that date's.
 */
export function parseStrictDate(text: string): number | undefined {
  const isoMatch = iso.exec(text);
  if (isoMatch) {
    const [, year, month, day, hour, minute, second, fraction, sign, offsetH, offsetM] = isoMatch;
    const ms = n(fraction?.padEnd(3, '0').slice(0, 3));
    const local = utc(n(year), n(month), n(day), n(hour), n(minute), n(second), ms);
    if (local === undefined || sign === undefined) return local;
    if (n(offsetH) > 23 || n(offsetM) > 59) return undefined;
    const offsetMs = (n(offsetH) * 60 + n(offsetM)) * 60_000;
    return sign === '+' ? local - offsetMs : local + offsetMs;
  }
  const httpMatch = httpDate.exec(text);
  if (httpMatch) {
    const [, weekday, day, monthName, year, hour, minute, second] = httpMatch;
    const month = months.indexOf(monthName ?? '') + 1;
    const time = utc(n(year), month, n(day), n(hour), n(minute), n(second));
    return time !== undefined && weekdays[new Date(time).getUTCDay()] === weekday
      ? time
      : undefined;
  }
  return undefined;
}

/** The UTC time of these fields, or undefined when one is off the calendar. */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0) {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  // Not Date.UTC: it reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

/** Digits as a number; an absent optional field is 0. */
function n(digits: string | undefined): number {
  return Number(digits ?? 0);
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
