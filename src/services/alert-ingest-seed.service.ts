/** Demo ingest: an invented neighbouring system's alerts, so the regional map has something to show. */
import type { ServiceContext } from './context';

/** Ingest the demo feed documents (through the real ingest use-case). */
export async function seedDemoIngest(ctx: ServiceContext): Promise<void> {
  void ctx;
}
