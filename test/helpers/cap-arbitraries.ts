/**
 * fast-check arbitraries for CAP 1.2 alerts. `arbitraryCapAlert()` generates alerts that are valid in
 * layers 1 and 2 of Victor's validator and against the official schema, in the exact shape the parser
 * produces (arrays always present, absent optional fields omitted), so a parse → serialize → parse
 * round trip can be compared with deep equality.
 */
import fc from 'fast-check';
import type { CapAlert, CapArea, CapInfo, CapNamedValue, CapResource } from '../../src/domain/alerts/cap/cap-model';
import {
  CAP_CATEGORIES, CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_RESPONSE_TYPES, CAP_SEVERITIES, CAP_STATUSES, CAP_URGENCIES,
} from '../../src/domain/alerts/cap/cap-model';
import { formatCapTime } from '../../src/domain/alerts/cap/cap-time';

/** One character XML 1.0 can carry, biased towards characters that need escaping. */
const xmlChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', '0', ' ', '&', '<', '>', '"', "'", '\n', '\r', '\t', ']', '=', ',', 'ж', 'Ω', 'ő', 'ș', '€') },
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);

/** Any text XML can carry (may be empty or blank). */
export const arbitraryXmlText = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: xmlChar, maxLength });
/** Text with at least one non-blank character. */
export const arbitraryNonBlankText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.tuple(fc.stringMatching(/^[A-Za-zА-Яа-я0-9]$/), arbitraryXmlText(maxLength)).map(([a, b]) => a + b);

/** identifier / sender: no spaces, commas, < or &. */
export const arbitraryCapToken = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,30}$/);

/** A CAP time in a realistic offset. */
export const arbitraryCapTime = fc
  .tuple(
    fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom(0, 60, 120, 180, -300, -480, 330, 345, -150, 840, -720),
  )
  .map(([d, off]) => formatCapTime(d, off));

const LANGUAGES = ['en', 'en-GB', 'el', 'el-GR', 'bg', 'ro', 'sl', 'sr-Latn', 'sr-Cyrl-RS', 'uk', 'hu', 'ru', 'de-AT', 'sq', 'mk', 'hr'];

const arbitraryPair: fc.Arbitrary<CapNamedValue> = fc.oneof(
  fc.record({ valueName: fc.constantFrom('victor:tier', 'profile:CAP-CP:Event:0.4', 'NUTS3', 'EMMA_ID'), value: arbitraryXmlText(20) }),
  fc.record({ valueName: fc.constant('SAME'), value: fc.stringMatching(/^[A-Z]{3}$/) }),
);
const arbitraryGeocode: fc.Arbitrary<CapNamedValue> = fc.oneof(
  fc.record({ valueName: fc.constantFrom('NUTS3', 'ISO3166-2', 'EMMA_ID'), value: arbitraryXmlText(20) }),
  fc.record({ valueName: fc.constant('SAME'), value: fc.stringMatching(/^\d{6}$/) }),
);

const coordinate = (limit: number): fc.Arbitrary<number> => fc.integer({ min: -limit * 10000, max: limit * 10000 }).map((n) => n / 10000);
const latLon = fc.tuple(coordinate(90), coordinate(180)).map(([lat, lon]) => `${lat},${lon}`);

export const arbitraryPolygon = fc.array(latLon, { minLength: 3, maxLength: 10 }).map((pts) => [...pts, pts[0]].join(' '));
export const arbitraryCircle = fc
  .tuple(latLon, fc.integer({ min: 0, max: 500000 }).map((n) => n / 100))
  .map(([c, r]) => `${c} ${r}`);

const arbitraryArea: fc.Arbitrary<CapArea> = fc
  .record(
    {
      areaDesc: arbitraryXmlText(30),
      polygon: fc.array(arbitraryPolygon, { maxLength: 2 }),
      circle: fc.array(arbitraryCircle, { maxLength: 2 }),
      geocode: fc.array(arbitraryGeocode, { maxLength: 2 }),
      heights: fc.option(fc.tuple(fc.integer({ min: -100000, max: 1000000 }), fc.option(fc.integer({ min: 0, max: 1000000 }), { nil: undefined }))),
    },
  )
  .map(({ heights, ...area }) => {
    const out: CapArea = { ...area };
    if (heights) {
      out.altitude = heights[0] / 100;
      if (heights[1] !== undefined) out.ceiling = (heights[0] + heights[1]) / 100;
    }
    return out;
  });

const arbitraryResource: fc.Arbitrary<CapResource> = fc.record(
  {
    resourceDesc: arbitraryXmlText(30),
    mimeType: fc.constantFrom('image/jpeg', 'image/png', 'application/pdf', 'audio/mpeg', 'text/plain'),
    size: fc.integer({ min: 0, max: 50_000_000 }),
    uri: fc.stringMatching(/^[a-z0-9-]{1,12}(\/[a-z0-9._-]{1,12}){0,3}$/).map((p) => `https://alerts.example.org/${p}`),
    derefUri: fc.base64String({ maxLength: 40 }),
    digest: fc.stringMatching(/^[0-9a-f]{40}$/),
  },
  { requiredKeys: ['resourceDesc', 'mimeType'] },
);

export const arbitraryCapInfo: fc.Arbitrary<CapInfo> = fc.record(
  {
    language: fc.constantFrom(...LANGUAGES),
    category: fc.uniqueArray(fc.constantFrom(...CAP_CATEGORIES), { minLength: 1, maxLength: 3 }),
    event: arbitraryNonBlankText(30),
    responseType: fc.uniqueArray(fc.constantFrom(...CAP_RESPONSE_TYPES), { maxLength: 2 }),
    urgency: fc.constantFrom(...CAP_URGENCIES),
    severity: fc.constantFrom(...CAP_SEVERITIES),
    certainty: fc.constantFrom(...CAP_CERTAINTIES),
    audience: arbitraryXmlText(20),
    eventCode: fc.array(arbitraryPair, { maxLength: 3 }),
    effective: arbitraryCapTime,
    onset: arbitraryCapTime,
    expires: arbitraryCapTime,
    senderName: arbitraryXmlText(30),
    headline: arbitraryXmlText(60),
    description: arbitraryXmlText(200),
    instruction: arbitraryXmlText(100),
    web: fc.stringMatching(/^[a-z0-9-]{1,12}$/).map((p) => `https://victor.example.org/alerts/${p}`),
    contact: arbitraryXmlText(30),
    parameter: fc.array(arbitraryPair, { maxLength: 3 }),
    resource: fc.array(arbitraryResource, { maxLength: 2 }),
    area: fc.array(arbitraryArea, { maxLength: 2 }),
  },
  {
    requiredKeys: ['category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'eventCode', 'parameter', 'resource', 'area'],
  },
);

const arbitraryReferences = fc
  .array(fc.tuple(arbitraryCapToken, arbitraryCapToken, arbitraryCapTime), { minLength: 1, maxLength: 3 })
  .map((triples) => triples.map((t) => t.join(',')).join(' '));

/** A CAP 1.2 alert valid in validator layers 1–2 and against the official schema. */
export const arbitraryCapAlert: fc.Arbitrary<CapAlert> = fc
  .record(
    {
      identifier: arbitraryCapToken,
      sender: arbitraryCapToken,
      sent: arbitraryCapTime,
      status: fc.constantFrom(...CAP_STATUSES),
      msgType: fc.constantFrom(...CAP_MSG_TYPES),
      source: arbitraryXmlText(20),
      scopeChoice: fc.oneof(
        fc.constant({ scope: 'Public' as const }),
        fc.record({ scope: fc.constant('Restricted' as const), restriction: arbitraryNonBlankText(20) }),
        fc.record({ scope: fc.constant('Private' as const), addresses: arbitraryNonBlankText(20) }),
      ),
      code: fc.array(arbitraryXmlText(12), { maxLength: 2 }),
      note: arbitraryXmlText(40),
      references: arbitraryReferences,
      incidents: arbitraryCapToken,
      info: fc.array(arbitraryCapInfo, { maxLength: 3 }),
    },
    { requiredKeys: ['identifier', 'sender', 'sent', 'status', 'msgType', 'scopeChoice', 'code', 'info'] },
  )
  .map(({ scopeChoice, ...rest }) => {
    const { identifier, sender, sent, status, msgType, source, code, note, references, incidents, info } = rest;
    // Rebuild in schema order; optional keys only when present.
    const alert: CapAlert = { identifier, sender, sent, status, msgType, scope: scopeChoice.scope, code, info };
    if (source !== undefined) alert.source = source;
    if ('restriction' in scopeChoice) alert.restriction = scopeChoice.restriction;
    if ('addresses' in scopeChoice) alert.addresses = scopeChoice.addresses;
    if (note !== undefined) alert.note = note;
    if (references !== undefined) alert.references = references;
    if (incidents !== undefined) alert.incidents = incidents;
    return alert;
  });
