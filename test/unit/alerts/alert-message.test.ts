import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAlertMessage, buildMessageIdentifier, buildRedactedMessage, capInstant, type AlertMessageInput, type AlertMessageReason, type CapReference } from '../../../src/domain/alerts/alert-message';
import { serializeCapAlert } from '../../../src/domain/alerts/cap/cap-serialize';
import { formatCapTime } from '../../../src/domain/alerts/cap/cap-time';
import { validateCapAlert } from '../../../src/domain/alerts/cap/cap-validate';
import { validateManyAgainstCapXsd } from '../../helpers/cap-xsd';

const sent = new Date('2026-11-30T10:00:00Z');
const expires = new Date('2026-12-01T10:00:00Z');

function input(over: Partial<AlertMessageInput> = {}): AlertMessageInput {
  return {
    alert: { id: '6c1d7a1e-3a3b-4c55-9d1e-2f7f3a3b4c55', reference: 'GR-A-2026-0007', incidentId: 'urn:victor:incident:7a1e', countryCode: 'GR', tier: 'child_abduction', mode: 'actual', areaDesc: 'Thessaloniki', areaPolygons: ['40.6,22.9 40.7,22.9 40.7,23.0 40.6,22.9'], areaCircles: ['40.64,22.94 25'], areaCountries: ['GR'] },
    settings: { sender: 'alerts.gr@victor.example', senderName: 'Child alert desk Greece', hotline: '116000', repeatMinutes: 60 },
    reason: 'issued',
    seq: 1,
    sent,
    expires,
    languages: ['el', 'en'],
    content: {
      child: { name: 'Zoe Testopoulou', ageYears: 9, gender: 'female', description: 'Red jacket, blue backpack' },
      lastSeen: { at: '2026-11-30T08:00:00Z', place: 'Kalamaria bus stop' },
      suspect: 'Man in grey coat',
      vehicle: 'Silver hatchback',
      texts: {
        el: { headline: 'Απαγωγή παιδιού', description: 'Εθεάθη στην Καλαμαριά.', instruction: 'Καλέστε αμέσως.' },
        en: { headline: 'Child abduction', description: 'Last seen in Kalamaria.', instruction: 'Call at once.' },
      },
    },
    photo: { id: '0f5c1d7a-3a3b-4c55-9d1e-2f7f3a3b4c55', mediaType: 'image/png', sizeBytes: 1234, sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d' },
    references: [],
    baseUrl: 'https://victor.example',
    ...over,
  };
}

const earlier: CapReference[] = [{ sender: 'alerts.gr@victor.example', identifier: buildMessageIdentifier('GR', 'GR-A-2026-0007', 1), sent: formatCapTime(sent) }];

describe('alert message builder', () => {
  it('builds the issued Alert with one info per language, CAE, photo with digest, hotline and area', () => {
    const cap = buildAlertMessage(input());
    expect(cap.identifier).toBe('urn:victor:alert:gr:GR-A-2026-0007:1');
    expect(cap.identifier).not.toMatch(/[\s,<&]/);
    expect(cap).toMatchObject({ status: 'Actual', msgType: 'Alert', scope: 'Public', incidents: 'urn:victor:incident:7a1e', sent: '2026-11-30T10:00:00+00:00' });
    expect(cap.info.map((i) => i.language)).toEqual(['el', 'en']);
    const en = cap.info[1]!;
    expect(en).toMatchObject({ category: ['Rescue'], event: 'Child Abduction', responseType: ['Monitor'], urgency: 'Immediate', severity: 'Severe', certainty: 'Likely', contact: '116000', web: 'https://victor.example/child-alerts/6c1d7a1e-3a3b-4c55-9d1e-2f7f3a3b4c55' });
    expect(en.eventCode).toEqual([{ valueName: 'SAME', value: 'CAE' }, { valueName: 'victor:tier', value: 'child_abduction' }]);
    expect(en.description).toContain('Zoe Testopoulou');
    expect(en.description).toContain('Silver hatchback');
    expect(en.resource[0]).toMatchObject({ mimeType: 'image/png', size: 1234, digest: 'a9993e364706816aba3e25717850c26c9cd0d89d', uri: 'https://victor.example/child-alerts/photos/0f5c1d7a-3a3b-4c55-9d1e-2f7f3a3b4c55' });
    expect(en.parameter).toContainEqual({ valueName: 'victor:repeatMinutes', value: '60' });
    expect(en.area[0]!.geocode).toEqual([{ valueName: 'ISO3166-1', value: 'GR' }]);
    expect(cap.info[0]!.event).toBe('Απαγωγή παιδιού');
  });

  it('drills carry status Exercise / Test', () => {
    expect(buildAlertMessage(input({ alert: { ...input().alert, mode: 'exercise' } })).status).toBe('Exercise');
    expect(buildAlertMessage(input({ alert: { ...input().alert, mode: 'test' } })).status).toBe('Test');
  });

  it('endangered-missing alerts have no SAME CAE code', () => {
    const cap = buildAlertMessage(input({ alert: { ...input().alert, tier: 'endangered_missing' } }));
    expect(cap.info[0]!.eventCode).toEqual([{ valueName: 'victor:tier', value: 'endangered_missing' }]);
    expect(cap.info[1]!.event).toBe('Endangered Missing Child');
  });

  it('closing messages are Cancel, reference every earlier message and carry no personal data or photo', () => {
    const cap = buildAlertMessage(input({ reason: 'resolved', seq: 2, content: null, photo: null, references: earlier }));
    expect(cap.msgType).toBe('Cancel');
    expect(cap.references).toBe(`alerts.gr@victor.example,urn:victor:alert:gr:GR-A-2026-0007:1,2026-11-30T10:00:00+00:00`);
    expect(cap.info[1]).toMatchObject({ responseType: ['AllClear'], headline: 'Child found — alert ended', resource: [] });
    const xml = serializeCapAlert(cap);
    expect(xml).not.toContain('Zoe');
  });

  it('the redacted variant keeps identity but drops name, description and photo', () => {
    const original = buildAlertMessage(input());
    const redacted = buildRedactedMessage(input());
    expect(redacted.identifier).toBe(original.identifier);
    expect(redacted.sent).toBe(original.sent);
    const xml = serializeCapAlert(redacted);
    expect(xml).not.toMatch(/Zoe|Testopoulou|Red jacket|Silver hatchback|photos\//);
    expect(xml).toContain('This alert has ended.');
  });

  it('pre-alerts are Restricted with a restriction naming the desks', () => {
    const cap = buildAlertMessage(input({ reason: 'pre_alert', photo: null, restrictedTo: ['BG', 'MK'] }));
    expect(cap.scope).toBe('Restricted');
    expect(cap.restriction).toBe('Pre-alert for the child-alert desks of BG, MK');
  });

  it('every state validates with the child-alert profile and against the official XSD', async () => {
    const cases: { reason: AlertMessageReason; over: Partial<AlertMessageInput>; requirePhoto: boolean; earlier: CapReference[] }[] = [
      { reason: 'issued', over: {}, requirePhoto: true, earlier: [] },
      { reason: 'updated', over: { seq: 2, references: earlier }, requirePhoto: true, earlier },
      { reason: 'extended', over: { seq: 2, references: earlier }, requirePhoto: true, earlier },
      { reason: 'resolved', over: { seq: 2, references: earlier, content: null, photo: null }, requirePhoto: false, earlier },
      { reason: 'cancelled', over: { seq: 2, references: earlier, content: null, photo: null }, requirePhoto: false, earlier },
      { reason: 'expired', over: { seq: 2, references: earlier, content: null, photo: null }, requirePhoto: false, earlier },
      { reason: 'pre_alert', over: { photo: null, restrictedTo: ['BG'] }, requirePhoto: false, earlier: [] },
    ];
    const docs: string[] = [];
    for (const c of cases) {
      for (const mode of ['actual', 'exercise'] as const) {
        const cap = buildAlertMessage(input({ ...c.over, reason: c.reason, alert: { ...input().alert, mode } }));
        const v = validateCapAlert(cap, { profile: { hotline: '116000', earlier: c.earlier, requirePhoto: c.requirePhoto, maxExpires: formatCapTime(expires) } });
        expect(v.issues.filter((i) => i.severity === 'error'), `${c.reason}/${mode}`).toEqual([]);
        docs.push(serializeCapAlert(cap));
      }
      const redacted = buildRedactedMessage(input({ ...c.over, reason: c.reason }));
      expect(validateCapAlert(redacted).valid, `${c.reason} redacted`).toBe(true);
      docs.push(serializeCapAlert(redacted));
    }
    const results = await validateManyAgainstCapXsd(docs);
    expect(results.filter((r) => !r.valid).flatMap((r) => r.errors)).toEqual([]);
  });

  it('CAP times are whole seconds', () => {
    expect(capInstant(new Date('2026-11-30T10:00:00.987Z')).toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });

  it('random alerts build messages that pass the profile and the official XSD', async () => {
    const text = fc.string({ minLength: 1, maxLength: 60 }).map((x) => [...x].filter((ch) => ch.charCodeAt(0) >= 0x20 && !/[\ud800-\udfff\ufffe\uffff]/.test(ch)).join('').trim() || 'x');
    const langs = fc.subarray(['en', 'el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru'], { minLength: 1 });
    const reasons: AlertMessageReason[] = ['issued', 'updated', 'extended', 'repeated', 'resolved', 'cancelled', 'expired', 'pre_alert'];
    const arb = fc.record({
      languages: langs,
      name: text,
      place: text,
      desc: text,
      suspect: fc.option(text, { nil: null }),
      tier: fc.constantFrom('child_abduction' as const, 'endangered_missing' as const),
      mode: fc.constantFrom('actual' as const, 'exercise' as const, 'test' as const),
      reason: fc.constantFrom(...reasons),
      seq: fc.integer({ min: 1, max: 30 }),
      age: fc.option(fc.integer({ min: 0, max: 17 }), { nil: null }),
      lat: fc.double({ min: -89, max: 89, noNaN: true }),
      lon: fc.double({ min: -179, max: 179, noNaN: true }),
    });
    const samples = fc.sample(arb, { numRuns: 60, seed: 6 });
    const docs: string[] = [];
    for (const r of samples) {
      const live = !['resolved', 'cancelled', 'expired'].includes(r.reason);
      const refs = r.reason === 'issued' || r.reason === 'pre_alert' ? [] : earlier;
      const cap = buildAlertMessage(input({
        alert: { ...input().alert, tier: r.tier, mode: r.mode, areaDesc: r.place, areaCircles: [`${r.lat.toFixed(4)},${r.lon.toFixed(4)} 10`], areaPolygons: [] },
        reason: r.reason,
        seq: refs.length > 0 ? Math.max(2, r.seq) : r.seq,
        languages: r.languages,
        references: refs,
        restrictedTo: ['BG'],
        photo: live && r.reason !== 'pre_alert' ? input().photo : null,
        content: live ? { child: { name: r.name, ageYears: r.age, gender: 'unknown', description: r.desc }, lastSeen: { at: '2026-11-30T08:00:00Z', place: r.place }, suspect: r.suspect, vehicle: null, texts: Object.fromEntries(r.languages.map((l) => [l, { headline: r.name, description: r.desc, instruction: r.place }])) } : null,
      }));
      const v = validateCapAlert(cap, { profile: { hotline: '116000', earlier: refs, requirePhoto: live && r.reason !== 'pre_alert', maxExpires: formatCapTime(expires) } });
      expect(v.issues.filter((i) => i.severity === 'error'), JSON.stringify(r)).toEqual([]);
      docs.push(serializeCapAlert(cap));
    }
    const results = await validateManyAgainstCapXsd(docs);
    expect(results.filter((x) => !x.valid).flatMap((x) => x.errors)).toEqual([]);
  });
});
