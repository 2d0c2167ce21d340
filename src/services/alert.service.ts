/**
 * Child alerts in the console: drafting (reference per country and year, incident id), editing
 * (drafts; an issued alert's update publishes a CAP Update), reading (audited), listing, and the
 * photo (type checked from the bytes, encrypted, SHA-1 + SHA-256 kept; or copied from the case).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AlertContent, AlertView, alertDraftCreateSchema, alertEditSchema, alertListQuerySchema } from '../api/alerts.schemas';
import type { Db } from '../db/database';
import * as alertRepo from '../db/repos/alert.repo';
import type { AlertRow } from '../db/repos/alert.repo';
import * as parts from '../db/repos/alert-parts.repo';
import { findDocumentWithContent } from '../db/repos/case-document.repo';
import { missingChildReports } from '../db/schema';
import { latestExpiry, checkExpiry } from '../domain/alerts/alert-expiry';
import type { AlertTier } from '../domain/alerts/alert-criteria';
import { checkCriteriaMet, requiredCriteria } from '../domain/alerts/alert-criteria';
import { checkAuthorityDecision, isAlertActionAllowed, type AlertStatus } from '../domain/alerts/alert-workflow';
import { ROLE_PERMISSIONS } from '../domain/access/roles';
import { AppError } from '../domain/errors';
import { eq } from 'drizzle-orm';
import { alertReadScope, deskCountries, loadAlertForChange, loadReadableAlert } from './alert-access';
import { applyAlertChange, checkTextsComplete, recordAlertChange, requireSettings, sealContent, userIdOf } from './alert-common';
import { publishAlertMessage } from './alert-message.service';
import { AUTHORITY_PERSON_FIELD, headlineOf, openContent, presentAlert } from './alert-presenter';
import { nudgeDistribution } from './alert-publication';
import { loadCaseWithAccess, openField, sealField } from './case-access';
import { mapUserNames } from '../db/repos/case.repo';
import { userRef } from './case-screening.service';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

export type AlertDraftInput = z.output<typeof alertDraftCreateSchema>;
export type AlertEditInput = z.output<typeof alertEditSchema>;
export type AlertListQuery = z.output<typeof alertListQuerySchema>;

/** Photo types accepted (detected from the bytes). */
export const ALERT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const PHOTO_DATA = 'alert_resources.content';

/** The organisation an actor drafts for in a country: their membership there (region scope: any). */
function draftingOrganisation(actor: Actor, countryCode: string, fallbackOrg?: string): string {
  const p = actor.principal;
  if (p === null) {
    if (fallbackOrg) return fallbackOrg;
    throw new AppError('VALIDATION_FAILED', 'A system draft needs an organisation.');
  }
  const grants = p.memberships.filter((m) => ROLE_PERMISSIONS[m.role].includes('alerts.draft'));
  const here = grants.find((g) => g.countryCode === countryCode) ?? grants.find((g) => g.scope === 'region');
  if (!here) throw new AppError('FORBIDDEN', `You do not draft alerts for ${countryCode}.`);
  return here.organisationId;
}

function authorityPatch(ctx: ServiceContext, alertId: string, a: AlertDraftInput['authority'] | undefined): Partial<alertRepo.AlertInsert> {
  if (a === undefined) return {};
  if (a === null) return { authorityName: null, authorityReference: null, authorityDecidedAt: null, authorityPersonEnc: null };
  return { authorityName: a.name, authorityReference: a.reference, authorityDecidedAt: new Date(a.decidedAt), authorityPersonEnc: sealField(ctx, AUTHORITY_PERSON_FIELD, alertId, a.person) };
}

/** Fields of a new alert row (shared with the neighbour's draft from a pre-alert). */
export interface NewAlertFields {
  countryCode: string;
  organisationId: string;
  tier: AlertTier;
  mode: 'actual' | 'exercise' | 'test';
  caseId: string | null;
  incidentId?: string;
  originAlertId?: string | null;
  preAlertId?: string | null;
  content: AlertContent;
  area: AlertDraftInput['area'];
  expiresAt: string | null;
  criteria: Record<string, boolean>;
  authority: AlertDraftInput['authority'];
}

/** Insert a draft with its reference and a "drafted" event + audit (inside tx). */
export async function insertDraft(ctx: ServiceContext, tx: Db, actor: Actor, f: NewAlertFields): Promise<AlertRow> {
  const settings = await requireSettings(tx, f.countryCode, f.mode);
  const now = new Date();
  if (f.expiresAt) checkExpiry(new Date(f.expiresAt), latestExpiry(settings, f.tier, now), now);
  const id = randomUUID();
  const reference = await alertRepo.nextAlertReference(tx, f.countryCode, now.getUTCFullYear());
  const row = await alertRepo.insertAlert(tx, {
    id,
    reference,
    incidentId: f.incidentId ?? `urn:victor:incident:${randomUUID()}`,
    countryCode: f.countryCode,
    organisationId: f.organisationId,
    caseId: f.caseId,
    tier: f.tier,
    mode: f.mode,
    status: 'draft',
    criteria: f.criteria,
    ...authorityPatch(ctx, id, f.authority),
    contentEnc: sealContent(ctx, id, f.content),
    areaDesc: f.area.description,
    areaPolygons: f.area.polygons,
    areaCircles: f.area.circles,
    areaCountries: f.area.countries.length > 0 ? f.area.countries : [f.countryCode],
    originAlertId: f.originAlertId ?? null,
    preAlertId: f.preAlertId ?? null,
    expiresAt: f.expiresAt ? new Date(f.expiresAt) : null,
    draftedBy: userIdOf(actor),
  });
  await recordAlertChange(ctx, tx, actor, row, 'drafted', { reference, tier: f.tier, mode: f.mode, ...(f.originAlertId ? { originAlertId: f.originAlertId } : {}) });
  return row;
}

/** Draft an alert for the actor's country desk (alerts.draft). */
export async function createAlertDraft(ctx: ServiceContext, actor: Actor, input: AlertDraftInput, opts: { organisationId?: string } = {}): Promise<AlertView> {
  requirePermission(actor, 'alerts.draft');
  return inTransaction(ctx, async (tx) => {
    const p = actor.principal;
    const countryCode = input.countryCode ?? (p ? deskCountries(p, 'alerts.draft').codes[0] : undefined);
    if (!countryCode) throw new AppError('VALIDATION_FAILED', 'Name the country of the alert.', { issues: [{ path: 'countryCode', message: 'required' }] });
    const organisationId = opts.organisationId ?? draftingOrganisation(actor, countryCode);
    if (input.caseId) await loadCaseWithAccess(tx, actor, input.caseId, 'read');
    const row = await insertDraft(ctx, tx, actor, { ...input, countryCode, organisationId, criteria: input.criteria as Record<string, boolean> });
    return presentAlert(ctx, tx, actor, row);
  });
}

/** The full view of an alert (audited as alert.viewed). */
export async function getAlert(ctx: ServiceContext, actor: Actor, id: string): Promise<AlertView> {
  requirePermission(actor, 'alerts.read');
  return inTransaction(ctx, async (tx) => {
    const { row, via } = await loadReadableAlert(tx, actor, id);
    await recordAudit(tx, actor, { action: 'alert.viewed', entityType: 'alert', entityId: row.id, organisationId: row.organisationId, countryCode: row.countryCode, details: { via } });
    return presentAlert(ctx, tx, actor, row, via);
  });
}

const STATE_STATUSES: Record<AlertListQuery['state'], AlertStatus[] | undefined> = {
  active: ['approved', 'issued'],
  drafts: ['draft'],
  closed: ['resolved', 'cancelled', 'expired'],
  all: undefined,
};

function decodeCursor(cursor: string | undefined): { updatedAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [ms, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(Number(ms));
  if (!id || Number.isNaN(at.getTime())) throw new AppError('VALIDATION_FAILED', 'Bad cursor.', { issues: [{ path: 'cursor', message: 'invalid' }] });
  return { updatedAt: at, id };
}

/** Alerts the caller may see (their countries, and those pre-alerted to their desks). */
export async function listAlerts(ctx: ServiceContext, actor: Actor, q: AlertListQuery) {
  requirePermission(actor, 'alerts.read');
  const db = ctx.database.db;
  const read = alertReadScope(actor.principal);
  const publish = deskCountries(actor.principal, 'alerts.publish');
  const scope = { all: read.all, countryCodes: read.full, publishedOnlyCountryCodes: read.publishedOnly, preAlertedTo: publish.codes };
  const statuses = q.status ? [q.status] : STATE_STATUSES[q.state];
  const { rows, total } = await alertRepo.listAlerts(db, scope, { statuses, countryCode: q.countryCode, mode: q.mode, before: decodeCursor(q.cursor), limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const names = await mapUserNames(db, page.map((r) => r.draftedBy));
  const settings = new Map((await alertRepo.listSettings(db, [...new Set(page.map((r) => r.countryCode))])).map((s) => [s.countryCode, s]));
  const me = userIdOf(actor);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const content = openContent(ctx, r);
      return {
        id: r.id,
        reference: r.reference,
        incidentId: r.incidentId,
        countryCode: r.countryCode,
        tier: r.tier as AlertTier,
        mode: r.mode as AlertView['mode'],
        status: r.status as AlertStatus,
        headline: headlineOf(content, settings.get(r.countryCode)?.languages ?? []),
        childName: content?.child.name ?? null,
        draftedBy: userRef(names, r.draftedBy),
        awaitingMyApproval: r.status === 'draft' && me !== null && me !== r.draftedBy && (publish.all || publish.codes.includes(r.countryCode)),
        expiresAt: r.expiresAt?.toISOString() ?? null,
        issuedAt: r.issuedAt?.toISOString() ?? null,
        updatedAt: r.updatedAt.toISOString(),
      };
    }),
    nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.updatedAt.getTime()}|${last.id}`).toString('base64url') : null,
    total,
  };
}

/**
 * Edit a draft or approved alert (alerts.draft; an approved alert goes back to draft: the change
 * needs a new approval), or update an issued one (alerts.publish; publishes a CAP Update; note required).
 */
export async function editAlert(ctx: ServiceContext, actor: Actor, id: string, input: AlertEditInput): Promise<AlertView> {
  requirePermission(actor, 'alerts.draft');
  let published = false;
  const view = await inTransaction(ctx, async (tx) => {
    const probe = await loadAlertForChange(tx, actor, id, input.version, 'alerts.read');
    const status = probe.status as AlertStatus;
    const issued = status === 'issued';
    if (!isAlertActionAllowed(status, issued ? 'update' : 'edit')) throw new AppError('ALERT_TRANSITION_NOT_ALLOWED', `An alert in status ${status} cannot be changed.`);
    const alert = await loadAlertForChange(tx, actor, id, input.version, issued ? 'alerts.publish' : 'alerts.draft');
    if (issued && !input.note) throw new AppError('VALIDATION_FAILED', 'Say why the issued alert is updated.', { issues: [{ path: 'note', message: 'required' }] });
    const settings = await requireSettings(tx, alert.countryCode, alert.mode);
    const tier = alert.tier as AlertTier;
    const now = new Date();
    const patch: Partial<alertRepo.AlertInsert> = { ...authorityPatch(ctx, alert.id, input.authority) };
    if (input.content) patch.contentEnc = sealContent(ctx, alert.id, input.content);
    if (input.area) Object.assign(patch, { areaDesc: input.area.description, areaPolygons: input.area.polygons, areaCircles: input.area.circles, areaCountries: input.area.countries.length > 0 ? input.area.countries : [alert.countryCode] });
    if (input.criteria) patch.criteria = input.criteria as Record<string, boolean>;
    if (input.expiresAt !== undefined) {
      if (input.expiresAt === null && issued) throw new AppError('VALIDATION_FAILED', 'An issued alert keeps an expiry.', { issues: [{ path: 'expiresAt', message: 'required' }] });
      if (input.expiresAt) checkExpiry(new Date(input.expiresAt), latestExpiry(settings, tier, alert.issuedAt ?? now, alert.extensions), now);
      patch.expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    }
    if (status === 'approved') Object.assign(patch, { status: 'draft', approvedBy: null, approvedAt: null });
    const changed = Object.keys(patch).filter((k) => !k.startsWith('authority') || input.authority !== undefined);
    let row = await applyAlertChange(tx, alert, patch);
    if (issued) {
      const content = openContent(ctx, row);
      checkTextsComplete(settings, content);
      checkCriteriaMet(requiredCriteria(settings.criteria, tier), row.criteria);
      checkAuthorityDecision(row.authorityName && row.authorityReference && row.authorityDecidedAt ? { name: row.authorityName, reference: row.authorityReference, decidedAt: row.authorityDecidedAt } : null);
      const msg = await publishAlertMessage(ctx, tx, row, { reason: 'updated', settings, content, maxExpires: latestExpiry(settings, tier, row.issuedAt ?? now, row.extensions) });
      published = true;
      await recordAlertChange(ctx, tx, actor, row, 'updated', { fields: changed, messageId: msg.id, identifier: msg.identifier }, input.note);
    } else {
      await recordAlertChange(ctx, tx, actor, row, status === 'approved' ? 'edited_back_to_draft' : 'edited', { fields: changed }, input.note);
    }
    row = (await alertRepo.findAlert(tx, row.id))!;
    return presentAlert(ctx, tx, actor, row);
  });
  if (published) nudgeDistribution();
  return view;
}

/** An uploaded photo as the route read it. */
export interface PhotoUpload {
  declaredType: string | null;
  bytes: Buffer;
}

async function detectPhotoType(bytes: Buffer): Promise<(typeof ALERT_PHOTO_TYPES)[number]> {
  const { fileTypeFromBuffer } = await import('file-type');
  const mime = (await fileTypeFromBuffer(bytes))?.mime;
  const allowed = ALERT_PHOTO_TYPES.find((t) => t === mime);
  if (!allowed) throw new AppError('DOCUMENT_TYPE_NOT_ALLOWED', 'The photo must be a JPEG, PNG or WebP image.');
  return allowed;
}

async function storePhoto(ctx: ServiceContext, tx: Db, actor: Actor, alert: AlertRow, bytes: Buffer, mediaType: string, source: 'upload' | 'case'): Promise<AlertView> {
  const now = new Date();
  const id = randomUUID();
  await parts.insertResource(tx, {
    id,
    alertId: alert.id,
    mediaType,
    sizeBytes: bytes.length,
    sha1: createHash('sha1').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentEnc: sealField(ctx, PHOTO_DATA, id, bytes.toString('base64')),
    createdBy: userIdOf(actor),
    createdAt: now,
  });
  await parts.retireOtherPhotos(tx, alert.id, id, now);
  const row = await applyAlertChange(tx, alert, alert.status === 'approved' ? { status: 'draft', approvedBy: null, approvedAt: null } : {});
  const data = { resourceId: id, mediaType, sizeBytes: bytes.length, source };
  if (row.status === 'issued') {
    const settings = await requireSettings(tx, row.countryCode, row.mode);
    const msg = await publishAlertMessage(ctx, tx, row, { reason: 'updated', settings, content: openContent(ctx, row), maxExpires: latestExpiry(settings, row.tier as AlertTier, row.issuedAt ?? now, row.extensions) });
    Object.assign(data, { messageId: msg.id });
  }
  await recordAlertChange(ctx, tx, actor, row, 'photo_added', data);
  return presentAlert(ctx, tx, actor, row);
}

function photoPermission(alert: AlertRow): 'alerts.draft' | 'alerts.publish' {
  return alert.status === 'issued' ? 'alerts.publish' : 'alerts.draft';
}

async function loadForPhoto(tx: Db, actor: Actor, id: string): Promise<AlertRow> {
  const probe = await loadAlertForChange(tx, actor, id, null, 'alerts.read');
  const status = probe.status as AlertStatus;
  if (!['draft', 'approved', 'issued'].includes(status)) throw new AppError('ALERT_TRANSITION_NOT_ALLOWED', `An alert in status ${status} cannot get a new photo.`);
  return loadAlertForChange(tx, actor, id, null, photoPermission(probe));
}

/** Set the alert's photo from an upload (JPEG/PNG/WebP by the bytes, size ≤ VICTOR_MAX_DOCUMENT_BYTES). */
export async function uploadAlertPhoto(ctx: ServiceContext, actor: Actor, id: string, upload: PhotoUpload): Promise<AlertView> {
  requirePermission(actor, 'alerts.draft');
  if (upload.bytes.length > ctx.config.VICTOR_MAX_DOCUMENT_BYTES) throw new AppError('DOCUMENT_TOO_LARGE', 'The photo is larger than allowed.');
  if (upload.bytes.length === 0) throw new AppError('VALIDATION_FAILED', 'The photo is empty.', { issues: [{ path: 'file', message: 'empty' }] });
  const mediaType = await detectPhotoType(upload.bytes);
  let issued = false;
  const view = await inTransaction(ctx, async (tx) => {
    const alert = await loadForPhoto(tx, actor, id);
    issued = alert.status === 'issued';
    return storePhoto(ctx, tx, actor, alert, upload.bytes, mediaType, 'upload');
  });
  if (issued) nudgeDistribution();
  return view;
}

/** Copy the photo of the linked missing-child case (cases.read on the case). */
export async function copyAlertPhotoFromCase(ctx: ServiceContext, actor: Actor, id: string): Promise<AlertView> {
  requirePermission(actor, 'alerts.draft');
  let issued = false;
  const view = await inTransaction(ctx, async (tx) => {
    const alert = await loadForPhoto(tx, actor, id);
    issued = alert.status === 'issued';
    if (!alert.caseId) throw new AppError('VALIDATION_FAILED', 'This alert is not linked to a case.', { issues: [{ path: 'fromCase', message: 'no linked case' }] });
    await loadCaseWithAccess(tx, actor, alert.caseId, 'read');
    const [report] = await tx.select({ photo: missingChildReports.photoDocumentId }).from(missingChildReports).where(eq(missingChildReports.caseId, alert.caseId));
    const doc = report?.photo ? await findDocumentWithContent(tx, alert.caseId, report.photo) : null;
    if (!doc) throw new AppError('DOCUMENT_NOT_FOUND', 'The linked case has no photo.');
    const bytes = Buffer.from(openField(ctx, 'case_documents.content', doc.id, doc.contentEnc) ?? '', 'base64');
    const mediaType = await detectPhotoType(bytes);
    await recordAudit(tx, actor, { action: 'case.document_downloaded', entityType: 'case', entityId: alert.caseId, organisationId: alert.organisationId, countryCode: alert.countryCode, details: { documentId: doc.id, via: 'alert_photo' } });
    return storePhoto(ctx, tx, actor, alert, bytes, mediaType, 'case');
  });
  if (issued) nudgeDistribution();
  return view;
}

/** The photo for the console preview (audited); PHOTO gone after resolution: ALERT_NOT_FOUND. */
export async function readAlertPhoto(ctx: ServiceContext, actor: Actor, id: string): Promise<{ mediaType: string; bytes: Buffer }> {
  requirePermission(actor, 'alerts.read');
  return inTransaction(ctx, async (tx) => {
    const { row, via } = await loadReadableAlert(tx, actor, id);
    const photo = await parts.findCurrentPhoto(tx, row.id);
    if (!photo || !photo.contentEnc) throw new AppError('DOCUMENT_NOT_FOUND', 'This alert has no photo.');
    await recordAudit(tx, actor, { action: 'alert.photo_viewed', entityType: 'alert', entityId: row.id, organisationId: row.organisationId, countryCode: row.countryCode, details: { resourceId: photo.id, via } });
    return { mediaType: photo.mediaType, bytes: Buffer.from(openField(ctx, PHOTO_DATA, photo.id, photo.contentEnc) ?? '', 'base64') };
  });
}
