import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBufferIo } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/cli-program';
import { acquireDataDirLock } from '../../../src/db/embedded/data-dir-lock';
import { TEST_KEYS } from '../../helpers/test-context';

const isPostgres = inject('dbKind') === 'postgres';
let root = '';
const databases: string[] = [];

/** Environment for a new, empty database of this project's kind (a DATA_DIR, or a PostgreSQL database). */
async function freshEnv(): Promise<Record<string, string>> {
  const base = { VICTOR_ENCRYPTION_KEYS: TEST_KEYS, LOG_LEVEL: 'silent', DATA_DIR: join(root, `data-${randomBytes(4).toString('hex')}`) };
  if (!isPostgres) return base;
  const name = `victor_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databases.push(name);
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return { ...base, DATABASE_URL: url.toString() };
}

async function cli(argv: string[], env: Record<string, string> = {}) {
  const io = createBufferIo();
  const code = await runCli(argv, io, { env });
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'victor-cli-'));
});

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  if (databases.length === 0) return;
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('victor command line: usage and configuration', () => {
  it('answers help with 0 and bad usage with 2, before touching any database', async () => {
    expect(await cli(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('Usage: victor [options] [command]') });
    expect(await cli([])).toMatchObject({ code: 2 });
    expect(await cli(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining("unknown command 'frobnicate'") });
    expect(await cli(['user', 'create', '--email', 'a@example.org'])).toMatchObject({ code: 2, err: expect.stringContaining("required option '--name <name>' not specified") });
    expect(await cli(['backup'])).toMatchObject({ code: 2, err: expect.stringContaining("missing required argument 'file'") });
  });

  it('exits 2 with every problem listed when the configuration is invalid', async () => {
    const r = await cli(['audit', 'verify'], { PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Invalid configuration:');
    expect(r.err).toContain('PORT:');
    expect(r.err).toContain('DATABASE_URL: must start with postgres:// or postgresql://');
  });
});

// Each command opens the database afresh; a new embedded DATA_DIR is created and fsynced on first open.
describe(`victor command line on ${isPostgres ? 'PostgreSQL' : 'an embedded DATA_DIR'}`, { timeout: 120_000 }, () => {
  let env: Record<string, string> = {};
  beforeAll(async () => {
    env = await freshEnv();
  });

  it('asks for migrations first, then migrates once', async () => {
    expect(await cli(['user', 'list'], env)).toMatchObject({ code: 1, err: 'error: the database has no schema yet; run `victor db migrate` first' });
    expect(await cli(['db', 'migrate'], env)).toMatchObject({ code: 0, out: expect.stringMatching(/^applied \d+ migration\(s\): 0001_foundation/) });
    expect(await cli(['db', 'migrate'], env)).toMatchObject({ code: 0, out: expect.stringMatching(/^the schema is up to date/) });
  });

  it('seeds, creates a user, then refuses to seed demo accounts beside real ones', async () => {
    expect(await cli(['db', 'seed'], env)).toMatchObject({ code: 0, out: expect.stringContaining('demo network ready: 14 organisation(s), 11 new demo user(s)') });
    const create = ['user', 'create', '--email', 'root@example.org', '--name', 'Root Admin', '--role', 'administrator', '--organisation', 'The Smile of the Child', '--password', 'a-long-enough-password'];
    expect(await cli(create, env)).toMatchObject({ code: 0, out: expect.stringContaining('<root@example.org>: administrator (region)') });
    expect(await cli(create, env)).toMatchObject({ code: 1, err: 'error EMAIL_TAKEN: A user with this e-mail already exists.' });
    expect(await cli(['db', 'seed'], env)).toMatchObject({ code: 1, err: expect.stringContaining('holds 1 real user(s)') });
  });

  it('backs up, verifies, and refuses to restore into the same (non-empty) database', async () => {
    const file = join(root, `backup-${randomBytes(4).toString('hex')}.jsonl.gz`);
    expect(await cli(['backup', file], env)).toMatchObject({ code: 0, out: expect.stringContaining(`backup written to ${file}`) });
    expect(await cli(['audit', 'verify'], env)).toMatchObject({ code: 0, out: expect.stringMatching(/^audit log intact: \d+ entries verified$/) });
    expect(await cli(['restore', file], env)).toMatchObject({ code: 1, err: expect.stringContaining('error BACKUP_FAILED: the database is not empty') });
    expect(await cli(['restore', join(root, 'missing.gz')], env)).toMatchObject({ code: 1, err: expect.stringContaining('missing.gz does not exist') });
  });

  it.skipIf(isPostgres)('exits 3 naming the holder when another opener holds the DATA_DIR', async () => {
    const lock = await acquireDataDirLock({ dataDir: env.DATA_DIR!, role: 'server', details: { url: 'http://127.0.0.1:3999' } });
    try {
      const started = performance.now();
      const r = await cli(['user', 'list'], env);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(r.code).toBe(3);
      const [message, hint] = r.err.split('\n');
      expect(message).toContain(`error DATA_DIR_LOCKED: The data directory ${env.DATA_DIR} is in use by the Victor server (pid ${process.pid}`);
      expect(message).toContain('http://127.0.0.1:3999');
      expect(hint).toBe('hint: stop the server, or use the HTTP API with an API token (see http://127.0.0.1:3999/api/docs)');
    } finally {
      await lock.release();
    }
  });
});
