import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** A drizzle database or transaction: repos take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** Runs a multi-statement script; returns the rows of each statement. */
export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[][]>;

/** One open database, embedded or server, behind the same interface. */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /**
   * Run scripts on one dedicated connection (migrations, restores, session-level locks).
   * `run` executes a multi-statement script and returns each statement's rows.
   */
  withSession<T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T>;
  /**
   * Run one parameterised statement whose text never changes, as a named prepared statement where the
   * driver supports it (PostgreSQL: parsed and planned once per connection). For hot paths only.
   */
  runPrepared<T extends Record<string, unknown>>(name: string, text: string, values: unknown[]): Promise<T[]>;
  /** Subscribe to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Rows of a raw SQL query, whichever driver ran it. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Wrap an open PGlite client. `close` replaces the default close (the embedded opener checkpoints and unlocks). */
export function createPgliteDatabase(client: PGlite, close?: () => Promise<void>): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async withSession(fn) {
      // PGlite is one connection already; runExclusive would deadlock with exec's own lock.
      return fn(async (script) => (await client.exec(script)).map((r) => r.rows as Record<string, unknown>[]));
    },
    async runPrepared<T extends Record<string, unknown>>(_name: string, text: string, values: unknown[]) {
      return (await client.query<T>(text, values)).rows;
    },
    async listen(channel, onPayload) {
      const unsub = await client.listen(channel, onPayload);
      return async () => {
        if (!client.closed) await unsub();
      };
    },
    async close() {
      if (close) await close();
      else if (!client.closed) await client.close();
    },
  };
}

/** Options for a PostgreSQL pool. */
export interface PostgresOptions {
  url: string;
  max?: number;
  applicationName?: string;
}

/** Open a pool on a PostgreSQL server. */
export function createPostgresDatabase(opts: PostgresOptions): Database {
  // Keep bigint/timestamp parsing consistent with PGlite: int8 as number where safe is handled in repos.
  // JIT compilation only slows the short queries of an interactive application.
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.max ?? 10, application_name: opts.applicationName ?? 'victor', options: '-c jit=off' });
  pool.on('error', () => {
    /* idle client errors surface on next query; never crash the process */
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listeners: pg.Client[] = [];
  return {
    kind: 'postgres',
    db,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (script) => {
          const res = (await client.query(script)) as unknown as pg.QueryResult | pg.QueryResult[];
          return (Array.isArray(res) ? res : [res]).map((r) => r.rows as Record<string, unknown>[]);
        });
      } finally {
        client.release();
      }
    },
    async runPrepared<T extends Record<string, unknown>>(name: string, text: string, values: unknown[]) {
      return (await pool.query<T>({ name, text, values })).rows;
    },
    async listen(channel, onPayload) {
      const client = new pg.Client({ connectionString: opts.url, application_name: `${opts.applicationName ?? 'victor'}-listen` });
      client.on('error', () => {});
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.channel === channel) onPayload(msg.payload ?? '');
      });
      await client.query(`LISTEN "${channel.replaceAll('"', '')}"`);
      listeners.push(client);
      return async () => {
        await client.end().catch(() => {});
      };
    },
    async close() {
      await Promise.all(listeners.map((c) => c.end().catch(() => {})));
      await pool.end();
    },
  };
}

/** Send a NOTIFY on a channel (inside the caller's transaction when given one). */
export async function notify(db: Db, channel: string, payload: string): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${channel}, ${payload})`);
}

/** PostgreSQL settings whose "off" can lose acknowledged writes. */
export const DURABILITY_SETTINGS = ['fsync', 'synchronous_commit', 'full_page_writes'] as const;

/** Read the durability settings; returns the names of those that are off. */
export async function findUnsafeDurabilitySettings(db: Db): Promise<string[]> {
  const off: string[] = [];
  for (const name of DURABILITY_SETTINGS) {
    const rows = await queryRows<{ setting: string }>(db, sql`SELECT setting FROM pg_settings WHERE name = ${name}`);
    if (rows[0]?.setting === 'off') off.push(name);
  }
  return off;
}
