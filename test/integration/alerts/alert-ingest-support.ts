import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../src/db/database';
import type { ServiceContext } from '../../../src/services/context';

export const CAP_DIR = '/work/shared/reference/cap';
export const CORPUS = join(CAP_DIR, 'corpus');

/** expected.json of the shared CAP reference. */
export interface ExpectedVerdict {
  version?: string;
  kind?: string;
  reject?: boolean;
  xsd?: string;
  conformant?: boolean;
  valid_cap11?: boolean;
  valid_cap10?: boolean;
  valid_feed?: boolean;
}
export const expectedVerdicts = (): Record<string, ExpectedVerdict> => (JSON.parse(readFileSync(join(CAP_DIR, 'expected.json'), 'utf8')) as { files: Record<string, ExpectedVerdict> }).files;
export const readCorpus = (rel: string): Buffer => readFileSync(join(CAP_DIR, rel));

/** A tiny HTTP server whose routes the test sets; records the requests it got. */
export class LocalServer {
  readonly requests: { url: string; headers: IncomingMessage['headers'] }[] = [];
  private handlers = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  private server: Server | null = null;
  port = 0;

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  route(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void {
    this.handlers.set(path, handler);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests.push({ url: req.url ?? '', headers: req.headers });
      const handler = this.handlers.get((req.url ?? '').split('?')[0]!);
      if (!handler) {
        res.statusCode = 404;
        res.end('not found');
        return;
      }
      handler(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Everything the ingest tables hold, as text (to prove that a file's content never got in). */
export async function dumpIngestTables(ctx: ServiceContext): Promise<string> {
  const rows = await queryRows<{ t: string }>(ctx.database.db, sql`
    SELECT coalesce((SELECT string_agg(q::text, ' ') FROM alert_ingest_quarantine q), '') || ' ' ||
           coalesce((SELECT string_agg(a::text, ' ') FROM alert_ingested a), '') AS t`);
  return rows[0]?.t ?? '';
}

/** A small valid CAP 1.2 alert (invented). */
export function capDoc(o: { identifier: string; sender?: string; sent: string; msgType?: string; status?: string; scope?: string; expires?: string; references?: string; headline?: string; polygon?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${o.identifier}</identifier>
  <sender>${o.sender ?? 'alerts@al-demo.example.invalid'}</sender>
  <sent>${o.sent}</sent>
  <status>${o.status ?? 'Actual'}</status>
  <msgType>${o.msgType ?? 'Alert'}</msgType>
  <scope>${o.scope ?? 'Public'}</scope>${o.references ? `\n  <references>${o.references}</references>` : ''}
  <info>
    <language>en</language>
    <category>Rescue</category>
    <event>Endangered missing child</event>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>${o.expires ? `\n    <expires>${o.expires}</expires>` : ''}
    <headline>${o.headline ?? 'Invented test alert'}</headline>
    <area>
      <areaDesc>Tirana (invented)</areaDesc>
      <polygon>${o.polygon ?? '41.4,19.7 41.4,19.9 41.2,19.9 41.2,19.7 41.4,19.7'}</polygon>
      <geocode><valueName>ISO3166-1</valueName><value>AL</value></geocode>
    </area>
  </info>
</alert>
`;
}

/** A CAP time n hours from now (UTC offset +00:00). */
export function capTimeIn(hours: number, from = Date.now()): string {
  return new Date(Math.floor((from + hours * 3_600_000) / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}
