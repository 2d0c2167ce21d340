/**
 * The child-alert rows of the authorization matrix: every console alert, pre-alert, country
 * setting, distribution (webhooks, e-mail), ingest, regional map and missing-child action, the
 * records they act on (fresh per role) and the policy as the product states it — written by hand,
 * not computed from ROLE_PERMISSIONS. Used by authorization-matrix-alerts.test.ts;
 * authorization-matrix.test.ts counts these routes as covered.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { alertDraftCreateSchema, type AlertSettings } from '../../../src/api/alerts.schemas';
import { consentInputSchema } from '../../../src/api/cases.schemas';
import { missingReportCreateSchema } from '../../../src/api/missing-children.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { approveAlert } from '../../../src/services/alert-lifecycle.service';
import { sendPreAlerts } from '../../../src/services/alert-pre-alert.service';
import { getAlertSettings } from '../../../src/services/alert-settings.service';
import { createAlertDraft, uploadAlertPhoto } from '../../../src/services/alert.service';
import { createWebhookSubscription } from '../../../src/services/alert-webhook.service';
import { createSource } from '../../../src/services/alert-ingest-admin.service';
import { quarantineDocument } from '../../../src/services/alert-ingest.service';
import { drawDemoSilhouettePng } from '../../../src/services/alert-demo-photo';
import { recordConsent } from '../../../src/services/case.service';
import { uploadDocument } from '../../../src/services/case-document.service';
import { SYSTEM_ACTOR, type Actor, type ServiceContext } from '../../../src/services/context';
import { openMissingChildCase } from '../../../src/services/missing-child.service';
import type { TestClient } from '../../helpers/http-client';
import { draftBody, uploadPhoto } from '../alerts/alert-core-support';
import { readCorpus } from '../alerts/alert-ingest-support';

/**
 * The home organisation in Greece (every signed-in role sits there), a Bulgarian desk that
 * pre-alerts Greece, the Greek users who draft and approve the fixture alerts (never the signed-in
 * user, so four-eyes does not interfere), and a loopback receiver for webhooks and ingest feeds.
 */
export interface AlertsWorld {
  home: OrganisationRow;
  bgDesk: OrganisationRow;
  grDrafter: Actor;
  grApprover: Actor;
  bgDrafter: Actor;
  bgApprover: Actor;
  /** Base URL of the local receiver: /hook answers 200, /feed an empty Atom feed. */
  receiver: string;
}

/** Records one role acts on, fresh per role so that allowed actions can succeed. */
export interface AlertsFixture {
  tag: string;
  /** A Greek draft (by grDrafter, with photo) to edit and give a new photo. */
  editDraftId: string;
  editDraftVersion: number;
  /** A Greek draft (by grDrafter, with photo) to withdraw. */
  withdrawDraftId: string;
  withdrawDraftVersion: number;
  /** A Greek draft (by grDrafter, with photo) to approve. */
  approveDraftId: string;
  approveDraftVersion: number;
  /** A Greek alert approved (not issued) by grApprover. */
  approvedId: string;
  approvedVersion: number;
  /** Issued Greek alerts: one to read (photo) and pre-alert from, one each to extend, resolve and cancel. */
  readId: string;
  readMessageId: string;
  extendId: string;
  extendVersion: number;
  resolveId: string;
  resolveVersion: number;
  cancelId: string;
  cancelVersion: number;
  /** A pre-alert from Bulgaria received by Greece (the home country). */
  incomingPreAlertId: string;
  /** The Greek settings version when the fixture was made. */
  settings: Omit<AlertSettings, 'countryCode' | 'updatedAt'>;
  webhookId: string;
  sourceId: string;
  quarantineId: number;
  /** A consented missing-child case of the home organisation with an image document. */
  missingCaseId: string;
  missingVersion: number;
  missingPhotoDocumentId: string;
}

interface AlertsAction {
  route: string;
  run: (c: TestClient, f: AlertsFixture, w: AlertsWorld) => Promise<LightMyRequestResponse>;
}

/** A CAP 1.2 document (OASIS appendix A.1, read from the shared reference) with a fresh identifier. */
function capDocument(tag: string): Buffer {
  const xml = readCorpus('corpus/oasis-spec-examples/v1dot2_appendix_adot1.xml').toString('utf8');
  return Buffer.from(xml.replace(/<identifier>[^<]*<\/identifier>/, `<identifier>matrix-${tag}</identifier>`), 'utf8');
}

const A = '/api/alerts';
const W = '/api/admin/alert-webhooks';
const I = '/api/alert-ingest';
const M = '/api/cases';
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

export const ALERTS_ACTIONS: Record<string, AlertsAction> = {
  // ── Console alerts ─────────────────────────────────────────────────────────────────────────
  'list alerts': { route: 'GET /api/alerts', run: (c) => c.get(A) },
  'draft alert': { route: 'POST /api/alerts', run: (c, f) => c.post(A, draftBody({ area: { description: `Matrix draft ${f.tag}`, circles: ['40.64,22.94 20'], countries: ['GR'] } })) },
  'read alert': { route: 'GET /api/alerts/:id', run: (c, f) => c.get(`${A}/${f.readId}`) },
  'edit draft': { route: 'PATCH /api/alerts/:id', run: (c, f) => c.patch(`${A}/${f.editDraftId}`, { version: f.editDraftVersion, area: { description: `Matrix area ${f.tag}`, circles: ['40.64,22.94 20'], countries: ['GR'] } }) },
  'upload photo': { route: 'POST /api/alerts/:id/photo', run: (c, f) => uploadPhoto(c, f.editDraftId) },
  'read photo': { route: 'GET /api/alerts/:id/photo', run: (c, f) => c.get(`${A}/${f.readId}/photo`) },
  'approve draft': { route: 'POST /api/alerts/:id/approve', run: (c, f) => c.post(`${A}/${f.approveDraftId}/approve`, { version: f.approveDraftVersion, issueNow: false }) },
  'issue alert': { route: 'POST /api/alerts/:id/issue', run: (c, f) => c.post(`${A}/${f.approvedId}/issue`, { version: f.approvedVersion }) },
  'extend alert': { route: 'POST /api/alerts/:id/extend', run: (c, f) => c.post(`${A}/${f.extendId}/extend`, { version: f.extendVersion }) },
  'resolve alert': { route: 'POST /api/alerts/:id/resolve', run: (c, f) => c.post(`${A}/${f.resolveId}/resolve`, { version: f.resolveVersion, note: 'Found safe (matrix)' }) },
  'withdraw draft': { route: 'POST /api/alerts/:id/cancel', run: (c, f) => c.post(`${A}/${f.withdrawDraftId}/cancel`, { version: f.withdrawDraftVersion, reason: 'Drafted twice (matrix)' }) },
  'cancel issued alert': { route: 'POST /api/alerts/:id/cancel', run: (c, f) => c.post(`${A}/${f.cancelId}/cancel`, { version: f.cancelVersion, reason: 'Issued in error (matrix)' }) },
  'send pre-alert': { route: 'POST /api/alerts/:id/pre-alerts', run: (c, f) => c.post(`${A}/${f.readId}/pre-alerts`, { countries: ['BG'], note: 'Matrix pre-alert' }) },
  'pre-alert inbox': { route: 'GET /api/pre-alerts', run: (c) => c.get('/api/pre-alerts?box=inbox') },
  'answer pre-alert': { route: 'POST /api/pre-alerts/:id/actions', run: (c, f) => c.post(`/api/pre-alerts/${f.incomingPreAlertId}/actions`, { action: 'acknowledge', note: 'Seen (matrix)' }) },
  'list alert settings': { route: 'GET /api/alert-settings', run: (c) => c.get('/api/alert-settings') },
  'read alert settings': { route: 'GET /api/alert-settings/:country', run: (c) => c.get('/api/alert-settings/GR') },
  'change alert settings': { route: 'PUT /api/alert-settings/:country', run: (c, f) => c.request('PUT', '/api/alert-settings/GR', { ...f.settings, repeatMinutes: f.settings.repeatMinutes === 45 ? 50 : 45 }) },
  // ── Distribution ───────────────────────────────────────────────────────────────────────────
  'list webhooks': { route: 'GET /api/admin/alert-webhooks', run: (c) => c.get(W) },
  'create webhook': { route: 'POST /api/admin/alert-webhooks', run: (c, f, w) => c.post(W, { name: `Matrix hook ${f.tag}`, url: `${w.receiver}/hook`, countries: ['GR'] }) },
  'change webhook': { route: 'PATCH /api/admin/alert-webhooks/:id', run: (c, f) => c.patch(`${W}/${f.webhookId}`, { name: `Matrix renamed ${f.tag}` }) },
  'rotate webhook secret': { route: 'POST /api/admin/alert-webhooks/:id/rotate-secret', run: (c, f) => c.post(`${W}/${f.webhookId}/rotate-secret`) },
  'ping webhook': { route: 'POST /api/admin/alert-webhooks/:id/ping', run: (c, f) => c.post(`${W}/${f.webhookId}/ping`) },
  'webhook deliveries': { route: 'GET /api/admin/alert-webhooks/:id/deliveries', run: (c, f) => c.get(`${W}/${f.webhookId}/deliveries`) },
  'message deliveries': { route: 'GET /api/admin/alert-messages/:id/deliveries', run: (c, f) => c.get(`/api/admin/alert-messages/${f.readMessageId}/deliveries`) },
  'dead letters': { route: 'GET /api/admin/alert-webhook-deliveries/dead', run: (c) => c.get('/api/admin/alert-webhook-deliveries/dead') },
  'retry dead letters': { route: 'POST /api/admin/alert-webhook-deliveries/retry', run: (c, f) => c.post('/api/admin/alert-webhook-deliveries/retry', { subscriptionId: f.webhookId }) },
  'delete webhook': { route: 'DELETE /api/admin/alert-webhooks/:id', run: (c, f) => c.delete(`${W}/${f.webhookId}`) },
  'e-mail summary': { route: 'GET /api/admin/alert-email/summary', run: (c) => c.get('/api/admin/alert-email/summary') },
  'e-mail outbox': { route: 'GET /api/admin/alert-email/outbox', run: (c) => c.get('/api/admin/alert-email/outbox?status=dead') },
  'retry dead mails': { route: 'POST /api/admin/alert-email/outbox/retry', run: (c) => c.post('/api/admin/alert-email/outbox/retry') },
  // ── Ingest and the regional map ────────────────────────────────────────────────────────────
  'push CAP document': { route: 'POST /api/alert-ingest', run: (c, f) => c.request('POST', I, capDocument(f.tag), { 'content-type': 'application/cap+xml' }) },
  'list ingest sources': { route: 'GET /api/alert-ingest/sources', run: (c) => c.get(`${I}/sources`) },
  'add ingest source': { route: 'POST /api/alert-ingest/sources', run: (c, f, w) => c.post(`${I}/sources`, { name: `Matrix source ${f.tag}`, url: `${w.receiver}/feed?added=${f.tag}`, kind: 'atom', countryCode: 'GR', active: false }) },
  'change ingest source': { route: 'PATCH /api/alert-ingest/sources/:id', run: (c, f) => c.patch(`${I}/sources/${f.sourceId}`, { name: `Matrix renamed ${f.tag}` }) },
  'poll ingest source': { route: 'POST /api/alert-ingest/sources/:id/poll', run: (c, f) => c.post(`${I}/sources/${f.sourceId}/poll`) },
  'delete ingest source': { route: 'DELETE /api/alert-ingest/sources/:id', run: (c, f) => c.delete(`${I}/sources/${f.sourceId}`) },
  quarantine: { route: 'GET /api/alert-ingest/quarantine', run: (c) => c.get(`${I}/quarantine`) },
  'delete quarantine entry': { route: 'DELETE /api/alert-ingest/quarantine/:id', run: (c, f) => c.delete(`${I}/quarantine/${f.quarantineId}`) },
  'empty quarantine': { route: 'DELETE /api/alert-ingest/quarantine', run: (c) => c.delete(`${I}/quarantine`) },
  'ingested alerts': { route: 'GET /api/alert-ingest/alerts', run: (c) => c.get(`${I}/alerts`) },
  'regional map': { route: 'GET /api/regional-alerts', run: (c) => c.get('/api/regional-alerts') },
  'map outlines': { route: 'GET /api/regional-alerts/outlines', run: (c) => c.get('/api/regional-alerts/outlines') },
  // ── Missing-child (116 000) cases ──────────────────────────────────────────────────────────
  'report missing child': {
    route: 'POST /api/missing-children',
    run: (c, f) =>
      c.post('/api/missing-children', {
        title: `Matrix missing ${f.tag}`,
        child: { ageYears: 11, gender: 'male' },
        missingType: 'runaway',
        lastSeen: { at: hoursAgo(2), place: 'Matrix square', country: 'GR' },
      }),
  },
  'list missing children': { route: 'GET /api/missing-children', run: (c) => c.get('/api/missing-children') },
  'read missing report': { route: 'GET /api/cases/:id/missing-report', run: (c, f) => c.get(`${M}/${f.missingCaseId}/missing-report`) },
  'edit missing report': { route: 'PATCH /api/cases/:id/missing-report', run: (c, f) => c.patch(`${M}/${f.missingCaseId}/missing-report`, { description: `Matrix description ${f.tag}`, version: f.missingVersion }) },
  'set missing photo': { route: 'POST /api/cases/:id/missing-report/photo', run: (c, f) => c.post(`${M}/${f.missingCaseId}/missing-report/photo`, { documentId: f.missingPhotoDocumentId, version: f.missingVersion + 1 }) },
  'alert pre-fill': { route: 'GET /api/cases/:id/missing-report/alert-prefill', run: (c, f) => c.get(`${M}/${f.missingCaseId}/missing-report/alert-prefill`) },
  'refer abroad': { route: 'POST /api/cases/:id/missing-report/referrals', run: (c, f, w) => c.post(`${M}/${f.missingCaseId}/missing-report/referrals`, { toOrganisationId: w.bgDesk.id, note: 'Matrix referral' }) },
  'record found': {
    route: 'POST /api/cases/:id/missing-report/actions',
    run: (c, f) => c.post(`${M}/${f.missingCaseId}/missing-report/actions`, { action: 'found', foundAt: hoursAgo(0), outcome: 'found_safe', condition: 'unharmed', version: f.missingVersion + 3 }),
  },
};

const Y = '200';
const N = '403 FORBIDDEN';

//                           operator case_mgr superv. country  region   trainer  liaison  evaluat. admin
/** Console readers of child alerts (alerts.read): every desk role working the helpline or cases. */
const READ = /*         */ [Y,       Y,       Y,       Y,       Y,       N,       Y,       N,       N];
/** Drafting and editing drafts (alerts.draft) at the home desk. */
const DRAFT = /*        */ [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N];
/** Approval, issue and the life cycle of an issued alert (alerts.publish). */
const PUBLISH = /*      */ [N,       N,       Y,       Y,       Y,       N,       N,       N,       N];
/** A country's alert settings (alerts.configure for that country). */
const CONFIGURE = /*    */ [N,       N,       N,       Y,       Y,       N,       N,       N,       Y];
/**
 * Webhooks, e-mail distribution and ingest serve the whole network: a region-wide alerts.configure
 * grant only (regional coordinator, administrator); a country coordinator is refused.
 */
const NETWORK = /*      */ [N,       N,       N,       N,       Y,       N,       N,       N,       Y];
/** Settings are read by alert readers and configurers alike. */
const SETTINGS_READ = /**/ [Y,       Y,       Y,       Y,       Y,       N,       Y,       N,       Y];
/** Missing-child cases follow the case rules: readers, writers, and the liaison officer's own-records scope. */
const CASE_LIST = /*    */ [Y,       Y,       Y,       Y,       Y,       N,       Y,       N,       N];
const CASE_READ = /*    */ [Y,       Y,       Y,       Y,       Y,       N,       '403 CASE_ACCESS_DENIED', N, N];
const CASE_WRITE = /*   */ [N,       Y,       Y,       Y,       Y,       N,       N,       N,       N];

/** The policy, per action, in the column order of the main matrix. */
export const ALERTS_MATRIX: Record<keyof typeof ALERTS_ACTIONS, string[]> = {
  'list alerts': READ,
  'draft alert': DRAFT,
  'read alert': READ,
  'edit draft': DRAFT,
  'upload photo': DRAFT,
  'read photo': READ,
  'approve draft': PUBLISH,
  'issue alert': PUBLISH,
  'extend alert': PUBLISH,
  'resolve alert': PUBLISH,
  'withdraw draft': DRAFT,
  'cancel issued alert': PUBLISH,
  'send pre-alert': PUBLISH,
  'pre-alert inbox': READ,
  'answer pre-alert': PUBLISH,
  'list alert settings': SETTINGS_READ,
  'read alert settings': SETTINGS_READ,
  'change alert settings': CONFIGURE,
  'list webhooks': NETWORK,
  'create webhook': NETWORK,
  'change webhook': NETWORK,
  'rotate webhook secret': NETWORK,
  'ping webhook': NETWORK,
  'webhook deliveries': NETWORK,
  'message deliveries': NETWORK,
  'dead letters': NETWORK,
  'retry dead letters': NETWORK,
  'delete webhook': NETWORK,
  'e-mail summary': NETWORK,
  'e-mail outbox': NETWORK,
  'retry dead mails': NETWORK,
  'push CAP document': NETWORK,
  'list ingest sources': NETWORK,
  'add ingest source': NETWORK,
  'change ingest source': NETWORK,
  'poll ingest source': NETWORK,
  'delete ingest source': NETWORK,
  quarantine: NETWORK,
  'delete quarantine entry': NETWORK,
  'empty quarantine': NETWORK,
  'ingested alerts': NETWORK,
  'regional map': READ,
  'map outlines': READ,
  'report missing child': CASE_WRITE,
  'list missing children': CASE_LIST,
  'read missing report': CASE_READ,
  'edit missing report': CASE_WRITE,
  'set missing photo': CASE_WRITE,
  'alert pre-fill': CASE_WRITE,
  'refer abroad': CASE_WRITE,
  'record found': CASE_WRITE,
};

const PNG = drawDemoSilhouettePng();

/** A Greek draft by grDrafter with a photo; returns id and version. */
async function makeDraft(ctx: ServiceContext, w: AlertsWorld, tag: string): Promise<{ id: string; version: number }> {
  const draft = await createAlertDraft(ctx, w.grDrafter, alertDraftCreateSchema.parse(draftBody({ area: { description: `Matrix fixture ${tag}`, circles: ['40.64,22.94 20'], countries: ['GR'] } })));
  const withPhoto = await uploadAlertPhoto(ctx, w.grDrafter, draft.id, { declaredType: 'image/png', bytes: PNG });
  return { id: withPhoto.id, version: withPhoto.version };
}

/** A Greek alert drafted by grDrafter and approved (and issued, unless issueNow is false) by grApprover. */
async function makeIssued(ctx: ServiceContext, w: AlertsWorld, tag: string, issueNow = true): Promise<{ id: string; version: number; messageId: string | null }> {
  const d = await makeDraft(ctx, w, tag);
  const view = await approveAlert(ctx, w.grApprover, d.id, { version: d.version, issueNow });
  const [msg] = await queryRows<{ id: string }>(ctx.database.db, sql`SELECT id FROM alert_messages WHERE alert_id = ${view.id} ORDER BY seq LIMIT 1`);
  return { id: view.id, version: view.version, messageId: msg?.id ?? null };
}

/** Fresh alerts, a pre-alert, a webhook, an ingest source, a quarantine entry and a missing-child case. */
export async function makeAlertsFixture(ctx: ServiceContext, w: AlertsWorld): Promise<AlertsFixture> {
  const tag = randomUUID().slice(0, 8);
  const editDraft = await makeDraft(ctx, w, `${tag}-edit`);
  const withdrawDraft = await makeDraft(ctx, w, `${tag}-withdraw`);
  const approveDraft = await makeDraft(ctx, w, `${tag}-approve`);
  const approved = await makeIssued(ctx, w, `${tag}-approved`, false);
  const webhook = await createWebhookSubscription(ctx, SYSTEM_ACTOR, { name: `Matrix fixture hook ${tag}`, url: `${w.receiver}/hook`, countries: ['GR'], languages: [], includeDrills: false, active: true });
  const read = await makeIssued(ctx, w, `${tag}-read`);
  const extend = await makeIssued(ctx, w, `${tag}-extend`);
  const resolve = await makeIssued(ctx, w, `${tag}-resolve`);
  const cancel = await makeIssued(ctx, w, `${tag}-cancel`);
  // The subscription's delivery of the first message gave up: a dead letter to list and retry.
  await queryRows(ctx.database.db, sql`INSERT INTO alert_webhook_deliveries (subscription_id, message_id, status, attempts, last_status_code, last_error) VALUES (${webhook.subscription.id}, ${read.messageId}, 'dead', 8, 503, 'matrix') ON CONFLICT (subscription_id, message_id) DO UPDATE SET status = 'dead', attempts = 8`);
  // Bulgaria pre-alerts Greece about its own issued alert.
  const bgDraft = await createAlertDraft(ctx, w.bgDrafter, alertDraftCreateSchema.parse(draftBody({ countryCode: 'BG', area: { description: `Matrix BG ${tag}`, circles: ['42.69,23.32 20'], countries: ['BG'] }, content: { ...draftBody().content, texts: { bg: { headline: 'Отвлечено дете', description: 'Последно видяно в София.', instruction: 'Обадете се.' }, en: { headline: 'Child abduction in Sofia', description: 'Last seen in Sofia.', instruction: 'Call at once.' } } } })));
  const bgPhoto = await uploadAlertPhoto(ctx, w.bgDrafter, bgDraft.id, { declaredType: 'image/png', bytes: PNG });
  const bgIssued = await approveAlert(ctx, w.bgApprover, bgDraft.id, { version: bgPhoto.version, issueNow: true });
  await sendPreAlerts(ctx, w.bgApprover, bgIssued.id, { countries: ['GR'], note: 'Matrix fixture pre-alert' });
  const [pre] = await queryRows<{ id: string }>(ctx.database.db, sql`SELECT id FROM alert_pre_alerts WHERE alert_id = ${bgIssued.id} AND to_country_code = 'GR'`);
  const { countryCode: _c, updatedAt: _u, ...settings } = await getAlertSettings(ctx, SYSTEM_ACTOR, 'GR');
  const source = await createSource(ctx, SYSTEM_ACTOR, { name: `Matrix fixture source ${tag}`, url: `${w.receiver}/feed?fixture=${tag}`, kind: 'atom', countryCode: 'GR', pollSeconds: 600, active: false });
  await quarantineDocument(ctx, { sourceId: source.id, countryCode: 'GR', baseUrl: null }, Buffer.from(`<!DOCTYPE x [<!ENTITY a "matrix ${tag}">]><x>&a;</x>`), 60, 'CAP_DOCTYPE_FORBIDDEN', `matrix ${tag}`);
  const [q] = await queryRows<{ id: string | number }>(ctx.database.db, sql`SELECT id FROM alert_ingest_quarantine WHERE detail = ${`matrix ${tag}`}`);
  const missing = await makeMissingCase(ctx, w, tag);
  return {
    tag,
    editDraftId: editDraft.id,
    editDraftVersion: editDraft.version,
    withdrawDraftId: withdrawDraft.id,
    withdrawDraftVersion: withdrawDraft.version,
    approveDraftId: approveDraft.id,
    approveDraftVersion: approveDraft.version,
    approvedId: approved.id,
    approvedVersion: approved.version,
    readId: read.id,
    readMessageId: read.messageId!,
    extendId: extend.id,
    extendVersion: extend.version,
    resolveId: resolve.id,
    resolveVersion: resolve.version,
    cancelId: cancel.id,
    cancelVersion: cancel.version,
    incomingPreAlertId: pre!.id,
    settings,
    webhookId: webhook.subscription.id,
    sourceId: source.id,
    quarantineId: Number(q!.id),
    ...missing,
  };
}

/** A consented missing-child case of the home organisation with an image document to use as its photo. */
async function makeMissingCase(ctx: ServiceContext, w: AlertsWorld, tag: string): Promise<Pick<AlertsFixture, 'missingCaseId' | 'missingVersion' | 'missingPhotoDocumentId'>> {
  const report = await openMissingChildCase(
    ctx,
    SYSTEM_ACTOR,
    missingReportCreateSchema.parse({ organisationId: w.home.id, title: `Matrix fixture missing ${tag}`, child: { givenName: 'Fixture', ageYears: 9 }, missingType: 'lost_injured', lastSeen: { at: hoursAgo(5), place: 'Matrix park', country: 'GR' } }),
  );
  const [c] = await queryRows<{ version: number }>(ctx.database.db, sql`SELECT version FROM cases WHERE id = ${report.caseId}`);
  await recordConsent(ctx, SYSTEM_ACTOR, report.caseId, consentInputSchema.parse({ given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: true, version: c!.version }));
  const doc = await uploadDocument(ctx, SYSTEM_ACTOR, report.caseId, { fileName: 'photo.png', declaredType: 'image/png', bytes: PNG, kind: 'identity' });
  return { missingCaseId: report.caseId, missingVersion: report.version, missingPhotoDocumentId: doc.id };
}
