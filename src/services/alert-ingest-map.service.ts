/**
 * The regional map (alerts.read): live alerts of Victor's desks (issued, not expired) and of other
 * systems (ingested, not superseded, not expired, Public), with counts per country, and the SEE
 * country outlines to draw them on. Only public information: no photo, no child's data beyond the
 * published headline.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { RegionalAlert, RegionalAlerts } from '../api/alert-ingest.schemas';
import { queryRows } from '../db/database';
import * as ingestRepo from '../db/repos/alert-ingest.repo';
import { parseCapXml } from '../domain/alerts/cap/cap-parse';
import { loadSeeOutlines } from '../lib/geo/see-outlines';
import { parseCapCircle, parseCapPolygon, pickInfo } from './alert-ingest-extract';
import { requirePermission, type Actor, type ServiceContext } from './context';

interface OwnAlertRow extends Record<string, unknown> {
  id: string;
  reference: string;
  tier: 'child_abduction' | 'endangered_missing';
  mode: string;
  country_code: string;
  area_desc: string | null;
  area_polygons: string[] | null;
  area_circles: string[] | null;
  area_countries: string[] | null;
  issued_at: Date | string | null;
  expires_at: Date | string | null;
  xml: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The headline of our latest published message (English first); null when it cannot be read. */
function headlineOf(xml: string | null): string | null {
  if (!xml) return null;
  try {
    const parsed = parseCapXml(xml, { lenient: true });
    return parsed.ok ? (pickInfo(parsed.alert)?.headline ?? null) : null;
  } catch {
    return null;
  }
}

/** Live alerts for the map; drills (Exercise/Test) only when asked for, marked. */
export async function listRegionalAlerts(ctx: ServiceContext, actor: Actor, opts: { includeDrills: boolean }, now = new Date()): Promise<RegionalAlerts> {
  requirePermission(actor, 'alerts.read');
  const modes = opts.includeDrills ? ['actual', 'exercise', 'test'] : ['actual'];
  const own = await queryRows<OwnAlertRow>(ctx.database.db, sql`
    SELECT a.id, a.reference, a.tier, a.mode, a.country_code, a.area_desc, a.area_polygons, a.area_circles, a.area_countries,
           a.issued_at, a.expires_at,
           (SELECT m.xml FROM alert_messages m WHERE m.alert_id = a.id AND m.redacted_at IS NULL ORDER BY m.seq DESC LIMIT 1) AS xml
    FROM alerts a
    WHERE a.status = 'issued' AND a.mode IN (${sql.join(modes.map((m) => sql`${m}`), sql`, `)})
      AND (a.expires_at IS NULL OR a.expires_at > ${now.toISOString()}::timestamptz)
    ORDER BY a.issued_at DESC NULLS LAST
    LIMIT 500`);
  const alerts: RegionalAlert[] = own.map((a) => ({
    id: a.id,
    origin: 'victor',
    reference: a.reference,
    tier: a.tier,
    event: null,
    headline: headlineOf(a.xml),
    areaDesc: a.area_desc,
    countryCode: a.country_code,
    countries: a.area_countries ?? [],
    geometry: {
      polygons: (a.area_polygons ?? []).map(parseCapPolygon).filter((p): p is [number, number][] => p !== null),
      circles: (a.area_circles ?? []).map(parseCapCircle).filter((c): c is { lat: number; lon: number; radiusKm: number } => c !== null),
    },
    issuedAt: iso(a.issued_at),
    expiresAt: iso(a.expires_at),
    drill: a.mode !== 'actual',
    sourceName: null,
  }));
  for (const r of await ingestRepo.listLiveIngested(ctx.database.db, now, opts.includeDrills)) {
    alerts.push({
      id: r.id,
      origin: 'ingested',
      reference: r.identifier,
      tier: null,
      event: r.event,
      headline: r.headline,
      areaDesc: r.areaDesc,
      countryCode: r.countryCode,
      countries: r.countryCode ? [r.countryCode] : [],
      geometry: { polygons: r.geometry.polygons ?? [], circles: r.geometry.circles ?? [] },
      issuedAt: r.sent.toISOString(),
      expiresAt: r.expiresAt?.toISOString() ?? null,
      drill: r.capStatus !== 'Actual',
      sourceName: r.sourceName,
    });
  }
  const counts = new Map<string, { victor: number; ingested: number }>();
  for (const a of alerts) {
    if (!a.countryCode) continue;
    const c = counts.get(a.countryCode) ?? { victor: 0, ingested: 0 };
    c[a.origin === 'victor' ? 'victor' : 'ingested'] += 1;
    counts.set(a.countryCode, c);
  }
  return {
    generatedAt: now.toISOString(),
    alerts,
    countryCounts: [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([countryCode, c]) => ({ countryCode, ...c })),
  };
}

let outlinesCache: { body: string; etag: string } | null = null;

/** The SEE country outlines (GeoJSON) with a strong ETag; computed once per process. */
export async function loadOutlinesDocument(actor: Actor): Promise<{ body: string; etag: string }> {
  requirePermission(actor, 'alerts.read');
  if (!outlinesCache) {
    const body = JSON.stringify(await loadSeeOutlines());
    outlinesCache = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  }
  return outlinesCache;
}
