/**
 * Property tests: every alert Victor can serialize validates against the official CAP 1.2 schema and
 * Victor's validator (layers 1–2), and parse → serialize → parse preserves every field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCapXml } from '../../../src/domain/alerts/cap/cap-parse';
import { serializeCapAlert } from '../../../src/domain/alerts/cap/cap-serialize';
import type { CapAlert } from '../../../src/domain/alerts/cap/cap-model';
import { validateCapAlert } from '../../../src/domain/alerts/cap/cap-validate';
import { arbitraryCapAlert } from '../../helpers/cap-arbitraries';
import { validateManyAgainstCapXsd } from '../../helpers/cap-xsd';

describe('CAP round trip (fast-check)', () => {
  it('generated alerts pass validator layers 1–2', () => {
    fc.assert(
      fc.property(arbitraryCapAlert, (alert) => {
        const v = validateCapAlert(alert);
        expect(v.issues.filter((i) => i.severity === 'error')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('parse(serialize(alert)) deep-equals the alert, and serialize is stable', () => {
    fc.assert(
      fc.property(arbitraryCapAlert, (alert) => {
        const xml = serializeCapAlert(alert);
        const parsed = parseCapXml(xml);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        expect(parsed.version).toBe('1.2');
        expect(parsed.warnings).toEqual([]);
        expect(parsed.alert).toEqual(alert);
        expect(serializeCapAlert(parsed.alert)).toBe(xml);
      }),
      { numRuns: 300 },
    );
  });

  it('breaking a section-3 rule in any generated alert is detected with its code', () => {
    const breakers: [string, (a: CapAlert) => CapAlert | null][] = [
      ['CAP_IDENTIFIER_CHARS', (a) => ({ ...a, identifier: `${a.identifier},x` })],
      ['CAP_SENDER_CHARS', (a) => ({ ...a, sender: `${a.sender} x` })],
      ['CAP_REFERENCES_EMPTY', (a) => ({ ...a, references: '' })],
      ['CAP_INVALID_TIME', (a) => ({ ...a, sent: a.sent.replace(/[+-]\d\d:\d\d$/, 'Z') })],
      ['CAP_POLYGON_NOT_CLOSED', (a) => {
        const i = a.info.findIndex((inf) => inf.area.some((ar) => ar.polygon.length > 0));
        if (i < 0) return null;
        const info = a.info.map((inf, k) => (k !== i ? inf : { ...inf, area: inf.area.map((ar) => ({ ...ar, polygon: ar.polygon.map((p) => `${p} 1.00005,1`) })) }));
        return { ...a, info };
      }],
    ];
    fc.assert(
      fc.property(arbitraryCapAlert, fc.constantFrom(...breakers), (alert, [code, breakIt]) => {
        const broken = breakIt(alert);
        if (broken === null) return;
        const v = validateCapAlert(broken);
        expect(v.valid).toBe(false);
        expect(v.issues.map((i) => i.code)).toContain(code);
      }),
      { numRuns: 300 },
    );
  });

  it('every serialized alert validates against the official CAP-v1.2.xsd', async () => {
    const alerts = fc.sample(arbitraryCapAlert, { numRuns: 200, seed: 4242 });
    const more = fc.sample(arbitraryCapAlert, 200);
    const all = [...alerts, ...more];
    const results = await validateManyAgainstCapXsd(all.map(serializeCapAlert));
    const failures = results
      .map((r, i) => ({ r, xml: serializeCapAlert(all[i]!) }))
      .filter(({ r }) => !r.valid)
      .slice(0, 3)
      .map(({ r, xml }) => `${r.errors.join('; ')}\n${xml.slice(0, 2000)}`);
    expect(failures).toEqual([]);
  }, 120_000);
});
