import { z } from 'zod';

/** Boolean env values: true/false/1/0/yes/no. */
const envBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Base64 of exactly 32 bytes. */
const key32 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of exactly 32 bytes (openssl rand -base64 32)');

/**
 * The environment variables Victor reads. Documented in the README's configuration table:
 * keep the two in step.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Field-encryption keys: "kid:base64key" pairs separated by commas; the first is used to encrypt. */
  VICTOR_ENCRYPTION_KEYS: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v.split(',').every((p) => /^[A-Za-z0-9_-]{1,32}:.+$/.test(p.trim()) && key32.safeParse(p.trim().split(':')[1]).success),
      'must be "kid:base64-32-byte-key[,kid2:key2]"',
    ),
  /** Seed the demo network when the database is empty. Default: on for the embedded database, off on PostgreSQL. */
  VICTOR_DEMO_SEED: envBool.optional(),
  /** Public URL when behind a TLS proxy; https turns on HSTS and Secure cookies. */
  PUBLIC_URL: z.url().optional(),
  /**
   * Which X-Forwarded-For hops to trust: "false" (none), a number of proxies in front of Victor (1 for
   * one nginx), or a comma list of proxy addresses/CIDRs. "true" trusts every hop: spoofable, avoid.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): boolean | number | string[] => {
      if (v === 'false' || v === '0') return false;
      if (v === 'true') return true;
      if (/^\d{1,2}$/.test(v)) return Number(v);
      const list = v.split(',').map((p) => p.trim()).filter(Boolean);
      if (list.length && list.every((p) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p))) return list;
      ctx.addIssue({ code: 'custom', message: 'must be false, a hop count (e.g. 1), or a comma list of proxy addresses' });
      return z.NEVER;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(50).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Reports one client address may send through the public form per hour. */
  RATE_LIMIT_PUBLIC_REPORTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Start on PostgreSQL even when fsync, synchronous_commit or full_page_writes is off. */
  VICTOR_ALLOW_UNSAFE_POSTGRES: envBool.default(false),
  WEB_DIST: z.string().default('dist/web'),
  /** How often each app node seals appended audit entries into the hash chain (milliseconds). */
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Largest case document accepted, in bytes (default 10 MiB). */
  VICTOR_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Let webhook subscriptions and ingest feeds use loopback / private addresses (tests, on-premises). */
  VICTOR_ALLOW_PRIVATE_ENDPOINTS: envBool.default(false),
  /** SMTP server for alert e-mails ("smtp://user:pass@host:587"); without it mail is held in the outbox. */
  VICTOR_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  VICTOR_MAIL_FROM: z.string().min(3).default('Victor child alerts <alerts@victor.invalid>'),
  /** Webhook deliveries in flight at once on one node. */
  VICTOR_WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(64),
  /** Largest CAP document or feed accepted by ingest, in bytes (default 2 MiB). */
  VICTOR_INGEST_MAX_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(2 * 1024 * 1024),
  /** How often the alert background loops look for due work (expiry, deliveries, mail, feeds), ms. */
  VICTOR_ALERT_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends Omit<RawConfig, 'VICTOR_DEMO_SEED'> {
  VICTOR_DEMO_SEED: boolean;
  /** True when cookies must be Secure and HSTS sent. */
  tls: boolean;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
}

/** Thrown when the environment is invalid; the message lists every problem, one a line. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parse and validate the environment once, at start-up. The only place that reads process.env.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const v = env[key];
    picked[key] = v === '' ? undefined : v;
  }
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const raw = parsed.data;
  return {
    ...raw,
    VICTOR_DEMO_SEED: raw.VICTOR_DEMO_SEED ?? !raw.DATABASE_URL,
    tls: raw.PUBLIC_URL?.startsWith('https://') ?? false,
    database: raw.DATABASE_URL ? { kind: 'postgres', url: raw.DATABASE_URL } : { kind: 'pglite', dataDir: raw.DATA_DIR },
  };
}

/** The address the public reaches Victor at (PUBLIC_URL, else the listening host and port), without a trailing slash. */
export function resolvePublicBaseUrl(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}
