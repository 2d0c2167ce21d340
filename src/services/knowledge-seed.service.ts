/**
 * Knowledge-base seeding: the legal instruments register (reference data, every start) and the demo
 * directory and articles (demo network only).
 */
import type { Db } from '../db/database';
import type { ServiceContext } from './context';
import { seedDemoArticles } from './knowledge-article-seed.service';
import { seedDemoDirectory } from './directory-seed.service';

/** Demo organisations and users, by seed key / e-mail, for the knowledge seeders. */
export interface KnowledgeSeedRefs {
  orgIds: Map<string, string>;
  userIds: Map<string, string>;
}

/** Seed the demo directory, then the demo articles (which may link to directory and instruments). */
export async function seedKnowledgeDemo(ctx: ServiceContext, tx: Db, refs: KnowledgeSeedRefs): Promise<void> {
  await seedDemoDirectory(ctx, tx, refs);
  await seedDemoArticles(ctx, tx, refs);
}
