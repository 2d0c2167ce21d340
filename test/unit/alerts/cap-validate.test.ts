/**
 * Validator layers with coded results: structure (schema types), section-3 rules, Victor profile.
 * Also CAP time formatting and serializer escaping.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapAlert, CapInfo } from '../../../src/domain/alerts/cap/cap-model';
import { CAP_ISSUE_CODES } from '../../../src/domain/alerts/cap/cap-issues';
import { parseCapXml } from '../../../src/domain/alerts/cap/cap-parse';
import { serializeCapAlert } from '../../../src/domain/alerts/cap/cap-serialize';
import { formatCapTime, parseCapTime } from '../../../src/domain/alerts/cap/cap-time';
import { validateCapAlert, type ChildAlertProfile } from '../../../src/domain/alerts/cap/cap-validate';
import { validateAgainstCapXsd } from '../../helpers/cap-xsd';

const LANGS = ['en', 'el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru'];
const HOTLINE = '116 000';

function childInfo(language: string, over: Partial<CapInfo> = {}): CapInfo {
  return {
    language,
    category: ['Rescue'],
    event: 'Child Abduction',
    responseType: ['Monitor'],
    urgency: 'Immediate',
    severity: 'Severe',
    certainty: 'Likely',
    eventCode: [{ valueName: 'SAME', value: 'CAE' }, { valueName: 'victor:tier', value: 'child_abduction' }],
    effective: '2026-11-30T14:05:00+01:00',
    expires: '2026-12-01T14:05:00+01:00',
    senderName: 'Demo Police Directorate',
    headline: 'Child abduction alert: Ana (7), invented demo case',
    description: 'Ana, 7, 120 cm, dark hair, red coat & blue shoes <demo>.',
    instruction: `If you see her, call 112 or the ${HOTLINE} hotline. Do not approach.`,
    contact: `${HOTLINE}`,
    parameter: [],
    resource: [{ resourceDesc: 'Photo', mimeType: 'image/jpeg', size: 20480, uri: 'https://victor.example.org/p/1.jpg', digest: 'a'.repeat(40) }],
    area: [{ areaDesc: 'Demo city', polygon: ['45.1,19.1 45.2,19.1 45.2,19.3 45.1,19.1'], circle: ['45.15,19.2 10'], geocode: [] }],
    ...over,
  };
}

function childAlert(over: Partial<CapAlert> = {}): CapAlert {
  return {
    identifier: 'VICTOR-RS-2026-0001',
    sender: 'alerts@victor.example.org',
    sent: '2026-11-30T14:05:00+01:00',
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    code: [],
    incidents: 'VICTOR-INC-2026-0001',
    info: LANGS.map((l) => childInfo(l)),
    ...over,
  };
}

const profile: ChildAlertProfile = { hotline: HOTLINE, maxExpires: '2026-12-02T14:05:00+01:00', requirePhoto: true };
const codes = (alert: CapAlert, p?: ChildAlertProfile): string[] => validateCapAlert(alert, p ? { profile: p } : {}).issues.map((i) => i.code);

describe('CAP time', () => {
  it('formats with explicit offset, never Z', () => {
    const d = new Date('2026-11-30T14:05:07.900Z');
    expect(formatCapTime(d)).toBe('2026-11-30T14:05:07+00:00');
    expect(formatCapTime(d, 60)).toBe('2026-11-30T15:05:07+01:00');
    expect(formatCapTime(d, -330)).toBe('2026-11-30T08:35:07-05:30');
    expect(() => formatCapTime(new Date(Number.NaN))).toThrow(RangeError);
  });
  it('parses CAP times and refuses Z, fractions, impossible dates', () => {
    expect(parseCapTime('2026-11-30T15:05:00+01:00')?.toISOString()).toBe('2026-11-30T14:05:00.000Z');
    expect(parseCapTime('2026-11-30T14:05:00-00:00')?.toISOString()).toBe('2026-11-30T14:05:00.000Z');
    for (const bad of ['2026-11-30T14:05:00Z', '2026-11-30T14:05:00', '2026-11-30T14:05:00.5+00:00', '2026-02-30T00:00:00+00:00', '2026-11-30T24:00:00+00:00', ' 2026-11-30T14:05:00+00:00', '']) {
      expect(parseCapTime(bad), bad).toBeNull();
    }
  });
});

describe('serializer', () => {
  it('escapes text, keeps schema order and passes the official XSD', async () => {
    const alert = childAlert({ note: 'a < b && c > d "q" \'s\' \r\n end', references: 'x,y,2026-11-30T14:05:00+01:00' });
    const xml = serializeCapAlert(alert);
    expect(xml).toContain('<note>a &lt; b &amp;&amp; c &gt; d "q" \'s\' &#13;\n end</note>');
    expect(xml.indexOf('<references>')).toBeLessThan(xml.indexOf('<incidents>'));
    expect(xml.indexOf('<incidents>')).toBeLessThan(xml.indexOf('<info>'));
    expect(await validateAgainstCapXsd(xml)).toEqual({ valid: true, errors: [] });
    const back = parseCapXml(xml);
    expect(back.ok && back.alert).toEqual(alert);
  });
  it('the XSD helper reports a broken document with its errors', async () => {
    const xml = serializeCapAlert(childAlert({ status: 'Sometimes' as CapAlert['status'] }));
    const r = await validateAgainstCapXsd(xml);
    expect(r.valid).toBe(false);
    expect(r.errors.join(' ')).toMatch(/status/);
  });
  it('replaces characters XML cannot carry and the validator flags them', () => {
    const alert = childAlert({ note: 'bell\u0007 here' });
    expect(serializeCapAlert(alert)).toContain('<note>bell\uFFFD here</note>');
    expect(codes(alert)).toContain('CAP_INVALID_CHARACTER');
  });
});

describe('layer 1: structure and types', () => {
  it('a complete 9-language child alert is valid in every layer', () => {
    expect(validateCapAlert(childAlert(), { profile })).toEqual({ valid: true, issues: [] });
  });
  it.each<[string, Partial<CapAlert>, string, string]>([
    ['missing scope', { scope: undefined as unknown as CapAlert['scope'] }, 'CAP_MISSING_ELEMENT', '/alert/scope'],
    ['bad status', { status: 'Live' as CapAlert['status'] }, 'CAP_INVALID_ENUM', '/alert/status'],
    ['Z time', { sent: '2026-11-30T14:05:00Z' }, 'CAP_INVALID_TIME', '/alert/sent'],
    ['no category', { info: [childInfo('en', { category: [] })] }, 'CAP_MISSING_ELEMENT', '/alert/info[0]/category'],
    ['bad urgency', { info: [childInfo('en', { urgency: '' as CapInfo['urgency'] })] }, 'CAP_INVALID_ENUM', '/alert/info[0]/urgency'],
    ['bad xs:language', { info: [childInfo('en_US')] }, 'CAP_INVALID_LANGUAGE', '/alert/info[0]/language'],
    ['fractional size', { info: [childInfo('en', { resource: [{ resourceDesc: 'p', mimeType: 'image/png', size: 1.5 }] })] }, 'CAP_INVALID_INTEGER', '/alert/info[0]/resource[0]/size'],
    ['NaN altitude', { info: [childInfo('en', { area: [{ areaDesc: 'x', polygon: [], circle: [], geocode: [], altitude: Number.NaN }] })] }, 'CAP_INVALID_DECIMAL', '/alert/info[0]/area[0]/altitude'],
  ])('%s → %s', (_n, over, code, path) => {
    const r = validateCapAlert(childAlert(over));
    expect(r.valid).toBe(false);
    expect(r.issues).toContainEqual(expect.objectContaining({ code, path, layer: 'structure', severity: 'error' }));
  });
  it('the parser reports order, unknown and duplicate elements', () => {
    const xml = serializeCapAlert(childAlert({ info: [] }))
      .replace('<status>Actual</status>\n  <msgType>Alert</msgType>', '<msgType>Alert</msgType>\n  <status>Actual</status>')
      .replace('<scope>Public</scope>', '<scope>Public</scope><scope>Public</scope><colour>red</colour>');
    const r = parseCapXml(xml);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code).sort()).toEqual(['CAP_DUPLICATE_ELEMENT', 'CAP_ELEMENT_ORDER', 'CAP_UNKNOWN_ELEMENT']);
    const lenient = parseCapXml(xml, { lenient: true });
    expect(lenient.ok).toBe(true);
  });
});

describe('layer 2: section-3 rules', () => {
  const poly = (p: string): Partial<CapAlert> => ({ info: [childInfo('en', { area: [{ areaDesc: 'x', polygon: [p], circle: [], geocode: [] }] })] });
  const circle = (c: string): Partial<CapAlert> => ({ info: [childInfo('en', { area: [{ areaDesc: 'x', polygon: [], circle: [c], geocode: [] }] })] });
  it.each<[string, Partial<CapAlert>, string]>([
    ['space in identifier', { identifier: 'A B' }, 'CAP_IDENTIFIER_CHARS'],
    ['comma in identifier', { identifier: 'A,B' }, 'CAP_IDENTIFIER_CHARS'],
    ['ampersand in sender', { sender: 'a&b@example.org' }, 'CAP_SENDER_CHARS'],
    ['< in sender', { sender: 'a<b' }, 'CAP_SENDER_CHARS'],
    ['empty references', { references: '' }, 'CAP_REFERENCES_EMPTY'],
    ['blank references', { references: '  ' }, 'CAP_REFERENCES_EMPTY'],
    ['references pair', { references: 'a,b' }, 'CAP_REFERENCES_FORMAT'],
    ['references bad time', { references: 'a,b,2026-11-30T14:05:00Z' }, 'CAP_REFERENCES_FORMAT'],
    ['polygon of 3 pairs', poly('1,1 2,2 1,1'), 'CAP_POLYGON_TOO_FEW_POINTS'],
    ['polygon not closed', poly('1,1 2,2 3,1 1,2'), 'CAP_POLYGON_NOT_CLOSED'],
    ['polygon garbage', poly('1,1 2;2 3,1 1,1'), 'CAP_POLYGON_FORMAT'],
    ['polygon trailing comma', poly('1,1 2,2, 3,1 1,1'), 'CAP_POLYGON_FORMAT'],
    ['latitude 91', poly('91,1 2,2 3,1 91,1'), 'CAP_COORDINATE_RANGE'],
    ['longitude -181', circle('1,-181 5'), 'CAP_COORDINATE_RANGE'],
    ['circle without radius', circle('1,1'), 'CAP_CIRCLE_FORMAT'],
    ['circle negative radius', circle('1,1 -2'), 'CAP_CIRCLE_FORMAT'],
    ['Restricted without restriction', { scope: 'Restricted' }, 'CAP_RESTRICTION_REQUIRED'],
    ['Private without addresses', { scope: 'Private', addresses: ' ' }, 'CAP_ADDRESSES_REQUIRED'],
    ['ceiling without altitude', { info: [childInfo('en', { area: [{ areaDesc: 'x', polygon: [], circle: [], geocode: [], ceiling: 10 }] })] }, 'CAP_CEILING_WITHOUT_ALTITUDE'],
    ['ceiling below altitude', { info: [childInfo('en', { area: [{ areaDesc: 'x', polygon: [], circle: [], geocode: [], altitude: 10, ceiling: 5 }] })] }, 'CAP_CEILING_BELOW_ALTITUDE'],
    ['language tag', { info: [childInfo('toolonglanguage')] }, 'CAP_LANGUAGE_TAG'],
    ['digest not SHA-1 hex', { info: [childInfo('en', { resource: [{ resourceDesc: 'p', mimeType: 'image/png', digest: 'abc' }] })] }, 'CAP_DIGEST_FORMAT'],
    ['negative size', { info: [childInfo('en', { resource: [{ resourceDesc: 'p', mimeType: 'image/png', size: -1 }] })] }, 'CAP_SIZE_NEGATIVE'],
    ['relative web', { info: [childInfo('en', { web: '/alerts/1' })] }, 'CAP_WEB_NOT_ABSOLUTE'],
    ['SAME event code', { info: [childInfo('en', { eventCode: [{ valueName: 'SAME', value: '' }] })] }, 'CAP_SAME_CODE_FORMAT'],
    ['blank event', { info: [childInfo('en', { event: ' ' })] }, 'CAP_EMPTY_VALUE'],
  ])('%s → %s', (_n, over, code) => {
    const r = validateCapAlert(childAlert(over));
    expect(r.valid).toBe(false);
    expect(r.issues).toContainEqual(expect.objectContaining({ code, layer: 'rules', severity: 'error' }));
  });
  it('accepts BCP 47 tags and a Restricted alert with restriction', () => {
    for (const tag of ['sr-Latn-RS', 'en-GB', 'x-victor', 'i-klingon', 'de-CH-1996', 'zh-Hant-TW']) {
      expect(codes(childAlert({ info: [childInfo(tag)] }))).toEqual([]);
    }
    expect(codes(childAlert({ scope: 'Restricted', restriction: 'Neighbouring 116 000 desks only' }))).toEqual([]);
  });
  it('an Update without references gets a warning only', () => {
    const r = validateCapAlert(childAlert({ msgType: 'Update' }));
    expect(r.valid).toBe(true);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'CAP_REFERENCES_RECOMMENDED', severity: 'warning' })]);
  });
});

describe('layer 3: Victor child-alert profile', () => {
  it.each<[string, Partial<CapAlert>, string]>([
    ['no Rescue category', { info: [childInfo('en', { category: ['Safety'] })] }, 'VICTOR_CATEGORY_RESCUE'],
    ['no tier code', { info: [childInfo('en', { eventCode: [{ valueName: 'SAME', value: 'CAE' }] })] }, 'VICTOR_TIER_CODE'],
    ['unknown tier', { info: [childInfo('en', { eventCode: [{ valueName: 'victor:tier', value: 'amber' }] })] }, 'VICTOR_TIER_CODE'],
    ['abduction without SAME CAE', { info: [childInfo('en', { eventCode: [{ valueName: 'victor:tier', value: 'child_abduction' }] })] }, 'VICTOR_SAME_CAE'],
    ['duplicate language', { info: [childInfo('en'), childInfo('EN')] }, 'VICTOR_LANGUAGE_DUPLICATE'],
    ['missing language', { info: [childInfo('en', { language: undefined })] }, 'VICTOR_LANGUAGE_REQUIRED'],
    ['no photo', { info: [childInfo('en', { resource: [] })] }, 'VICTOR_PHOTO_REQUIRED'],
    ['photo without digest', { info: [childInfo('en', { resource: [{ resourceDesc: 'p', mimeType: 'image/png' }] })] }, 'VICTOR_PHOTO_DIGEST'],
    ['no expires', { info: [childInfo('en', { expires: undefined })] }, 'VICTOR_EXPIRES_REQUIRED'],
    ['expires too late', { info: [childInfo('en', { expires: '2026-12-02T14:05:01+01:00' })] }, 'VICTOR_EXPIRES_TOO_LATE'],
    ['no hotline', { info: [childInfo('en', { contact: 'Police', instruction: 'Call 112' })] }, 'VICTOR_HOTLINE_MISSING'],
    ['no incidents', { incidents: undefined }, 'VICTOR_INCIDENTS_REQUIRED'],
    ['Alert without info', { info: [] }, 'VICTOR_INFO_REQUIRED'],
  ])('%s → %s', (_n, over, code) => {
    const r = validateCapAlert(childAlert(over), { profile });
    expect(r.valid).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual([code]);
    expect(r.issues[0]?.layer).toBe('profile');
  });
  it('the endangered-missing tier needs no SAME CAE; hotline written without space counts', () => {
    const info = childInfo('en', { eventCode: [{ valueName: 'victor:tier', value: 'endangered_missing' }], contact: 'Hotline 116000', instruction: '' });
    expect(codes(childAlert({ info: [info] }), profile)).toEqual([]);
  });
  it('the expiry at exactly the maximum, in another offset, is allowed', () => {
    expect(codes(childAlert({ info: [childInfo('en', { expires: '2026-12-02T13:05:00+00:00' })] }), profile)).toEqual([]);
  });
  it('Update/Cancel must reference every earlier message', () => {
    const earlier = [
      { sender: 'alerts@victor.example.org', identifier: 'VICTOR-RS-2026-0001', sent: '2026-11-30T14:05:00+01:00' },
      { sender: 'alerts@victor.example.org', identifier: 'VICTOR-RS-2026-0001-U1', sent: '2026-11-30T16:00:00+01:00' },
    ];
    const p = { ...profile, earlier };
    const one = `${earlier[0]!.sender},${earlier[0]!.identifier},${earlier[0]!.sent}`;
    const two = `${earlier[1]!.sender},${earlier[1]!.identifier},2026-11-30T15:00:00+00:00`;
    expect(codes(childAlert({ msgType: 'Update', references: one }), p)).toEqual(['VICTOR_REFERENCES_INCOMPLETE']);
    expect(codes(childAlert({ msgType: 'Cancel', references: `${one} ${two}`, info: [] }), p)).toEqual([]);
  });
  it('without profile option layer 3 is not applied', () => {
    expect(codes(childAlert({ incidents: undefined, info: [childInfo('en', { category: ['Met'] })] }))).toEqual([]);
  });
});

describe('issue catalogue', () => {
  it('has a layer and a message for every code', () => {
    for (const [code, entry] of Object.entries(CAP_ISSUE_CODES)) {
      expect(code).toMatch(/^(CAP|VICTOR|FEED|EDXL)_[A-Z0-9_]+$/);
      expect(entry.message.length).toBeGreaterThan(5);
    }
  });
  it('lists every code the library can emit', () => {
    const dir = new URL('../../../src/domain/alerts/', import.meta.url);
    const files = ['cap', 'feed'].flatMap((d) => readdirSync(new URL(`${d}/`, dir)).map((f) => new URL(`${d}/${f}`, dir)));
    const used = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'((?:CAP|VICTOR|FEED|EDXL)_[A-Z0-9_]+)'/g)].map((m) => m[1] as string)));
    used.delete('CAP_ISSUE_CODES');
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((c) => !(c in CAP_ISSUE_CODES))).toEqual([]);
  });
});
