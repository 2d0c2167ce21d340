/**
 * The cases rows of the authorization matrix: every case, referral, pathway and hand-off action, the
 * records they act on (fresh per role) and the policy as the product states it — written by hand, not
 * computed from ROLE_PERMISSIONS. Used by authorization-matrix-cases.test.ts; authorization-matrix.test.ts
 * counts these routes as covered.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { caseCreateSchema, consentInputSchema, taskInputSchema } from '../../../src/api/cases.schemas';
import { directoryInputSchema } from '../../../src/api/knowledge.schemas';
import { handoffCreateSchema, pathwayInputSchema, referralCreateSchema } from '../../../src/api/referrals.schemas';
import { findCaseById } from '../../../src/db/repos/case.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { createCase, recordConsent } from '../../../src/services/case.service';
import { uploadDocument } from '../../../src/services/case-document.service';
import { addTask } from '../../../src/services/case-task.service';
import { SYSTEM_ACTOR, type ServiceContext } from '../../../src/services/context';
import { createDirectoryEntry } from '../../../src/services/directory.service';
import { requestHandoff } from '../../../src/services/handoff.service';
import { savePathwayDraft } from '../../../src/services/nrm-pathway.service';
import { createReferral } from '../../../src/services/referral.service';
import { makeContactRow } from '../../factories/contact.factory';
import type { TestClient } from '../../helpers/http-client';

/** Organisations around the home one: a Bulgarian desk (works cases) for hand-offs and break-glass. */
export interface CasesWorld {
  home: OrganisationRow;
  bgDesk: OrganisationRow;
}

/** Records one role acts on, fresh per role so that allowed actions can succeed. */
export interface CasesFixture {
  tag: string;
  caseId: string;
  caseVersion: number;
  personId: string;
  taskId: string;
  taskVersion: number;
  documentId: string;
  contactId: string;
  /** Another unlinked contact of the home organisation, to open a case from. */
  newContactId: string;
  /** A referral sent to an actor of the home organisation (its liaison officers receive it). */
  sentReferralId: string;
  sentReferralVersion: number;
  draftReferralId: string;
  draftReferralVersion: number;
  actorEntryId: string;
  /** A hand-off from a Bulgarian case to the home organisation, waiting for an answer. */
  incomingHandoffId: string;
  incomingHandoffVersion: number;
  /** A Bulgarian case outside every Greek scope (break-glass). */
  foreignCaseId: string;
  pathwayDraftId: string;
}

interface CasesAction {
  route: string;
  run: (c: TestClient, f: CasesFixture, w: CasesWorld) => Promise<LightMyRequestResponse>;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Multipart upload as the web UI sends it. */
async function upload(c: TestClient, caseId: string): Promise<LightMyRequestResponse> {
  const form = new FormData();
  form.append('kind', 'report');
  form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'matrix.pdf');
  const req = new Request('http://local/', { method: 'POST', body: form });
  return c.request('POST', `/api/cases/${caseId}/documents`, Buffer.from(await req.arrayBuffer()), { 'content-type': req.headers.get('content-type')! });
}

const C = '/api/cases';

export const CASES_ACTIONS: Record<string, CasesAction> = {
  'list cases': { route: 'GET /api/cases', run: (c) => c.get(C) },
  'open case': { route: 'POST /api/cases', run: (c, f) => c.post(C, { title: `Matrix case ${f.tag}`, contactIds: [f.newContactId] }) },
  'assignable users': { route: 'GET /api/cases/assignable-users', run: (c, _f, w) => c.get(`${C}/assignable-users?organisationId=${w.home.id}`) },
  'read case': { route: 'GET /api/cases/:id', run: (c, f) => c.get(`${C}/${f.caseId}`) },
  'read timeline': { route: 'GET /api/cases/:id/timeline', run: (c, f) => c.get(`${C}/${f.caseId}/timeline`) },
  'who viewed': { route: 'GET /api/cases/:id/viewers', run: (c, f) => c.get(`${C}/${f.caseId}/viewers`) },
  'edit case': { route: 'PATCH /api/cases/:id', run: (c, f) => c.patch(`${C}/${f.caseId}`, { priority: 'urgent', version: f.caseVersion }) },
  'change status': { route: 'POST /api/cases/:id/status', run: (c, f) => c.post(`${C}/${f.caseId}/status`, { status: 'active', version: f.caseVersion + 1 }) },
  'record consent': { route: 'PUT /api/cases/:id/consent', run: (c, f) => c.request('PUT', `${C}/${f.caseId}/consent`, { given: true, givenBy: 'child', coversReferral: true, coversTransfer: true, version: f.caseVersion + 2 }) },
  'link contact': { route: 'POST /api/cases/:id/contacts', run: (c, f) => c.post(`${C}/${f.caseId}/contacts`, { contactIds: [f.contactId] }) },
  'add person': { route: 'POST /api/cases/:id/persons', run: (c, f) => c.post(`${C}/${f.caseId}/persons`, { role: 'relative_guardian', givenName: 'Matrix', relationship: 'mother' }) },
  'edit person': { route: 'PATCH /api/cases/:id/persons/:personId', run: (c, f) => c.patch(`${C}/${f.caseId}/persons/${f.personId}`, { languages: ['el'], version: 1 }) },
  'record identification': {
    route: 'PUT /api/cases/:id/persons/:personId/identification',
    run: (c, f) => c.request('PUT', `${C}/${f.caseId}/persons/${f.personId}/identification`, { traffickingStatus: 'possible', version: 2 }),
  },
  'list indicator sets': { route: 'GET /api/indicator-sets', run: (c) => c.get('/api/indicator-sets') },
  'read indicator set': { route: 'GET /api/indicator-sets/:key', run: (c) => c.get('/api/indicator-sets/child-thb') },
  'publish indicator set': {
    route: 'POST /api/indicator-sets',
    run: (c, f) =>
      c.post('/api/indicator-sets', {
        key: `matrix-${f.tag}`,
        audience: 'general',
        titles: { en: 'Matrix set' },
        indicators: [{ code: 'M-1', element: 'exploitation', strength: 'strong', appliesTo: 'all', labels: { en: 'Matrix indicator' } }],
      }),
  },
  'record screening': { route: 'POST /api/cases/:id/screenings', run: (c, f) => c.post(`${C}/${f.caseId}/screenings`, { setKey: 'child-thb', personId: f.personId, answers: [{ code: 'C-EXP-04', answer: 'yes' }] }) },
  'add note': { route: 'POST /api/cases/:id/notes', run: (c, f) => c.post(`${C}/${f.caseId}/notes`, { body: 'Matrix note' }) },
  'add task': { route: 'POST /api/cases/:id/tasks', run: (c, f) => c.post(`${C}/${f.caseId}/tasks`, { title: 'Matrix task', dueAt: new Date(Date.now() + 86_400_000).toISOString() }) },
  'complete task': { route: 'PATCH /api/cases/:id/tasks/:taskId', run: (c, f) => c.patch(`${C}/${f.caseId}/tasks/${f.taskId}`, { done: true, version: f.taskVersion }) },
  'list my tasks': { route: 'GET /api/tasks', run: (c) => c.get('/api/tasks?scope=team') },
  'upload document': { route: 'POST /api/cases/:id/documents', run: (c, f) => upload(c, f.caseId) },
  'document details': { route: 'GET /api/cases/:id/documents/:docId', run: (c, f) => c.get(`${C}/${f.caseId}/documents/${f.documentId}`) },
  'download document': { route: 'GET /api/cases/:id/documents/:docId/content', run: (c, f) => c.get(`${C}/${f.caseId}/documents/${f.documentId}/content`) },
  'remove document': { route: 'DELETE /api/cases/:id/documents/:docId', run: (c, f) => c.delete(`${C}/${f.caseId}/documents/${f.documentId}`) },
  'break glass': { route: 'POST /api/cases/:id/break-glass', run: (c, f) => c.post(`${C}/${f.foreignCaseId}/break-glass`, { reason: 'Child reported in danger tonight, own team unreachable' }) },
  'export HTCDS': { route: 'GET /api/cases/:id/export/htcds', run: (c, f) => c.get(`${C}/${f.caseId}/export/htcds`) },
  'list pathways': { route: 'GET /api/nrm-pathways', run: (c) => c.get('/api/nrm-pathways?country=GR') },
  'current pathway': { route: 'GET /api/nrm-pathways/current/:country', run: (c) => c.get('/api/nrm-pathways/current/GR') },
  'read pathway': { route: 'GET /api/nrm-pathways/:id', run: (c, f) => c.get(`/api/nrm-pathways/${f.pathwayDraftId}`) },
  'publish pathway': { route: 'POST /api/nrm-pathways/:id/publish', run: (c, f) => c.post(`/api/nrm-pathways/${f.pathwayDraftId}/publish`) },
  'save pathway draft': {
    route: 'POST /api/nrm-pathways',
    run: (c, f) => c.post('/api/nrm-pathways', { countryCode: 'GR', titles: { en: `Matrix NRM ${f.tag}` }, steps: [{ stage: 'identification', titles: { en: 'Identification' }, slaHours: 24, actorIds: [f.actorEntryId] }] }),
  },
  'case referrals': { route: 'GET /api/cases/:id/referrals', run: (c, f) => c.get(`${C}/${f.caseId}/referrals`) },
  'create referral': { route: 'POST /api/cases/:id/referrals', run: (c, f) => c.post(`${C}/${f.caseId}/referrals`, { directoryEntryId: f.actorEntryId, stage: 'first_assistance', personId: f.personId }) },
  'referral inbox': { route: 'GET /api/referrals', run: (c) => c.get('/api/referrals?box=inbox') },
  'read referral': { route: 'GET /api/referrals/:id', run: (c, f) => c.get(`/api/referrals/${f.sentReferralId}`) },
  'send referral': { route: 'POST /api/referrals/:id/actions', run: (c, f) => c.post(`/api/referrals/${f.draftReferralId}/actions`, { action: 'send', version: f.draftReferralVersion }) },
  'accept referral': { route: 'POST /api/referrals/:id/actions', run: (c, f) => c.post(`/api/referrals/${f.sentReferralId}/actions`, { action: 'accept', comment: 'We take it', version: f.sentReferralVersion }) },
  'message on referral': { route: 'POST /api/referrals/:id/messages', run: (c, f) => c.post(`/api/referrals/${f.sentReferralId}/messages`, { body: 'Matrix message' }) },
  'referral packet': { route: 'GET /api/referrals/:id/packet.pdf', run: (c, f) => c.get(`/api/referrals/${f.sentReferralId}/packet.pdf`) },
  'hand-off desks': { route: 'GET /api/handoff-desks', run: (c) => c.get('/api/handoff-desks?exceptCountry=GR') },
  'request hand-off': { route: 'POST /api/cases/:id/handoffs', run: (c, f, w) => c.post(`${C}/${f.caseId}/handoffs`, { toOrganisationId: w.bgDesk.id, summary: 'Matrix hand-off' }) },
  'list hand-offs': { route: 'GET /api/handoffs', run: (c) => c.get('/api/handoffs?box=inbox') },
  'read hand-off': { route: 'GET /api/handoffs/:id', run: (c, f) => c.get(`/api/handoffs/${f.incomingHandoffId}`) },
  'accept hand-off': { route: 'POST /api/handoffs/:id/actions', run: (c, f) => c.post(`/api/handoffs/${f.incomingHandoffId}/actions`, { action: 'accept', version: f.incomingHandoffVersion }) },
};

const Y = '200';
const N = '403 FORBIDDEN';
/** Holds cases.read, but only over records they own: a liaison officer reaches cases only through referrals. */
const D = '403 CASE_ACCESS_DENIED';

//                        operator case_mgr superv. country  region   trainer  liaison  evaluat. admin
const READERS = /*    */ [Y,       Y,       Y,       Y,       Y,       N,       Y,       N,       N];
const CASE_READ = /*  */ [Y,       Y,       Y,       Y,       Y,       N,       D,       N,       N];
const WRITE = /*      */ [N,       Y,       Y,       Y,       Y,       N,       N,       N,       N];
/** Writers over the case; readers who do not work it are told so by the service. */
const WRITERS_ONLY = [N, Y, Y, Y, Y, N, D, N, N];
const EXPORT = /*     */ [N,       N,       Y,       Y,       Y,       N,       N,       N,       N];
const COORDINATORS = [N, N, N, Y, Y, N, N, N, N];
/** Break-glass is for those whose scope does not already reach the case; the region reaches everything. */
const BREAK_GLASS = [N, Y, Y, Y, N, N, N, N, N];
/** The receiving liaison officer answers; the desk's own staff cannot answer for an in-app receiver. */
const RECEIVER = [N, N, N, N, N, N, Y, N, N];
const NOT_REFERRAL = '404 REFERRAL_NOT_FOUND';
/** Referral pages: the referring desk (any case reader) and the receiver; anyone else is told it does not exist. */
const REFERRAL_READ = [Y, Y, Y, Y, Y, NOT_REFERRAL, Y, NOT_REFERRAL, NOT_REFERRAL];
/** A draft is the referring desk's own: the receiver does not see it before it is sent. */
const REFERRAL_SEND = [N, Y, Y, Y, Y, NOT_REFERRAL, NOT_REFERRAL, NOT_REFERRAL, NOT_REFERRAL];
/** Hand-offs reach the desks' case readers; a liaison officer is told it does not exist. */
const HANDOFF_READ = [Y, Y, Y, Y, Y, N, '404 HANDOFF_NOT_FOUND', N, N];
const REFERRAL_ANSWER = [N, N, N, N, N, NOT_REFERRAL, Y, NOT_REFERRAL, NOT_REFERRAL];
/** Messages: the referring desk's case workers and the receiver; read-only staff may not write. */
const REFERRAL_MESSAGE = [N, Y, Y, Y, Y, NOT_REFERRAL, Y, NOT_REFERRAL, NOT_REFERRAL];

/** The policy, per action, in the column order of the main matrix. */
export const CASES_MATRIX: Record<keyof typeof CASES_ACTIONS, string[]> = {
  'list cases': READERS,
  'open case': WRITE,
  'assignable users': WRITE,
  'read case': CASE_READ,
  'read timeline': CASE_READ,
  'who viewed': WRITERS_ONLY,
  'edit case': WRITE,
  'change status': WRITE,
  'record consent': WRITE,
  'link contact': WRITE,
  'add person': WRITE,
  'edit person': WRITE,
  'record identification': WRITE,
  'list indicator sets': READERS,
  'read indicator set': READERS,
  'publish indicator set': COORDINATORS,
  'record screening': WRITE,
  'add note': WRITE,
  'add task': WRITE,
  'complete task': WRITE,
  'list my tasks': WRITE,
  'upload document': WRITE,
  'document details': WRITE,
  'download document': WRITE,
  'remove document': WRITE,
  'break glass': BREAK_GLASS,
  'export HTCDS': EXPORT,
  'list pathways': READERS,
  'current pathway': READERS,
  'read pathway': READERS,
  'publish pathway': COORDINATORS,
  'save pathway draft': COORDINATORS,
  'case referrals': CASE_READ,
  'create referral': WRITE,
  'referral inbox': RECEIVER,
  'read referral': REFERRAL_READ,
  'send referral': REFERRAL_SEND,
  'accept referral': REFERRAL_ANSWER,
  'message on referral': REFERRAL_MESSAGE,
  'referral packet': REFERRAL_READ,
  'hand-off desks': WRITE,
  'request hand-off': WRITE,
  'list hand-offs': READERS,
  'read hand-off': HANDOFF_READ,
  'accept hand-off': WRITE,
};

/** Fresh records in Greece (home organisation) and one Bulgarian case for break-glass and hand-offs. */
export async function makeCasesFixture(ctx: ServiceContext, w: CasesWorld): Promise<CasesFixture> {
  const tag = randomUUID().slice(0, 8);
  const made = await createCase(ctx, SYSTEM_ACTOR, caseCreateSchema.parse({ organisationId: w.home.id, title: `Matrix fixture ${tag}`, person: { givenName: 'Fixture', ageYears: 15 } }));
  await recordConsent(ctx, SYSTEM_ACTOR, made.id, consentInputSchema.parse({ given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: true, version: made.version }));
  const personId = made.persons[0]!.id;
  const task = await addTask(ctx, SYSTEM_ACTOR, made.id, taskInputSchema.parse({ title: 'Fixture task', dueAt: new Date(Date.now() + 86_400_000).toISOString() }));
  const contact = await makeContactRow(ctx, { organisationId: w.home.id, countryCode: w.home.countryCode, isThb: true });
  const newContact = await makeContactRow(ctx, { organisationId: w.home.id, countryCode: w.home.countryCode, isThb: true });
  const entry = await createDirectoryEntry(ctx, SYSTEM_ACTOR, directoryInputSchema.parse({ kind: 'police', countryCode: 'GR', name: `Matrix police ${tag}`, organisationId: w.home.id, nrmStages: ['identification'] }));
  const sent = await createReferral(ctx, SYSTEM_ACTOR, made.id, referralCreateSchema.parse({ directoryEntryId: entry.id, stage: 'identification', personId, send: true }));
  const draft = await createReferral(ctx, SYSTEM_ACTOR, made.id, referralCreateSchema.parse({ directoryEntryId: entry.id, stage: 'proceedings', personId }));
  const foreign = await createCase(ctx, SYSTEM_ACTOR, caseCreateSchema.parse({ organisationId: w.bgDesk.id, title: `Matrix foreign ${tag}`, person: { ageYears: 12 } }));
  const foreignConsented = await recordConsent(ctx, SYSTEM_ACTOR, foreign.id, consentInputSchema.parse({ given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: true, version: foreign.version }));
  const incoming = await requestHandoff(ctx, SYSTEM_ACTOR, foreignConsented.id, handoffCreateSchema.parse({ toOrganisationId: w.home.id, summary: 'Fixture hand-off' }));
  const pathway = await savePathwayDraft(ctx, SYSTEM_ACTOR, pathwayInputSchema.parse({ countryCode: 'GR', titles: { en: `Fixture NRM ${tag}` }, steps: [{ stage: 'identification', titles: { en: 'Identification' }, slaHours: 24, actorIds: [entry.id] }] }));
  const documentId = await uploadFixtureDocument(ctx, made.id);
  // Sending the referral moved the case to "referred": act on its latest version.
  const latest = await findCaseById(ctx.database.db, made.id);
  return {
    tag,
    caseId: made.id,
    caseVersion: latest!.version,
    personId,
    taskId: task.id,
    taskVersion: task.version,
    documentId,
    contactId: contact.id,
    newContactId: newContact.id,
    sentReferralId: sent.id,
    sentReferralVersion: sent.version,
    draftReferralId: draft.id,
    draftReferralVersion: draft.version,
    actorEntryId: entry.id,
    incomingHandoffId: incoming.id,
    incomingHandoffVersion: incoming.version,
    foreignCaseId: foreign.id,
    pathwayDraftId: pathway.id,
  };
}

/** A stored document, through the service (no HTTP). */
async function uploadFixtureDocument(ctx: ServiceContext, caseId: string): Promise<string> {
  const doc = await uploadDocument(ctx, SYSTEM_ACTOR, caseId, { fileName: 'fixture.pdf', declaredType: 'application/pdf', bytes: PDF, kind: 'report' });
  return doc.id;
}
