/**
 * CAP 1.2 date-time handling. CAP (section 3.3.2) writes times as "YYYY-MM-DDThh:mm:ss±hh:mm" with an
 * explicit offset; the "Z" designator and fractional seconds are not allowed.
 */

/** The CAP 1.2 time pattern of the official schema, anchored. */
export const CAP_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([-+])(\d{2}):(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, '0');
}

/**
 * Formats a date as CAP time in the given UTC offset (minutes east of UTC), e.g.
 * `formatCapTime(new Date('2026-11-30T14:05:00Z'), 60)` → "2026-11-30T15:05:00+01:00". Never uses "Z";
 * milliseconds are dropped (truncated).
 */
export function formatCapTime(date: Date, offsetMinutes = 0): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('formatCapTime: invalid date');
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) {
    throw new RangeError('formatCapTime: offset must be an integer number of minutes within ±14 h');
  }
  const seconds = Math.floor(date.getTime() / 1000);
  const local = new Date((seconds + offsetMinutes * 60) * 1000);
  const year = local.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError('formatCapTime: year out of range');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  return (
    `${pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`
  );
}

/**
 * Parses a CAP time ("2026-11-30T14:05:00+02:00"). Returns null for anything that is not a valid CAP
 * 1.2 time: missing or "Z" offset, fractional seconds, impossible calendar dates or out-of-range fields.
 */
export function parseCapTime(s: string): Date | null {
  if (typeof s !== 'string') return null;
  const m = CAP_TIME_PATTERN.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute, second, , offH, offM] = [
    Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7], Number(m[8]), Number(m[9]),
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (offH > 14 || offM > 59 || (offH === 14 && offM > 0)) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(utc);
  d.setUTCFullYear(year); // Date.UTC maps years 0..99 to 1900..1999
  const offset = (m[7] === '-' ? -1 : 1) * (offH * 60 + offM);
  return new Date(d.getTime() - offset * 60_000);
}
