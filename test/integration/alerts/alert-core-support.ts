import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../src/db/database';
import { drawDemoSilhouettePng } from '../../../src/services/alert-demo-photo';
import type { ServiceContext } from '../../../src/services/context';
import { seedAlertSettingsDemo } from '../../../src/services/alert-seed.service';
import type { TestClient } from '../../helpers/http-client';

/** Demo settings for the eight partner countries (idempotent). */
export async function ensureAlertSettings(ctx: ServiceContext): Promise<void> {
  await seedAlertSettingsDemo(ctx, ctx.database.db);
}

/** A valid draft body for GR (all criteria met, authority recorded). */
export function draftBody(over: Record<string, unknown> = {}) {
  return {
    tier: 'child_abduction',
    countryCode: 'GR',
    content: {
      child: { name: 'Kalliopi Testaki', ageYears: 8, gender: 'female', description: 'Yellow raincoat, pink boots' },
      lastSeen: { at: new Date(Date.now() - 3_600_000).toISOString(), place: 'Ano Poli playground' },
      suspect: 'Tall man with a beard',
      vehicle: 'Blue van',
      texts: {
        el: { headline: 'Απαγωγή παιδιού στη Θεσσαλονίκη', description: 'Εθεάθη στην Άνω Πόλη.', instruction: 'Καλέστε αμέσως.' },
        en: { headline: 'Child abduction in Thessaloniki', description: 'Last seen in Ano Poli.', instruction: 'Call at once.' },
      },
    },
    area: { description: 'Thessaloniki', circles: ['40.64,22.94 20'], countries: ['GR'] },
    criteria: { minor: true, abductionBelieved: true, lifeInDanger: true, enoughInformation: true, noAddedRisk: true, authorityDecision: true },
    authority: { name: 'Public prosecutor', reference: 'PR-1', decidedAt: new Date().toISOString(), person: 'Prosecutor Testidis' },
    ...over,
  };
}

/** Upload a photo through multipart as the web UI does. */
export async function uploadPhoto(client: TestClient, alertId: string, bytes: Buffer = drawDemoSilhouettePng(), type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'photo.png');
  const req = new Request('http://local/', { method: 'POST', body: form });
  const body = Buffer.from(await req.arrayBuffer());
  return client.request('POST', `/api/alerts/${alertId}/photo`, body, { 'content-type': req.headers.get('content-type')! });
}

/** Stored messages of an alert. */
export function messagesOf(ctx: ServiceContext, alertId: string) {
  return queryRows<{ id: string; seq: number; identifier: string; msg_type: string; cap_status: string; scope: string; reason: string; public: boolean; xml: string; redacted_at: Date | null }>(ctx.database.db, sql`SELECT id, seq, identifier, msg_type, cap_status, scope, reason, public, xml, redacted_at FROM alert_messages WHERE alert_id = ${alertId} ORDER BY seq`);
}

/** Count audit rows of an action on an alert. */
export async function auditCount(ctx: ServiceContext, action: string, alertId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND entity_id = ${alertId}`);
  return Number(row?.n ?? 0);
}

export type { FastifyInstance };
