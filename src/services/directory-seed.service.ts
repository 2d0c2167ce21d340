import type { Db } from '../db/database';
import { countEntries, insertDirectoryEntriesBulk } from '../db/repos/directory.repo';
import { buildDemoDirectory } from '../db/seed/directory.data';
import { recordAudit, SYSTEM_ACTOR, type ServiceContext } from './context';
import type { KnowledgeSeedRefs } from './knowledge-seed.service';

/**
 * Seed the demo directory (inside the demo seed transaction): the 116 000 and 116 111 entries of each
 * VICTOR partner country, invented NRM actors of every kind and stage, and the partner organisations.
 * Skipped when the directory already has entries. Returns how many entries were added.
 */
export async function seedDemoDirectory(ctx: ServiceContext, tx: Db, refs: KnowledgeSeedRefs): Promise<number> {
  void ctx;
  if ((await countEntries(tx)) > 0) return 0;
  const entries = buildDemoDirectory(refs.orgIds);
  const ids = await insertDirectoryEntriesBulk(tx, entries, null);
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'knowledge.directory.seeded', entityType: 'directory_entry', details: { entries: ids.length } });
  return ids.length;
}
