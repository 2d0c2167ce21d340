import type { Db } from '../db/database';
import { readSetting } from '../db/repos/settings.repo';

/** Setting key: true when the database was seeded with the demo network. */
export const DEMO_SETTING = 'instance.demo';

const DEMO_CACHE_MS = 30_000;
const demoCache = new WeakMap<Db, { value: boolean; until: number }>();

/**
 * True when this instance holds the invented demo data. Read on every page load, so kept for 30 s per
 * database handle (the flag changes only when the demo network is seeded).
 */
export async function isDemoInstance(db: Db, now = Date.now()): Promise<boolean> {
  const cached = demoCache.get(db);
  if (cached && cached.until > now) return cached.value;
  const value = (await readSetting<boolean>(db, DEMO_SETTING)) === true;
  demoCache.set(db, { value, until: now + DEMO_CACHE_MS });
  return value;
}

/** Drop the cached demo flag (after seeding). */
export function forgetDemoFlag(db: Db): void {
  demoCache.delete(db);
}
