import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config/config';
import { resolveEncryptionKeys } from './config/encryption-keys';
import type { Database } from './db/database';
import { migrateDatabase } from './db/migrate';
import { openDatabase } from './db/open';
import { sealAuditLog } from './db/repos/audit.repo';
import { buildApp } from './http/app';
import { FieldEncryptor } from './lib/crypto/field-encryption';
import { startAlertBackground } from './services/alert-background.service';
import { startAuditSealer } from './services/audit-sealer.service';
import type { ServiceContext } from './services/context';
import { EventHub, flushEvents } from './services/events.service';
import { JobWorker } from './services/jobs.service';
import { MAINTENANCE_JOB, createMaintenanceHandler, scheduleMaintenance } from './services/maintenance.service';
import { checkEncryptionKeys } from './services/key-check.service';
import { ensureReferenceData, isDatabaseEmpty, seedDemoNetwork } from './services/seed.service';

/** A running Victor server. */
export interface RunningServer {
  app: FastifyInstance;
  ctx: ServiceContext;
  url: string;
  seeded: boolean;
  /** Drain HTTP, stop background work, checkpoint and close the database, release the lock. */
  close(): Promise<void>;
}

/** Prepare a database for use: migrations, reference data, demo seed on first start. */
export async function prepareDatabase(ctx: ServiceContext): Promise<{ applied: string[]; seeded: boolean }> {
  const applied = await migrateDatabase(ctx.database);
  await checkEncryptionKeys(ctx.database.db, ctx.encryptor.keys);
  await ensureReferenceData(ctx);
  let seeded = false;
  if (ctx.config.VICTOR_DEMO_SEED && (await isDatabaseEmpty(ctx))) {
    const result = await seedDemoNetwork(ctx);
    ctx.logger.info({ organisations: result.organisations, users: result.users }, 'seeded the demo network');
    seeded = true;
  }
  return { applied, seeded };
}

/** Build the service context on an open database. */
export function createServiceContext(config: Config, database: Database, logger: Logger): ServiceContext {
  return { config, database, logger, encryptor: new FieldEncryptor(resolveEncryptionKeys(config, logger)) };
}

/** Open the database, migrate, seed, and listen. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${config.PORT}`;
  const database = await openDatabase(config, 'server', logger, { url });
  let draining = false;
  try {
    const ctx = createServiceContext(config, database, logger);
    const { applied, seeded } = await prepareDatabase(ctx);
    if (applied.length) logger.info({ migrations: applied }, 'applied migrations');
    const events = new EventHub();
    await events.start(database);
    const app = await buildApp(ctx, { webDist: config.WEB_DIST, isDraining: () => draining, events });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    const boundUrl = typeof address === 'object' && address ? `http://${config.HOST}:${address.port}` : url;
    const worker = new JobWorker(ctx, { [MAINTENANCE_JOB]: createMaintenanceHandler() });
    await scheduleMaintenance(ctx);
    worker.start();
    const alertBackground = startAlertBackground(ctx);
    const sealer = startAuditSealer(database.db, logger, config.AUDIT_SEAL_INTERVAL_MS);
    let closed = false;
    return {
      app,
      ctx,
      url: boundUrl,
      seeded,
      async close() {
        if (closed) return;
        closed = true;
        draining = true;
        await worker.stop();
        await alertBackground.stop();
        await app.close();
        await flushEvents(database).catch(() => undefined);
        await events.stop();
        // No request can append any more: seal what is left before the database closes.
        await sealer.stop();
        await sealAuditLog(database.db, { wait: true }).catch((err: unknown) => {
          logger.error({ code: (err as { code?: string }).code }, 'final sealing of audit entries failed');
        });
        await database.close();
      },
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}
