/** Calendar arithmetic in a desk's time zone (the wallboard's "today"). */

function partsIn(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute'), s: get('second') };
}

/** Milliseconds the zone is ahead of UTC at `at`. */
function offsetAt(at: Date, timeZone: string): number {
  const p = partsIn(at, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant local midnight began, on the local day that contains `at`. */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  const p = partsIn(at, timeZone);
  const midnightAsUtc = Date.UTC(p.y, p.m - 1, p.d);
  let guess = midnightAsUtc - offsetAt(new Date(midnightAsUtc), timeZone);
  // Correct once more when the offset differs at the guess (a DST change during the day).
  guess = midnightAsUtc - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

/** The local calendar day (YYYY-MM-DD) of `at`. */
export function localDay(at: Date, timeZone: string): string {
  const p = partsIn(at, timeZone);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}
