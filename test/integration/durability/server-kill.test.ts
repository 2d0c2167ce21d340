import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../../helpers/cookie-jar';
import { spawnServer, stopAllServers, type SpawnedServer } from '../../helpers/spawn-server';
import { isPostgresRun } from '../../helpers/test-db';

const dir = mkdtempSync(join(tmpdir(), 'victor-kill-'));
const env = {
  DATA_DIR: join(dir, 'data'),
  VICTOR_ENCRYPTION_KEYS: `kill:${randomBytes(32).toString('base64')}`,
  VICTOR_DEMO_SEED: 'true',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
};

afterAll(async () => {
  await stopAllServers();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(server: SpawnedServer): Promise<CookieJar> {
  const jar = new CookieJar();
  const res = await jar.post(server.url, '/api/auth/login', { email: 'admin@victor.example', password: 'victor-demo-2026' });
  expect(res.status).toBe(200);
  return jar;
}

/**
 * Keep `parallel` writers creating organisations through the HTTP API; an id counts as acknowledged
 * once the server answered 200. Stops at the first failed request (the server was killed).
 */
function startWriters(server: SpawnedServer, jar: CookieJar, round: number, acknowledged: string[], parallel = 3) {
  let stop = false;
  let n = 0;
  const writer = async () => {
    while (!stop) {
      const name = `Crash test ${round}-${n++}-${randomBytes(3).toString('hex')}`;
      try {
        const res = await jar.post(server.url, '/api/admin/organisations', { name, countryCode: 'GR', type: 'national_ngo' });
        if (res.status === 200) acknowledged.push((res.body as { id: string }).id);
        else if (res.status >= 500) return;
      } catch {
        return;
      }
    }
  };
  const running = Promise.all(Array.from({ length: parallel }, writer));
  return { halt: async () => ((stop = true), running) };
}

describe.skipIf(isPostgresRun())('embedded database: SIGKILL under write load', () => {
  it('finds every acknowledged write after each restart (3 kills)', async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      const server = await spawnServer({ env, name: `round ${round}` });
      const jar = await signIn(server);
      const list = await jar.get(server.url, '/api/admin/organisations');
      const present = new Set((list.body as { id: string }[]).map((o) => o.id));
      const lost = acknowledged.filter((id) => !present.has(id));
      expect(lost, `round ${round}: acknowledged organisations missing after SIGKILL`).toEqual([]);
      const writers = startWriters(server, jar, round, acknowledged);
      await new Promise((r) => setTimeout(r, 700 + Math.floor(Math.random() * 1300)));
      await server.stop('SIGKILL');
      await writers.halt();
    }
    const server = await spawnServer({ env, name: 'final' });
    const jar = await signIn(server);
    const present = new Set(((await jar.get(server.url, '/api/admin/organisations')).body as { id: string }[]).map((o) => o.id));
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    const verify = await jar.get(server.url, '/api/admin/audit/verify');
    expect(verify.body).toMatchObject({ ok: true });
    await server.stop('SIGTERM');
  }, 180_000);
});
