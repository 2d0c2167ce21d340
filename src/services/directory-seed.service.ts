import type { Db } from '../db/database';
import type { ServiceContext } from './context';
import type { KnowledgeSeedRefs } from './knowledge-seed.service';

/** Demo directory (helper H2 fills this in). */
export async function seedDemoDirectory(ctx: ServiceContext, tx: Db, refs: KnowledgeSeedRefs): Promise<void> {
  void ctx;
  void tx;
  void refs;
}
