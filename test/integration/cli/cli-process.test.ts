import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { DEMO_USERS, ORGANISATIONS } from '../../../src/db/seed/network.data';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCliContext } from '../../../src/cli/cli-context';
import { configSchema, loadConfig } from '../../../src/config/config';
import { migrateDatabase } from '../../../src/db/migrate';
import { openDatabase } from '../../../src/db/open';
import { seedDemoNetwork } from '../../../src/services/seed.service';
import { TEST_KEYS } from '../../helpers/test-context';

const repoRoot = resolve('.');

/** The parent's environment without Victor settings, plus `victor`. */
function childEnv(victor: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const victorKeys = new Set(Object.keys(configSchema.shape));
  for (const [k, v] of Object.entries(process.env)) if (!victorKeys.has(k) && !k.startsWith('VITEST') && k !== 'TEST_DATABASE_URL') env[k] = v;
  return { ...env, ...victor };
}

/** Run `node bin/victor.js …`; resolves with the exit code, output and wall time. */
async function victor(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/victor.js', ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, out, err, ms: performance.now() - started };
}

describe.skipIf(inject('dbKind') === 'postgres')('victor as a real process on an embedded DATA_DIR', { timeout: 120_000 }, () => {
  let root = '';
  let dataDir = '';
  let env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'victor-cli-proc-'));
    dataDir = join(root, 'data');
    const victorEnv = { DATA_DIR: dataDir, VICTOR_ENCRYPTION_KEYS: TEST_KEYS, LOG_LEVEL: 'warn' };
    env = childEnv(victorEnv);
    const config = loadConfig(victorEnv);
    const logger = pino({ level: 'silent' });
    const database = await openDatabase(config, 'migrator', logger);
    try {
      await migrateDatabase(database);
      await seedDemoNetwork(createCliContext(config, database, logger));
    } finally {
      await database.close();
    }
  }, 120_000);

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('`victor audit verify` exits 0 on an intact chain', async () => {
    const r = await victor(['audit', 'verify'], env);
    expect(r.err).not.toMatch(/error/);
    // One entry per demo organisation and user, one for the demo helpline contacts, one for the demo
    // directory, one for the demo articles, then the demo cases' own entries (made through the use-cases).
    const verified = /^audit log intact: (\d+) entries verified\n$/.exec(r.out);
    expect(verified, r.out).not.toBeNull();
    expect(Number(verified![1])).toBeGreaterThan(ORGANISATIONS.length + DEMO_USERS.length + 3);
    expect(r.code).toBe(0);
  });

  it('`victor user create` exits 3 within 2 s, naming the server that holds the DATA_DIR', async () => {
    const url = 'http://127.0.0.1:3999';
    const holder = spawn(process.execPath, ['--import', 'tsx', 'test/integration/cli/fixtures/hold-data-dir.fixture.ts', url], {
      cwd: repoRoot,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    try {
      let holderErr = '';
      holder.stderr.setEncoding('utf8').on('data', (d: string) => (holderErr += d));
      const ready = await new Promise<string>((done, fail) => {
        holder.stdout.setEncoding('utf8').on('data', (d: string) => d.startsWith('ready') && done(d.trim()));
        holder.once('exit', (code) => fail(new Error(`holder exited with ${String(code)}: ${holderErr}`)));
      });
      expect(ready).toBe(`ready ${holder.pid}`);

      // Start-up alone (node, tsx, config) is the floor: measured here, under the same load.
      const startup = await victor(['--help'], env);
      expect(startup.code).toBe(0);
      const r = await victor(
        ['user', 'create', '--email', 'x@example.org', '--name', 'X Y', '--role', 'trainer', '--organisation', 'The Smile of the Child', '--password', 'a-long-enough-password'],
        env,
      );
      expect(r.code).toBe(3);
      // Under 2 s on an idle machine (about 1 s); on a loaded one, no more than start-up plus a little.
      expect(r.ms).toBeLessThan(Math.max(2000, startup.ms + 1000));
      expect(r.out).toBe('');
      expect(r.err).toContain(`error DATA_DIR_LOCKED: The data directory ${dataDir} is in use by the Victor server (pid ${holder.pid}, started `);
      expect(r.err).toContain(url);
      expect(r.err).toContain(`hint: stop the server, or use the HTTP API with an API token (see ${url}/api/docs)`);
    } finally {
      holder.stdin.end();
      if (holder.exitCode === null) await once(holder, 'exit');
    }
  });
});
