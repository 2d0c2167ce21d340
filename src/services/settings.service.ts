import type { Db } from '../db/database';
import { readSetting } from '../db/repos/settings.repo';

/** Setting key: true when the database was seeded with the demo network. */
export const DEMO_SETTING = 'instance.demo';

/** True when this instance holds the invented demo data. */
export async function isDemoInstance(db: Db): Promise<boolean> {
  return (await readSetting<boolean>(db, DEMO_SETTING)) === true;
}
