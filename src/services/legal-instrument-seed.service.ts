import type { Db } from '../db/database';

/** Reference legal instruments (helper H2 fills this in). Idempotent; runs at every start. */
export async function ensureLegalInstruments(tx: Db): Promise<void> {
  void tx;
}
