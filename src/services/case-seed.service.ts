/**
 * Demo data of the cases area: NRM pathways per country and a few invented cases in several states.
 */
import type { Db } from '../db/database';
import type { ServiceContext } from './context';
import { seedNrmPathwaysDemo } from './nrm-pathway-seed.service';

/** Seed the cases demo (called once, when the demo network is first created). */
export async function seedCasesDemo(ctx: ServiceContext, tx: Db, ids: { orgIds: Map<string, string>; userIds: Map<string, string> }): Promise<void> {
  await seedNrmPathwaysDemo(ctx, tx, ids);
}
