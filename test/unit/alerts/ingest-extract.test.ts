import { describe, expect, it } from 'vitest';
import type { CapAlert } from '../../../src/domain/alerts/cap/cap-model';
import { extractIngestFields, makeExcerpt, parseCapCircle, parseCapPolygon, parseLenientTime, parseReferences, reasonOfParseIssue, screenHostileMarkup, sniffDocumentKind } from '../../../src/services/alert-ingest-extract';

const alert = (over: Partial<CapAlert> = {}): CapAlert => ({
  identifier: 'X-1',
  sender: 's@example.invalid',
  sent: '2026-11-30T10:00:00+01:00',
  status: 'Actual',
  msgType: 'Alert',
  scope: 'Public',
  code: [],
  info: [
    { language: 'mk', category: ['Rescue'], event: 'Исчезнато дете', responseType: [], urgency: 'Immediate', severity: 'Severe', certainty: 'Likely', eventCode: [], parameter: [], resource: [], headline: 'Наслов', expires: '2026-12-01T10:00:00+01:00', area: [] },
    {
      language: 'en-GB', category: ['Rescue'], event: 'Missing child', responseType: [], urgency: 'Immediate', severity: 'Severe', certainty: 'Likely', eventCode: [], parameter: [], resource: [], headline: 'Missing child', expires: '2026-12-01T12:00:00+01:00',
      area: [{ areaDesc: 'Ohrid', polygon: ['41.2,20.6 41.2,20.9 41.0,20.9 41.2,20.6'], circle: ['40.62,20.78 12', 'bad circle'], geocode: [{ valueName: 'ISO3166-1', value: 'mk' }] }],
    },
  ],
  ...over,
});

describe('ingest extraction', () => {
  it('takes geometry, the ISO 3166 country, the English headline and the latest expiry', () => {
    const f = extractIngestFields(alert(), 'AL');
    expect(f.geometry.polygons).toEqual([[[41.2, 20.6], [41.2, 20.9], [41, 20.9], [41.2, 20.6]]]);
    expect(f.geometry.circles).toEqual([{ lat: 40.62, lon: 20.78, radiusKm: 12 }]);
    expect(f.countryCode).toBe('MK');
    expect(f.headline).toBe('Missing child');
    expect(f.expiresAt?.toISOString()).toBe('2026-12-01T11:00:00.000Z');
  });

  it('falls back to the source country and never expires when one info has no expiry', () => {
    const a = alert();
    a.info[0]!.expires = undefined;
    a.info[1]!.area = [];
    const f = extractIngestFields(a, 'AL');
    expect(f.countryCode).toBe('AL');
    expect(f.expiresAt).toBeNull();
  });

  it('parses polygons, circles, references and lenient times strictly', () => {
    expect(parseCapPolygon('1,2 3,4')).toBeNull();
    expect(parseCapPolygon('91,2 3,4 5,6 91,2')).toBeNull();
    expect(parseCapCircle('40,20 -1')).toBeNull();
    expect(parseReferences('a@b,ID-1,2026-11-30T10:00:00+01:00 broken a,b,c,d')).toEqual([{ sender: 'a@b', identifier: 'ID-1', sent: new Date('2026-11-30T09:00:00Z') }]);
    expect(parseLenientTime('2010-06-03T19:15:00Z')?.toISOString()).toBe('2010-06-03T19:15:00.000Z');
    expect(parseLenientTime('yesterday')).toBeNull();
  });

  it('refuses DOCTYPE, entities and XInclude before any parser', () => {
    expect(screenHostileMarkup(Buffer.from('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'))?.reason).toBe('CAP_DOCTYPE_FORBIDDEN');
    expect(screenHostileMarkup(Buffer.from('<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd"/></a>'))?.reason).toBe('CAP_XINCLUDE_FORBIDDEN');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<!DOCTYPE a><a/>', 'utf16le')]);
    expect(screenHostileMarkup(utf16)?.reason).toBe('CAP_DOCTYPE_FORBIDDEN');
    expect(screenHostileMarkup(Buffer.from('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>'))).toBeNull();
  });

  it('sniffs the root element and keeps excerpts short and free of control characters', () => {
    expect(sniffDocumentKind(Buffer.from('<?xml version="1.0"?>\n<!-- c --><atom:feed xmlns:atom="x"/>'))).toBe('atom');
    expect(sniffDocumentKind(Buffer.from('<alert/>'))).toBe('cap');
    expect(sniffDocumentKind(Buffer.from('\u0000\u0001garbage'))).toBe('unknown');
    const excerpt = makeExcerpt(Buffer.from(`a\u0000b\u0007c${'x'.repeat(2000)}`));
    expect(excerpt.startsWith('abc')).toBe(true);
    expect(excerpt).toHaveLength(512);
    expect(reasonOfParseIssue('CAP_NOT_XML')).toBe('CAP_NOT_XML');
    expect(reasonOfParseIssue('weird code')).toBe('CAP_INVALID');
  });
});
