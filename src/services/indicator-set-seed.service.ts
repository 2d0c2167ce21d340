/**
 * Reference data: the indicator sets Victor starts with. Inserted as version 1 (published, needs
 * review) only when the key does not exist, so versions published later are never overwritten.
 */
import type { Db } from '../db/database';
import { listExistingKeys } from '../db/repos/indicator-set.repo';
import { INDICATOR_SETS_SEED } from '../db/seed/indicator-sets.data';
import { insertPublishedVersion } from './indicator-set.service';

/** Seed the indicator sets (child-specific and general) at every start, without touching newer versions. */
export async function ensureIndicatorSets(tx: Db): Promise<void> {
  const existing = await listExistingKeys(tx, INDICATOR_SETS_SEED.map((s) => s.key));
  for (const set of INDICATOR_SETS_SEED) {
    if (!existing.has(set.key)) await insertPublishedVersion(tx, set, null, true);
  }
}
