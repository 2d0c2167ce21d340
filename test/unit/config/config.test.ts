import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config';

describe('configuration', () => {
  it('has working defaults: port 3000, 127.0.0.1, ./data, embedded database', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(c.tls).toBe(false);
  });

  it('switches to PostgreSQL with DATABASE_URL and to TLS with an https PUBLIC_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', PUBLIC_URL: 'https://victor.example.org' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(c.tls).toBe(true);
  });

  it('lists every problem, one per variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', VICTOR_ENCRYPTION_KEYS: 'k1:short', VICTOR_DEMO_SEED: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/VICTOR_ENCRYPTION_KEYS/);
      expect(problems).toMatch(/VICTOR_DEMO_SEED/);
    }
  });

  it('accepts rotated key lists', () => {
    const spec = `new:${randomBytes(32).toString('base64')},old:${randomBytes(32).toString('base64')}`;
    expect(loadConfig({ VICTOR_ENCRYPTION_KEYS: spec }).VICTOR_ENCRYPTION_KEYS).toBe(spec);
  });

  it('seeds demo data by default on the embedded database only', () => {
    expect(loadConfig({}).VICTOR_DEMO_SEED).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).VICTOR_DEMO_SEED).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', VICTOR_DEMO_SEED: 'true' }).VICTOR_DEMO_SEED).toBe(true);
  });

  it('takes TRUST_PROXY as off, a hop count or a list of proxy addresses', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.1.0/24' }).TRUST_PROXY).toEqual(['10.0.0.1', '10.0.1.0/24']);
    expect(() => loadConfig({ TRUST_PROXY: 'nginx please' })).toThrow(/TRUST_PROXY/);
  });
});
