/**
 * CAP library benchmark: serialize + validate throughput (alerts/s) for a realistic 9-language child
 * alert (photo resource with digest, polygon and circle area, Victor profile), and parse throughput
 * (strict parse of the serialized document, and parse + validate as ingest does).
 * Run alone: node --import tsx bench/alerts-cap.ts → table on stdout, JSON in .tmp/bench-alerts-cap.json;
 * `npm run bench` calls `runCapBench` (bench/alerts-run.ts). BENCH_CAP_N (2000) operations per round.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CapAlert, CapInfo } from '../src/domain/alerts/cap/cap-model';
import { checkCapDocument } from '../src/domain/alerts/cap/cap-document';
import { parseCapXml } from '../src/domain/alerts/cap/cap-parse';
import { serializeCapAlert } from '../src/domain/alerts/cap/cap-serialize';
import { formatCapTime } from '../src/domain/alerts/cap/cap-time';
import { validateCapAlert, type ChildAlertProfile } from '../src/domain/alerts/cap/cap-validate';

const LANGS: Record<string, [string, string]> = {
  en: ['Child abduction alert', 'Missing child, invented demo case. If you see her call 112 or 116 000.'],
  el: ['Συναγερμός απαγωγής παιδιού', 'Εξαφανισμένο παιδί (επινοημένη περίπτωση). Καλέστε 112 ή 116 000.'],
  bg: ['Сигнал за отвличане на дете', 'Изчезнало дете (измислен случай). Обадете се на 112 или 116 000.'],
  ro: ['Alertă de răpire a unui copil', 'Copil dispărut (caz inventat). Sunați la 112 sau 116 000.'],
  sl: ['Opozorilo o ugrabitvi otroka', 'Pogrešani otrok (izmišljen primer). Pokličite 112 ali 116 000.'],
  sr: ['Упозорење о отмици детета', 'Нестало дете (измишљен случај). Позовите 112 или 116 000.'],
  uk: ['Тривога: викрадення дитини', 'Зникла дитина (вигаданий випадок). Телефонуйте 112 або 116 000.'],
  hu: ['Gyermekrablási riasztás', 'Eltűnt gyermek (kitalált eset). Hívja a 112-t vagy a 116 000-t.'],
  ru: ['Тревога: похищение ребёнка', 'Пропавший ребёнок (вымышленный случай). Звоните 112 или 116 000.'],
};

function makeAlert(n: number): CapAlert {
  const sent = new Date(Date.UTC(2026, 10, 30, 14, 5, 0) + n * 1000);
  const expires = new Date(sent.getTime() + 24 * 3600_000);
  const digest = createHash('sha1').update(`photo-${n}`).digest('hex');
  const info = (lang: string, [headline, text]: [string, string]): CapInfo => ({
    language: lang,
    category: ['Rescue'],
    event: headline,
    responseType: ['Monitor'],
    urgency: 'Immediate',
    severity: 'Severe',
    certainty: 'Likely',
    eventCode: [{ valueName: 'SAME', value: 'CAE' }, { valueName: 'victor:tier', value: 'child_abduction' }],
    effective: formatCapTime(sent, 60),
    expires: formatCapTime(expires, 60),
    senderName: 'Demo police directorate (invented)',
    headline: `${headline}: Ana (7)`,
    description: `${text} 120 cm, dark hair, red coat & blue shoes. Last seen near the central station at 13:40.`,
    instruction: text,
    web: `https://victor.example.org/alerts/${n}`,
    contact: '116 000',
    parameter: [{ valueName: 'victor:country', value: 'RS' }],
    resource: [{ resourceDesc: 'Photo of the child', mimeType: 'image/jpeg', size: 48213, uri: `https://victor.example.org/alerts/${n}/photo.jpg`, digest }],
    area: [{
      areaDesc: 'Demo city and surroundings',
      polygon: ['45.2671,19.8335 45.2900,19.8800 45.2500,19.9200 45.2200,19.8600 45.2400,19.8100 45.2671,19.8335'],
      circle: ['45.2671,19.8335 25'],
      geocode: [{ valueName: 'ISO3166-2', value: 'RS-VO' }],
    }],
  });
  return {
    identifier: `VICTOR-RS-2026-${String(n).padStart(6, '0')}`,
    sender: 'alerts@victor.example.org',
    sent: formatCapTime(sent, 60),
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    code: ['victor:child-alert'],
    incidents: `VICTOR-INC-RS-${n}`,
    info: Object.entries(LANGS).map(([l, t]) => info(l, t)),
  };
}

const profile: ChildAlertProfile = { hotline: '116 000', maxExpires: '2026-12-31T00:00:00+00:00', requirePhoto: true };

function measure(name: string, count: number, fn: (i: number) => void): CapBenchRow {
  for (let i = 0; i < Math.min(200, count); i++) fn(i); // warm-up
  // Best of three rounds: the machine is shared, the best round is the least disturbed one.
  let ms = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) fn(i);
    ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { name, ops: count, perSec: Math.round((count / ms) * 1000), usPerOp: Math.round((ms * 1000) / count) };
}

/** One measured operation. */
export interface CapBenchRow {
  name: string;
  ops: number;
  perSec: number;
  usPerOp: number;
}

/** What the CAP bench measured. */
export interface CapBenchResult {
  at: string;
  node: string;
  documentBytes: number;
  languages: number;
  rows: CapBenchRow[];
  /** 1-minute load average at the start and the end of the measurement. */
  loadAverage: { start: number; end: number };
}

/** The CAP bench options from the environment (BENCH_CAP_N operations per round). */
export function capOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): { operations: number } {
  const n = Number(env.BENCH_CAP_N);
  return { operations: Number.isInteger(n) && n > 0 ? n : 2000 };
}

/** Measure serialize, validate, parse and ingest-check throughput of a 9-language child alert. */
export function runCapBench(opts: { operations: number }): CapBenchResult {
  const N = opts.operations;
  const loadStart = loadavg()[0] ?? 0;
  const alerts = Array.from({ length: 256 }, (_, i) => makeAlert(i));
  const docs = alerts.map(serializeCapAlert);
  for (const a of alerts) if (!validateCapAlert(a, { profile }).valid) throw new Error('bench alert is not valid');
  let sink = 0;
  const rows = [
    measure('serialize', N, (i) => { sink += serializeCapAlert(alerts[i % alerts.length] as CapAlert).length; }),
    measure('validate (layers 1-3)', N, (i) => { sink += validateCapAlert(alerts[i % alerts.length] as CapAlert, { profile }).issues.length; }),
    measure('serialize + validate', N, (i) => {
      const a = alerts[i % alerts.length] as CapAlert;
      if (validateCapAlert(a, { profile }).valid) sink += serializeCapAlert(a).length;
    }),
    measure('parse (strict)', N, (i) => { sink += parseCapXml(docs[i % docs.length] as string).ok ? 1 : 0; }),
    measure('parse + validate (ingest, bytes)', N, (i) => { sink += checkCapDocument(Buffer.from(docs[i % docs.length] as string), { lenient: true }).valid ? 1 : 0; }),
  ];
  if (sink < 0) console.log(sink);
  return { at: new Date().toISOString(), node: process.version, documentBytes: Buffer.byteLength(docs[0] as string), languages: 9, rows, loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 } };
}

function main(): void {
  const { operations } = capOptionsFromEnv();
  const r = runCapBench({ operations });
  console.log(`CAP benchmark: 9-language child alert, ${r.documentBytes} bytes of XML, ${operations} operations each, best of 3 rounds (node ${process.version}, load average ${r.loadAverage.start.toFixed(2)})`);
  console.log('operation                          alerts/s    µs/alert');
  for (const row of r.rows) console.log(`${row.name.padEnd(34)} ${String(row.perSec).padStart(8)} ${String(row.usPerOp).padStart(11)}`);
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/bench-alerts-cap.json', `${JSON.stringify(r, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
