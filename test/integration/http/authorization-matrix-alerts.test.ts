import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { ROLES, type Role } from '../../../src/domain/access/roles';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';
import { buildCataloguedApp, routeKey, type CatalogueRoute } from '../../helpers/route-catalogue';
import { useTestContext } from '../../helpers/test-context';
import { ensureAlertSettings } from '../alerts/alert-core-support';
import { LocalServer } from '../alerts/alert-ingest-support';
import { ALERTS_ACTIONS, ALERTS_MATRIX, makeAlertsFixture, type AlertsWorld } from './alerts-matrix';
import { outcome, signedIn } from './support';

// The webhook receiver and the ingest feed are a local server (no network): loopback must be allowed.
const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000', VICTOR_ALLOW_PRIVATE_ENDPOINTS: 'true' });
const COLUMNS: Role[] = ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator', 'trainer', 'liaison_officer', 'evaluator', 'administrator'];

const EMPTY_FEED = '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:matrix:feed</id><title>Matrix</title><updated>2026-01-01T00:00:00Z</updated></feed>';

/** Audit actions each allowed action leaves behind (by the signed-in user), and the action. */
const AUDITED: Record<string, string> = {
  // Readers without a desk (alerts.publish) get an empty inbox: only desks see — and are audited reading — the pre-alert.
  'alert.pre_alerts_viewed': 'answer pre-alert',
  'alert.settings_updated': 'change alert settings',
  'alert_webhook.updated': 'change webhook',
  'alert_webhook.secret_rotated': 'rotate webhook secret',
  'alert_webhook.pinged': 'ping webhook',
  'alert_webhook.deliveries_retried': 'retry dead letters',
  'mail_outbox.retried': 'retry dead mails',
  'alert_ingest.pushed': 'push CAP document',
  'alert_ingest_source.updated': 'change ingest source',
  'alert_ingest.polled': 'poll ingest source',
  'alert_ingest_quarantine.deleted': 'delete quarantine entry',
  'alert_ingest_quarantine.cleared': 'empty quarantine',
  'missing_report.updated': 'edit missing report',
  'missing_report.photo_set': 'set missing photo',
  'missing_report.referred_abroad': 'refer abroad',
};

let app: FastifyInstance;
let routes: CatalogueRoute[];
let world: AlertsWorld;
const receiver = new LocalServer();
beforeAll(async () => {
  receiver.route('/hook', (_req, res) => {
    res.statusCode = 200;
    res.end('ok');
  });
  receiver.route('/feed', (_req, res) => {
    res.setHeader('content-type', 'application/atom+xml');
    res.end(EMPTY_FEED);
  });
  await receiver.start();
  ({ app, routes } = await buildCataloguedApp(t.ctx));
  await ensureAlertSettings(t.ctx);
  const home = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const bgDesk = await makeOrganisation(t.ctx, { countryCode: 'BG' });
  // Both organisations work cases, so the Bulgarian one is a desk a missing child may be referred to.
  await makeUser(t.ctx, { role: 'case_manager', organisationId: bgDesk.id });
  const actor = async (role: Role, organisationId: string) => ({ principal: (await makeUser(t.ctx, { role, organisationId })).principal, requestId: null });
  world = {
    home,
    bgDesk,
    grDrafter: await actor('case_manager', home.id),
    grApprover: await actor('supervisor', home.id),
    bgDrafter: await actor('case_manager', bgDesk.id),
    bgApprover: await actor('supervisor', bgDesk.id),
    receiver: receiver.base,
  };
});
afterAll(async () => {
  await app?.close();
  await receiver.stop();
});

describe('authorization matrix: role × child-alert action', () => {
  it('states every role and every action, on routes that exist', () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
    expect(Object.keys(ALERTS_MATRIX).sort()).toEqual(Object.keys(ALERTS_ACTIONS).sort());
    for (const row of Object.values(ALERTS_MATRIX)) expect(row).toHaveLength(COLUMNS.length);
    for (const a of Object.values(ALERTS_ACTIONS)) expect(routes.map(routeKey), a.route).toContain(a.route);
  });

  it.each(COLUMNS.map((role, column) => [role, column] as const))('%s gets exactly the stated answers', async (role, column) => {
    const { client, user } = await signedIn(app, t.ctx, { role, organisationId: world.home.id });
    const f = await makeAlertsFixture(t.ctx, world);
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [name, action] of Object.entries(ALERTS_ACTIONS)) {
      actual[name] = outcome(await action.run(client, f, world));
      expected[name] = ALERTS_MATRIX[name]![column]!;
    }
    expect(actual).toEqual(expected);

    // A refused action left no trace; an allowed one took effect.
    const db = t.ctx.database.db;
    const allowed = (action: string) => ALERTS_MATRIX[action]![column] === '200';
    const has = async (q: ReturnType<typeof sql>) => (await queryRows(db, q)).length > 0;
    const effects = {
      drafted: await has(sql`SELECT 1 FROM alerts WHERE area_desc = ${`Matrix draft ${f.tag}`} AND drafted_by = ${user.id}`),
      edited: await has(sql`SELECT 1 FROM alerts WHERE id = ${f.editDraftId} AND area_desc = ${`Matrix area ${f.tag}`}`),
      photoReplaced: Number((await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM alert_resources WHERE alert_id = ${f.editDraftId}`))[0]!.n) > 1,
      approved: await has(sql`SELECT 1 FROM alerts WHERE id = ${f.approveDraftId} AND status = 'approved' AND approved_by = ${user.id}`),
      issued: await has(sql`SELECT 1 FROM alerts WHERE id = ${f.approvedId} AND status = 'issued' AND issued_by = ${user.id}`),
      extended: await has(sql`SELECT 1 FROM alerts WHERE id = ${f.extendId} AND extensions = 1`),
      resolved: await has(sql`SELECT 1 FROM alerts WHERE id = ${f.resolveId} AND status = 'resolved'`),
      withdrawn: await has(sql`SELECT 1 FROM alerts WHERE id = ${f.withdrawDraftId} AND status = 'cancelled' AND resolution = 'withdrawn'`),
      cancelled: await has(sql`SELECT 1 FROM alerts WHERE id = ${f.cancelId} AND status = 'cancelled'`),
      preAlertSent: await has(sql`SELECT 1 FROM alert_pre_alerts WHERE alert_id = ${f.readId} AND to_country_code = 'BG'`),
      preAlertAnswered: await has(sql`SELECT 1 FROM alert_pre_alerts WHERE id = ${f.incomingPreAlertId} AND status = 'acknowledged' AND answered_by = ${user.id}`),
      settingsChanged: await has(sql`SELECT 1 FROM alert_country_settings WHERE country_code = 'GR' AND version = ${f.settings.version + 1}`),
      webhookCreated: await has(sql`SELECT 1 FROM alert_webhook_subscriptions WHERE name = ${`Matrix hook ${f.tag}`}`),
      webhookDeleted: !(await has(sql`SELECT 1 FROM alert_webhook_subscriptions WHERE id = ${f.webhookId}`)),
      sourceCreated: await has(sql`SELECT 1 FROM alert_ingest_sources WHERE name = ${`Matrix source ${f.tag}`}`),
      sourceDeleted: !(await has(sql`SELECT 1 FROM alert_ingest_sources WHERE id = ${f.sourceId}`)),
      quarantineCleared: !(await has(sql`SELECT 1 FROM alert_ingest_quarantine WHERE id = ${f.quarantineId}`)),
      capIngested: await has(sql`SELECT 1 FROM alert_ingested WHERE identifier = ${`matrix-${f.tag}`}`),
      missingReported: await has(sql`SELECT 1 FROM audit_log a JOIN cases c ON c.id::text = a.entity_id WHERE a.action = 'missing_report.opened' AND a.actor_user_id = ${user.id} AND c.kind = 'missing_child'`),
      missingFound: await has(sql`SELECT 1 FROM missing_child_reports WHERE case_id = ${f.missingCaseId} AND missing_status = 'found'`),
      referredAbroad: await has(sql`SELECT 1 FROM handoffs WHERE from_case_id = ${f.missingCaseId} AND to_organisation_id = ${world.bgDesk.id}`),
      // Alert and photo reads are audited; refused ones leave no read record.
      alertReadAudited: await has(sql`SELECT 1 FROM audit_log WHERE action = 'alert.viewed' AND entity_id = ${f.readId} AND actor_user_id = ${user.id}`),
      photoReadAudited: await has(sql`SELECT 1 FROM audit_log WHERE action = 'alert.photo_viewed' AND entity_id = ${f.readId} AND actor_user_id = ${user.id}`),
      // A liaison officer's refused missing-report read is audited as an access attempt.
      missingDeniedAudited: await has(sql`SELECT 1 FROM audit_log WHERE action = 'case.access_denied' AND entity_id = ${f.missingCaseId} AND actor_user_id = ${user.id}`),
    };
    // Every allowed change (and audited read) left its audit row, with the local receiver answering the ping.
    const audited: Record<string, boolean> = {};
    const auditExpected: Record<string, boolean> = {};
    for (const [action, name] of Object.entries(AUDITED)) {
      audited[action] = await has(sql`SELECT 1 FROM audit_log WHERE action = ${action} AND actor_user_id = ${user.id}`);
      auditExpected[action] = allowed(name);
    }
    expect(audited).toEqual(auditExpected);
    expect(await has(sql`SELECT 1 FROM audit_log WHERE action = 'alert_webhook.pinged' AND actor_user_id = ${user.id} AND details->>'ok' = 'true'`)).toBe(allowed('ping webhook'));
    expect(effects).toEqual({
      drafted: allowed('draft alert'),
      edited: allowed('edit draft'),
      photoReplaced: allowed('upload photo'),
      approved: allowed('approve draft'),
      issued: allowed('issue alert'),
      extended: allowed('extend alert'),
      resolved: allowed('resolve alert'),
      withdrawn: allowed('withdraw draft'),
      cancelled: allowed('cancel issued alert'),
      preAlertSent: allowed('send pre-alert'),
      preAlertAnswered: allowed('answer pre-alert'),
      settingsChanged: allowed('change alert settings'),
      webhookCreated: allowed('create webhook'),
      webhookDeleted: allowed('delete webhook'),
      sourceCreated: allowed('add ingest source'),
      sourceDeleted: allowed('delete ingest source'),
      quarantineCleared: allowed('delete quarantine entry'),
      capIngested: allowed('push CAP document'),
      missingReported: allowed('report missing child'),
      missingFound: allowed('record found'),
      referredAbroad: allowed('refer abroad'),
      alertReadAudited: allowed('read alert'),
      photoReadAudited: allowed('read photo'),
      missingDeniedAudited: role === 'liaison_officer',
    });
  });
});
