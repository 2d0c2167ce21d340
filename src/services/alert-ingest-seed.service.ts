/**
 * Demo ingest: an invented neighbouring alert system, so the regional map and the quarantine have
 * something to show. Everything here is invented (no real child, no real system); the documents go
 * through the real ingest use-case.
 */
import { randomUUID } from 'node:crypto';
import * as ingestRepo from '../db/repos/alert-ingest.repo';
import type { CapAlert, CapInfo } from '../domain/alerts/cap/cap-model';
import { serializeCapAlert } from '../domain/alerts/cap/cap-serialize';
import { formatCapTime } from '../domain/alerts/cap/cap-time';
import { ingestDocument } from './alert-ingest.service';
import type { ServiceContext } from './context';

export const DEMO_INGEST_SOURCE_URL = 'https://alerts.example.invalid/feed.atom';
const SENDER = 'alerts@mk-demo.example.invalid';

/** An invented endangered-missing alert from a simulated North Macedonian system. */
function demoInfo(now: Date, headline: string, description: string): CapInfo {
  return {
    language: 'en',
    category: ['Rescue'],
    event: 'Endangered missing child',
    responseType: ['Monitor'],
    urgency: 'Immediate',
    severity: 'Severe',
    certainty: 'Likely',
    eventCode: [],
    expires: formatCapTime(new Date(now.getTime() + 36 * 3_600_000), 60),
    senderName: 'Demo: neighbouring alert system (simulated)',
    headline,
    description,
    instruction: 'If you see the child, call 116 000 or the police at once. Do not approach.',
    contact: '116000',
    parameter: [],
    resource: [],
    area: [
      {
        areaDesc: 'Ohrid and Struga area (demo)',
        polygon: ['41.20,20.60 41.20,20.90 40.98,20.90 40.98,20.60 41.20,20.60'],
        circle: [],
        geocode: [{ valueName: 'ISO3166-1', value: 'MK' }],
      },
    ],
  };
}

/** The demo documents: an Alert, its Update, an Albanian endangered-missing alert with a circle. */
export function buildDemoIngestDocuments(now: Date): string[] {
  const sentAlert = formatCapTime(new Date(now.getTime() - 3 * 3_600_000), 60);
  const sentUpdate = formatCapTime(new Date(now.getTime() - 3_600_000), 60);
  const alert: CapAlert = {
    identifier: 'MK-DEMO-2026-0001',
    sender: SENDER,
    sent: sentAlert,
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    code: ['demo'],
    incidents: 'MK-DEMO-INC-0001',
    info: [demoInfo(now, 'Demo: missing girl, 13, last seen near Ohrid', 'Invented demo alert from a simulated neighbouring system. Girl, 13, blue jacket.')],
  };
  const update: CapAlert = {
    ...alert,
    identifier: 'MK-DEMO-2026-0002',
    sent: sentUpdate,
    msgType: 'Update',
    references: `${SENDER},MK-DEMO-2026-0001,${sentAlert}`,
    info: [demoInfo(now, 'Demo update: missing girl, 13, possibly travelling towards Struga', 'Invented demo update: the child may be travelling west by bus.')],
  };
  const al: CapAlert = {
    identifier: 'AL-DEMO-2026-0001',
    sender: 'alerts@al-demo.example.invalid',
    sent: formatCapTime(new Date(now.getTime() - 2 * 3_600_000), 60),
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    code: ['demo'],
    info: [
      {
        ...demoInfo(now, 'Demo: missing boy, 11, last seen in Korçë', 'Invented demo alert from a simulated Albanian system.'),
        senderName: 'Demo: neighbouring alert system (simulated)',
        area: [{ areaDesc: 'Korçë (demo)', polygon: [], circle: ['40.62,20.78 12'], geocode: [{ valueName: 'ISO3166-1', value: 'AL' }] }],
      },
    ],
  };
  return [serializeCapAlert(alert), serializeCapAlert(update), serializeCapAlert(al)];
}

/** A hostile document (an external entity), to show the quarantine. Never parsed. */
export const DEMO_HOSTILE_DOCUMENT =
  '<?xml version="1.0"?>\n<!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>\n';

/** Ingest the demo documents once (through the real ingest use-case). */
export async function seedDemoIngest(ctx: ServiceContext, now = new Date()): Promise<void> {
  const existing = (await ingestRepo.listSources(ctx.database.db)).find((s) => s.url === DEMO_INGEST_SOURCE_URL);
  if (existing) return;
  const source = await ingestRepo.insertSource(ctx.database.db, {
    id: randomUUID(),
    name: 'Demo: neighbouring alert system (simulated)',
    url: DEMO_INGEST_SOURCE_URL,
    kind: 'atom',
    countryCode: 'MK',
    active: false,
    pollSeconds: 300,
  });
  const origin = { sourceId: source.id, countryCode: source.countryCode, baseUrl: null };
  for (const xml of buildDemoIngestDocuments(now)) await ingestDocument(ctx, Buffer.from(xml, 'utf8'), origin, 'application/cap+xml');
  await ingestDocument(ctx, Buffer.from(DEMO_HOSTILE_DOCUMENT, 'utf8'), origin, 'application/cap+xml');
}
