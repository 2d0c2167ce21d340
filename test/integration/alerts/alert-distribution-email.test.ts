import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { createMailSender, mailContext } from '../../../src/services/mail-outbox.service';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { publishTestMessage } from './alert-distribution-support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000', RATE_LIMIT_PUBLIC_REPORTS_PER_HOUR: '1000', PUBLIC_URL: 'https://alerts.victor.test' });
let app: FastifyInstance;
let org: OrganisationRow;
let admin: TestClient;
let smtp: SMTPServer;
let smtpPort = 0;
const delivered: { to: string[]; raw: string }[] = [];

interface OutboxRow extends Record<string, unknown> {
  id: string;
  to_enc: string;
  subject: string;
  body_text_enc: string;
  purpose: string;
  status: string;
}
const outboxRows = () => queryRows<OutboxRow>(t.ctx.database.db, sql`SELECT id::text AS id, to_enc, subject, body_text_enc, purpose, status FROM mail_outbox ORDER BY id`);
const bodyOf = (r: OutboxRow) => t.ctx.encryptor.decrypt(r.body_text_enc, mailContext.body(r.id));
const toOf = (r: OutboxRow) => t.ctx.encryptor.decrypt(r.to_enc, mailContext.to(r.id));
const tokenIn = (text: string, kind: 'confirm' | 'unsubscribe') => new RegExp(`/child-alerts/subscriptions/${kind}\\?token=([A-Za-z0-9_%-]+)`).exec(text)?.[1];

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'RO' });
  admin = (await signedIn(app, t.ctx, { role: 'administrator', organisationId: org.id })).client;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('e-mail subscriptions', () => {
  it('answers every subscribe request the same way (no enumeration) and keeps no plain address', async () => {
    const anon = new TestClient(app);
    const body = { email: 'Reader.One@Example.org', countries: ['RO'], language: 'ro' };
    const first = await anon.post('/api/public/alert-subscriptions', body);
    const again = await anon.post('/api/public/alert-subscriptions', body);
    const other = await anon.post('/api/public/alert-subscriptions', { ...body, email: 'nobody@example.org' });
    expect([first.statusCode, again.statusCode, other.statusCode]).toEqual([202, 202, 202]);
    expect(new Set([first.body, again.body, other.body]).size).toBe(1);
    const subs = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM alert_email_subscriptions`);
    expect(subs).toHaveLength(2);
    expect(JSON.stringify(subs).toLowerCase()).not.toContain('example.org');
    const mails = await outboxRows();
    expect(mails.map((m) => m.purpose)).toEqual(['subscription_confirm', 'subscription_confirm', 'subscription_confirm']);
    expect(JSON.stringify(mails)).not.toContain('example.org');
    expect(toOf(mails[0]!)).toBe('reader.one@example.org');
    // Without SMTP every mail is held, not lost.
    expect(mails.every((m) => m.status === 'held')).toBe(true);
    expect(outcome(await anon.post('/api/public/alert-subscriptions', { ...body, email: 'not-an-address' }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await anon.post('/api/public/alert-subscriptions', { ...body, countries: [] }))).toBe('400 VALIDATION_FAILED');
  });

  it('confirms only by POST, mails alerts in the subscriber language through SMTP, and unsubscribes', async () => {
    const anon = new TestClient(app);
    await anon.post('/api/public/alert-subscriptions', { email: 'parent@example.org', countries: ['RO', 'MD'], language: 'ro' });
    const confirmMail = (await outboxRows()).filter((m) => toOf(m) === 'parent@example.org').at(-1)!;
    const text = bodyOf(confirmMail);
    expect(text).toContain('https://alerts.victor.test/child-alerts/subscriptions/confirm?token=');
    const token = decodeURIComponent(tokenIn(text, 'confirm')!);

    // A GET (as a mail scanner makes) only shows the button.
    const page = await anon.get(`/child-alerts/subscriptions/confirm?token=${encodeURIComponent(token)}&lang=ro`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Confirmare');
    let row = (await queryRows<{ confirmed_at: Date | null }>(t.ctx.database.db, sql`SELECT confirmed_at FROM alert_email_subscriptions WHERE confirm_token_hash IS NOT NULL`));
    expect(row.length).toBeGreaterThan(0);
    expect((await anon.get('/child-alerts/subscriptions/confirm?token=wrong-token-value')).statusCode).toBe(404);

    expect((await anon.post('/api/public/alert-subscriptions/confirm', { token })).json()).toEqual({ countries: ['MD', 'RO'], language: 'ro' });
    expect(outcome(await anon.post('/api/public/alert-subscriptions/confirm', { token }))).toBe('404 SUBSCRIPTION_TOKEN_INVALID');

    // A message for Romania in Romanian and English: the subscriber gets the Romanian text.
    const { counts } = await publishTestMessage(t.ctx, { organisationId: org.id, countryCode: 'RO', texts: { 'en-GB': { headline: 'Missing boy', description: 'Boy, 9.' }, 'ro-RO': { headline: 'Băiat dispărut', description: 'Băiat, 9 ani, jachetă roșie.' } } });
    expect(counts.mails).toBe(1);
    // Drills and other countries reach nobody by e-mail.
    expect((await publishTestMessage(t.ctx, { organisationId: org.id, countryCode: 'RO', capStatus: 'Test' })).counts.mails).toBe(0);
    expect((await publishTestMessage(t.ctx, { organisationId: org.id, countryCode: 'GR' })).counts.mails).toBe(0);
    const alertMail = (await outboxRows()).find((m) => m.purpose === 'alert')!;
    expect(alertMail.subject).toBe('Alertă copil: Băiat dispărut');
    const alertText = bodyOf(alertMail);
    expect(alertText).toContain('jachetă roșie');
    expect(alertText).toMatch(/https:\/\/alerts\.victor\.test\/child-alerts\/[0-9a-f-]{36}\?lang=ro/);
    expect(alertText).toMatch(/https:\/\/alerts\.victor\.test\/cap\/test-[0-9a-f-]{36}\.xml/);

    // With SMTP: held mails are released and sent, with List-Unsubscribe.
    const smtpCtx = { ...t.ctx, config: { ...t.ctx.config, VICTOR_SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } };
    const transport = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const sender = await createMailSender(smtpCtx, { transport });
    const loop = sender.loop();
    await expect.poll(async () => (await outboxRows()).filter((m) => m.status !== 'sent').length, { timeout: 10_000 }).toBe(0);
    sender.halt();
    await loop;
    await sender.stop();
    const sent = delivered.find((d) => d.to.includes('parent@example.org') && d.raw.includes('List-Unsubscribe'))!;
    expect(sent).toBeDefined();
    const unsubscribeToken = decodeURIComponent(tokenIn(alertText, 'unsubscribe')!);
    expect(sent.raw.replace(/=\r?\n/g, '')).toContain(`unsubscribe?token=${unsubscribeToken}`);

    // Unsubscribe: GET shows a button, POST unsubscribes; later messages do not reach the address.
    expect((await anon.get(`/child-alerts/subscriptions/unsubscribe?token=${unsubscribeToken}`)).statusCode).toBe(200);
    expect((await publishTestMessage(t.ctx, { organisationId: org.id, countryCode: 'MD' })).counts.mails).toBe(1);
    expect(outcome(await anon.post('/api/public/alert-subscriptions/unsubscribe', { token: unsubscribeToken }))).toBe('200');
    expect((await publishTestMessage(t.ctx, { organisationId: org.id, countryCode: 'MD' })).counts.mails).toBe(0);
    row = await queryRows(t.ctx.database.db, sql`SELECT action FROM audit_log WHERE action LIKE 'alert_email_subscription.%'`);
    expect(row.length).toBeGreaterThanOrEqual(3);
  });

  it('retries failed SMTP sends with back-off and then gives up (dead)', async () => {
    const fail = { sendMail: async () => { throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }); }, close: () => {} };
    const smtpCtx = { ...t.ctx, config: { ...t.ctx.config, VICTOR_SMTP_URL: 'smtp://127.0.0.1:1' } };
    await new TestClient(app).post('/api/public/alert-subscriptions', { email: 'late@example.org', countries: ['RO'], language: 'en' });
    await t.ctx.database.db.execute(sql`UPDATE mail_outbox SET status = 'pending' WHERE status = 'held'`);
    const sender = await createMailSender(smtpCtx, { transport: fail as never, backoff: { baseMs: 1, factor: 1, capMs: 1, maxAttempts: 2, jitter: 0 } });
    await sender.runOnce();
    await new Promise((r) => setTimeout(r, 5));
    await sender.runOnce();
    const rows = await queryRows<{ status: string; attempts: number; last_error: string }>(t.ctx.database.db, sql`SELECT status, attempts, last_error FROM mail_outbox WHERE purpose = 'subscription_confirm' ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toMatchObject({ status: 'dead', attempts: 2, last_error: 'ECONNREFUSED' });
  });

  it('shows administrators counts and masked held mails', async () => {
    await new TestClient(app).post('/api/public/alert-subscriptions', { email: 'masked.person@example.org', countries: ['RO'], language: 'hu' });
    const summary = (await admin.get('/api/admin/alert-email/summary')).json() as { smtpConfigured: boolean; subscribers: { country: string; language: string; confirmed: number; pending: number }[]; outbox: Record<string, number> };
    expect(summary.smtpConfigured).toBe(false);
    expect(summary.subscribers).toContainEqual({ country: 'RO', language: 'hu', confirmed: 0, pending: 1 });
    expect(summary.outbox.held).toBeGreaterThan(0);
    const held = await admin.get('/api/admin/alert-email/outbox?status=held');
    expect(held.body).toContain('m***@example.org');
    expect(held.body).not.toContain('masked.person');
    expect((await admin.post('/api/admin/alert-email/outbox/retry')).json()).toMatchObject({ retried: expect.any(Number) });
  });

  it('serves the subscribe page in every language', async () => {
    for (const lang of ['en', 'el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru']) {
      const res = await new TestClient(app).get(`/child-alerts/subscribe?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('data-api="/api/public/alert-subscriptions"');
    }
    const el = await new TestClient(app).get('/child-alerts/subscribe?lang=el&country=GR');
    expect(el.body).toContain('Ειδοποιήσεις για παιδιά με e-mail');
    expect((await new TestClient(app).get('/child-alerts/assets/subscribe.js')).body).toContain('x-csrf-token');
  });
});
