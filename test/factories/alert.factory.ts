import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AlertContent } from '../../src/api/alerts.schemas';
import { alertCountrySettings, alertMessages, alertResources, alerts } from '../../src/db/schema';
import { buildAlertMessage, buildRedactedMessage, capInstant, type AlertMessageInput, type AlertMessageReason } from '../../src/domain/alerts/alert-message';
import { serializeCapAlert } from '../../src/domain/alerts/cap/cap-serialize';
import type { ServiceContext } from '../../src/services/context';

/**
 * Child alerts written straight into the tables, the way the alert service stores them: content
 * and photo bytes encrypted (contexts `alerts.content:<id>`, `alert_resources.content:<id>`,
 * bytes as base64), one CAP message per publication with `public` = Actual + Public, and after
 * resolution the personal data, photo bytes and earlier documents redacted.
 */

/** A 1×1 PNG (the photo of every test alert). */
export const TEST_PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const BASE_URL = 'http://victor.test';
let counter = 0;

/** Country alert settings (kept when the country has them already). */
export async function makeAlertSettings(ctx: ServiceContext, countryCode: string, over: Partial<typeof alertCountrySettings.$inferInsert> = {}): Promise<void> {
  await ctx.database.db
    .insert(alertCountrySettings)
    .values({
      countryCode,
      enabled: true,
      issuingAuthority: `Public prosecutor (${countryCode}, test)`,
      sender: `alerts.${countryCode.toLowerCase()}@victor.example`,
      senderName: `Victor child alerts ${countryCode} (test)`,
      criteria: { child_abduction: ['minor'], endangered_missing: ['minor'] },
      abductionMaxHours: 72,
      endangeredMaxHours: 48,
      extensionHours: 24,
      maxExtensions: 2,
      hotline: '116000',
      languages: ['en'],
      ...over,
    })
    .onConflictDoNothing();
}

/** What a test alert is made of. */
export interface TestAlertInput {
  organisationId: string;
  countryCode?: string;
  tier?: 'child_abduction' | 'endangered_missing';
  mode?: 'actual' | 'exercise' | 'test';
  status?: 'draft' | 'approved' | 'issued';
  childName?: string;
  ageYears?: number | null;
  languages?: string[];
  /** Texts per language (default: an English text naming the child). */
  texts?: AlertContent['texts'];
  photo?: boolean;
  polygons?: string[];
  circles?: string[];
  issuedAt?: Date;
  /** A restricted pre-alert message instead of a public Alert. */
  preAlertOnly?: boolean;
}

/** A test alert as stored. */
export interface TestAlert {
  id: string;
  reference: string;
  countryCode: string;
  photoId: string | null;
  messageIdentifiers: string[];
  content: AlertContent;
}

function settingsOf(countryCode: string) {
  return { sender: `alerts.${countryCode.toLowerCase()}@victor.example`, senderName: `Victor child alerts ${countryCode} (test)`, hotline: '116000', repeatMinutes: 0 };
}

function messageInput(alert: TestAlert & { mode: 'actual' | 'exercise' | 'test'; tier: 'child_abduction' | 'endangered_missing'; polygons: string[]; circles: string[] }, reason: AlertMessageReason, seq: number, sent: Date, languages: string[], content: AlertContent | null, photo: AlertMessageInput['photo']): AlertMessageInput {
  return {
    alert: {
      id: alert.id,
      reference: alert.reference,
      incidentId: `urn:victor:incident:${alert.id}`,
      countryCode: alert.countryCode,
      tier: alert.tier,
      mode: alert.mode,
      areaDesc: 'Test area around the town',
      areaPolygons: alert.polygons,
      areaCircles: alert.circles,
      areaCountries: [alert.countryCode],
    },
    settings: settingsOf(alert.countryCode),
    reason,
    seq,
    sent,
    expires: new Date(sent.getTime() + 48 * 3_600_000),
    languages,
    content,
    photo,
    references: [],
    baseUrl: BASE_URL,
  };
}

/** Insert an alert with content, optional photo and (unless draft/approved) its first message. */
export async function makeTestAlert(ctx: ServiceContext, input: TestAlertInput): Promise<TestAlert> {
  counter += 1;
  const countryCode = input.countryCode ?? 'GR';
  const id = randomUUID();
  const reference = `${countryCode}-A-2026-${String(counter).padStart(4, '0')}-${id.slice(0, 4)}`;
  const name = input.childName ?? `Test Child ${counter}`;
  const languages = input.languages ?? ['en'];
  const texts: AlertContent['texts'] =
    input.texts ?? Object.fromEntries(languages.map((l) => [l, { headline: `Missing child: ${name}`, description: `${name} went missing near the station.`, instruction: 'Do not approach. Call 116 000.' }]));
  const content: AlertContent = {
    child: { name, ageYears: input.ageYears === undefined ? 9 : input.ageYears, gender: 'female', description: 'Short dark hair, red coat, blue backpack.' },
    lastSeen: { at: '2026-11-30T08:15:00+00:00', place: 'Central bus station' },
    suspect: 'Man about 40, grey jacket',
    vehicle: 'White van, plate unknown',
    texts,
  };
  const status = input.status ?? 'issued';
  const mode = input.mode ?? 'actual';
  const tier = input.tier ?? 'child_abduction';
  const issuedAt = capInstant(input.issuedAt ?? new Date());
  const polygons = input.polygons ?? ['37.90,23.60 38.10,23.60 38.10,23.90 37.90,23.90 37.90,23.60'];
  const circles = input.circles ?? ['37.98,23.73 5'];
  await ctx.database.db.insert(alerts).values({
    id,
    reference,
    incidentId: `urn:victor:incident:${id}`,
    countryCode,
    organisationId: input.organisationId,
    tier,
    mode,
    status,
    contentEnc: ctx.encryptor.encrypt(JSON.stringify(content), `alerts.content:${id}`),
    areaDesc: 'Test area around the town',
    areaPolygons: polygons,
    areaCircles: circles,
    areaCountries: [countryCode],
    authorityName: `Public prosecutor (${countryCode}, test)`,
    expiresAt: new Date(issuedAt.getTime() + 48 * 3_600_000),
    issuedAt: status === 'issued' ? issuedAt : null,
  });
  let photoId: string | null = null;
  let photo: AlertMessageInput['photo'] = null;
  if (input.photo ?? true) {
    photoId = randomUUID();
    const sha1 = createHash('sha1').update(TEST_PHOTO).digest('hex');
    await ctx.database.db.insert(alertResources).values({
      id: photoId,
      alertId: id,
      mediaType: 'image/png',
      sizeBytes: TEST_PHOTO.length,
      sha1,
      sha256: createHash('sha256').update(TEST_PHOTO).digest('hex'),
      contentEnc: ctx.encryptor.encrypt(TEST_PHOTO.toString('base64'), `alert_resources.content:${photoId}`),
    });
    photo = { id: photoId, mediaType: 'image/png', sizeBytes: TEST_PHOTO.length, sha1 };
  }
  const alert = { id, reference, countryCode, photoId, messageIdentifiers: [] as string[], content, mode, tier, polygons, circles };
  if (status === 'issued' || input.preAlertOnly) {
    const reason: AlertMessageReason = input.preAlertOnly ? 'pre_alert' : 'issued';
    const cap = buildAlertMessage({ ...messageInput(alert, reason, 1, issuedAt, languages, content, photo), restrictedTo: input.preAlertOnly ? ['BG'] : undefined });
    await insertMessage(ctx, alert.id, 1, cap.identifier, cap.sender, issuedAt, cap.msgType, cap.status, cap.scope, reason, languages, serializeCapAlert(cap));
    alert.messageIdentifiers.push(cap.identifier);
  }
  return alert;
}

async function insertMessage(ctx: ServiceContext, alertId: string, seq: number, identifier: string, sender: string, sent: Date, msgType: string, capStatus: string, scope: string, reason: string, languages: string[], xml: string): Promise<void> {
  await ctx.database.db.insert(alertMessages).values({
    id: randomUUID(),
    alertId,
    seq,
    identifier,
    sender,
    sent,
    msgType,
    capStatus,
    scope,
    reason,
    languageCodes: languages,
    xml,
    public: capStatus === 'Actual' && scope === 'Public',
  });
}

/** Publish an Update with new texts (the content stays). */
export async function publishTestUpdate(ctx: ServiceContext, alert: TestAlert, sent = new Date()): Promise<string> {
  const [row] = await ctx.database.db.select().from(alerts).where(eq(alerts.id, alert.id));
  const seq = alert.messageIdentifiers.length + 1;
  const full = { ...alert, mode: row!.mode as 'actual', tier: row!.tier as 'child_abduction', polygons: row!.areaPolygons, circles: row!.areaCircles };
  const cap = buildAlertMessage(messageInput(full, 'updated', seq, capInstant(sent), Object.keys(alert.content.texts), alert.content, null));
  await insertMessage(ctx, alert.id, seq, cap.identifier, cap.sender, capInstant(sent), cap.msgType, cap.status, cap.scope, 'updated', Object.keys(alert.content.texts), serializeCapAlert(cap));
  alert.messageIdentifiers.push(cap.identifier);
  return cap.identifier;
}

/**
 * Close an alert as the service does: status and resolution, content removed, photo bytes deleted,
 * earlier documents replaced by redacted ones, and a closing Cancel message published.
 */
export async function closeTestAlert(ctx: ServiceContext, alert: TestAlert, how: 'resolved' | 'cancelled' | 'expired' = 'resolved', at = new Date()): Promise<string> {
  const when = capInstant(at);
  const [row] = await ctx.database.db.select().from(alerts).where(eq(alerts.id, alert.id));
  const full = { ...alert, mode: row!.mode as 'actual', tier: row!.tier as 'child_abduction', polygons: row!.areaPolygons, circles: row!.areaCircles };
  const languages = Object.keys(alert.content.texts);
  await ctx.database.db
    .update(alerts)
    .set({ status: how, resolution: how === 'resolved' ? 'found' : how === 'cancelled' ? 'cancelled_in_error' : 'expired', resolvedAt: when, contentEnc: null, redactedAt: when })
    .where(eq(alerts.id, alert.id));
  await ctx.database.db.update(alertResources).set({ contentEnc: null, deletedAt: when }).where(eq(alertResources.alertId, alert.id));
  const existing = await ctx.database.db.select().from(alertMessages).where(eq(alertMessages.alertId, alert.id));
  for (const m of existing) {
    const redacted = buildRedactedMessage(messageInput(full, m.reason as AlertMessageReason, m.seq, m.sent, languages, null, null));
    await ctx.database.db.update(alertMessages).set({ xml: serializeCapAlert(redacted), redactedAt: when }).where(and(eq(alertMessages.id, m.id)));
  }
  const seq = existing.length + 1;
  const reason: AlertMessageReason = how === 'resolved' ? 'resolved' : how === 'cancelled' ? 'cancelled' : 'expired';
  const cap = buildAlertMessage(messageInput(full, reason, seq, when, languages, null, null));
  await insertMessage(ctx, alert.id, seq, cap.identifier, cap.sender, when, cap.msgType, cap.status, cap.scope, reason, languages, serializeCapAlert(cap));
  alert.messageIdentifiers.push(cap.identifier);
  return cap.identifier;
}
