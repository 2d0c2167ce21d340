/** Helpers of the distribution tests: alert messages written straight into the tables, a local webhook receiver. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { escapeXmlText } from '../../../src/domain/alerts/cap/cap-xml-text';
import { queueMessageDistribution, type PublishedMessage } from '../../../src/services/alert-publication';
import { inTransaction, type ServiceContext } from '../../../src/services/context';

let n = 0;

/** What a test message is made of. */
export interface TestMessageInput {
  organisationId: string;
  countryCode?: string;
  capStatus?: 'Actual' | 'Exercise' | 'Test';
  scope?: 'Public' | 'Restricted';
  /** Info texts per language tag. */
  texts?: Record<string, { headline: string; description: string }>;
}

/** Insert an alert and one published message, and queue its distribution as the alert service does. */
export async function publishTestMessage(ctx: ServiceContext, input: TestMessageInput): Promise<{ message: PublishedMessage; counts: { webhooks: number; mails: number } }> {
  n += 1;
  const country = input.countryCode ?? 'GR';
  const capStatus = input.capStatus ?? 'Actual';
  const scope = input.scope ?? 'Public';
  const texts = input.texts ?? { 'en-GB': { headline: `Missing child ${n} & friend`, description: 'Girl, 12, last seen near the station. Blue jacket.' } };
  const alertId = randomUUID();
  const messageId = randomUUID();
  const infos = Object.entries(texts)
    .map(([lang, t]) => `<info><language>${lang}</language><category>Rescue</category><event>Child abduction</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty><headline>${escapeXmlText(t.headline)}</headline><description>${escapeXmlText(t.description)}</description></info>`)
    .join('');
  const identifier = `test-${messageId}`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${identifier}</identifier><sender>alerts@victor.example</sender><sent>2026-11-30T12:00:00+00:00</sent><status>${capStatus}</status><msgType>Alert</msgType><scope>${scope}</scope>${infos}</alert>`;
  const message: PublishedMessage = { id: messageId, alertId, countryCode: country, capStatus, scope, msgType: 'Alert', languageCodes: Object.keys(texts), public: capStatus === 'Actual' && scope === 'Public' };
  const counts = await inTransaction(ctx, async (tx) => {
    await tx.execute(sql`INSERT INTO alerts (id, reference, incident_id, country_code, organisation_id, tier, mode, status)
      VALUES (${alertId}, ${`${country}-T-${n}-${alertId.slice(0, 8)}`}, ${`inc-${alertId}`}, ${country}, ${input.organisationId}, 'child_abduction', ${capStatus === 'Actual' ? 'actual' : capStatus.toLowerCase()}, 'issued')`);
    await tx.execute(sql`INSERT INTO alert_messages (id, alert_id, seq, identifier, sender, sent, msg_type, cap_status, scope, reason, language_codes, xml, public)
      VALUES (${messageId}, ${alertId}, 1, ${identifier}, 'alerts@victor.example', now(), 'Alert', ${capStatus}, ${scope}, 'issued', ${`{${Object.keys(texts).join(',')}}`}::text[], ${xml}, ${message.public})`);
    return queueMessageDistribution(ctx, tx, message);
  });
  return { message, counts };
}

/** A request the receiver got. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  path: string;
}

/** A local HTTP receiver; `respond` decides the status of each request. */
export async function startReceiver(respond: (r: Received, count: number) => number = () => 204): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' };
      received.push(r);
      res.statusCode = respond(r, received.length);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
