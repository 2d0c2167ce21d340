/**
 * Conformance against the outside world: every file of ../shared/reference/cap/ must get exactly the
 * verdict of its expected.json (schema validity ↔ layer 1, conformance ↔ layers 1+2, refusal before
 * any entity parsing, CAP 1.1/1.0 handling, feeds, EDXL-DE), and the official XSD (xmllint) must agree.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCapDocument } from '../../../src/domain/alerts/cap/cap-document';
import { parseCapXml } from '../../../src/domain/alerts/cap/cap-parse';
import { serializeCapAlert } from '../../../src/domain/alerts/cap/cap-serialize';
import { parseAtomFeed } from '../../../src/domain/alerts/feed/atom-parse';
import { parseEdxlDe } from '../../../src/domain/alerts/feed/edxl-parse';
import { validateCapAlert } from '../../../src/domain/alerts/cap/cap-validate';
import { CAP_REFERENCE_DIR, validateManyAgainstCapXsd } from '../../helpers/cap-xsd';

interface Expected {
  version?: '1.2' | '1.1' | '1.0';
  kind?: 'atom' | 'rss' | 'edxl-de';
  xsd?: 'pass' | 'fail';
  conformant?: boolean;
  reject?: boolean;
  valid_cap11?: boolean;
  valid_cap10?: boolean;
  valid_feed?: boolean;
  valid?: boolean;
}

const expected = (JSON.parse(readFileSync(join(CAP_REFERENCE_DIR, 'expected.json'), 'utf8')) as { files: Record<string, Expected> }).files;
const entries = Object.entries(expected);
const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(join(CAP_REFERENCE_DIR, file)));

/** Files in the corpus that are not documents (licences, certificates) or have no verdict upstream. */
const NOT_DOCUMENTS = /(^|\/)(LICENSE|NOTICE)$|\.pem$/;
const EXTRA_WITHOUT_VERDICT = ['corpus/google-cap-library/weather_invalid.atom'];

function listCorpus(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listCorpus(full) : [relative(CAP_REFERENCE_DIR, full)];
  });
}

describe('CAP corpus coverage', () => {
  it('has a verdict for every document in the corpus directory (no silent skip)', () => {
    const docs = listCorpus(join(CAP_REFERENCE_DIR, 'corpus')).filter((f) => !NOT_DOCUMENTS.test(f));
    const missing = docs.filter((f) => !(f in expected) && !EXTRA_WITHOUT_VERDICT.includes(f));
    expect(missing).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(40);
    for (const f of Object.keys(expected)) expect(docs, f).toContain(f);
  });

  it('checks the one corpus file without an upstream verdict on its own terms: weather_invalid.atom', () => {
    const r = parseAtomFeed(bytesOf(EXTRA_WITHOUT_VERDICT[0] as string));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const inline = r.feed.entries[0]?.inlineCap;
    expect(inline?.ok).toBe(true);
    if (!inline?.ok) return;
    const v = validateCapAlert(inline.alert, { version: inline.version });
    expect(v.valid).toBe(false);
    expect(v.issues.map((i) => i.code)).toContain('CAP_IDENTIFIER_CHARS');
  });
});

describe.each(entries.filter(([, e]) => e.version === '1.2'))('CAP 1.2 %s', (file, e) => {
  it(`gets xsd=${e.xsd}, conformant=${e.conformant}${e.reject ? ', refused' : ''}`, () => {
    const bytes = bytesOf(file);
    const lenient = checkCapDocument(bytes, { lenient: true });
    const strict = checkCapDocument(bytes);
    if (e.reject) {
      expect(strict.rejected).toBe(true);
      expect(lenient.rejected).toBe(true);
      expect(strict.issues[0]?.layer).toBe('xml');
      return;
    }
    expect(lenient.parsed).toBe(true);
    expect(lenient.version).toBe('1.2');
    expect(lenient.structureValid).toBe(e.xsd === 'pass');
    expect(lenient.valid).toBe(e.conformant);
    // Strict mode reads every schema-valid 1.2 document and refuses the others.
    expect(strict.parsed).toBe(e.xsd === 'pass');
    expect(strict.valid).toBe(e.conformant);
    if (!e.conformant) expect(lenient.issues.some((i) => i.severity === 'error')).toBe(true);
  });

  if (!e.reject && e.xsd === 'pass') {
    it('round-trips parse → serialize → parse without losing a field', () => {
      const first = parseCapXml(bytesOf(file));
      expect(first.ok).toBe(true);
      if (!first.ok) return;
      const second = parseCapXml(serializeCapAlert(first.alert));
      expect(second.ok).toBe(true);
      if (second.ok) expect(second.alert).toEqual(first.alert);
    });
  }
});

describe.each(entries.filter(([, e]) => e.version === '1.1' || e.version === '1.0'))('CAP %s (older version)', (file, e) => {
  const wanted = e.version === '1.1' ? e.valid_cap11 : e.valid_cap10;
  it(`strict refuses it, lenient reads it, valid under CAP ${e.version} rules = ${wanted}`, () => {
    const bytes = bytesOf(file);
    const strict = parseCapXml(bytes);
    expect(strict.ok).toBe(false);
    if (!strict.ok) {
      const text = Buffer.from(bytes).toString('latin1');
      const hasStylesheet = text.includes('<?xml-stylesheet');
      expect(strict.issues.map((i) => i.code)).toContain(hasStylesheet ? 'CAP_PI_FORBIDDEN' : 'CAP_WRONG_NAMESPACE');
    }
    const lenient = parseCapXml(bytes, { lenient: true });
    expect(lenient.ok).toBe(true);
    if (!lenient.ok) return;
    expect(lenient.version).toBe(e.version);
    expect(lenient.warnings.map((w) => w.code)).toContain('CAP_OLD_VERSION');
    expect(checkCapDocument(bytes, { lenient: true }).valid).toBe(wanted);
  });
});

describe.each(entries.filter(([, e]) => e.kind === 'atom' || e.kind === 'rss'))('feed %s', (file, e) => {
  it(e.reject ? 'is refused before parsing' : `valid_feed = ${e.valid_feed}`, () => {
    const r = parseAtomFeed(bytesOf(file));
    if (e.reject) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.rejected).toBe(true);
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.feed.kind).toBe(e.kind);
    expect(r.valid).toBe(e.valid_feed);
    if (e.valid_feed) for (const entry of r.feed.entries) expect(entry.capUrl ?? entry.capXml).toBeTruthy();
  });
});

describe('EDXL-DE envelopes', () => {
  it('bushfire_valid.edxlde unwraps to 7 valid CAP 1.2 alerts', () => {
    const r = parseEdxlDe(bytesOf('corpus/google-cap-library/bushfire_valid.edxlde'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.alerts).toHaveLength(7);
    expect(r.alerts.every((a) => a.version === '1.2' && a.valid)).toBe(true);
    expect(r.valid).toBe(true);
  });

  it('bushfire_invalid.edxlde does not validate', () => {
    const r = parseEdxlDe(bytesOf('corpus/google-cap-library/bushfire_invalid.edxlde'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(expected['corpus/google-cap-library/bushfire_invalid.edxlde']?.valid).toBe(false);
    expect(r.valid).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain('EDXL_INVALID_ALERT');
  });
});

describe('official XSD (xmllint-wasm) agrees with expected.json', () => {
  it('gives the xsd verdict for every CAP document', async () => {
    const docs = entries.filter(([, e]) => e.version !== undefined && !e.reject);
    const results = await validateManyAgainstCapXsd(docs.map(([f]) => bytesOf(f)));
    docs.forEach(([file, e], i) => {
      // CAP 1.1 / 1.0 documents are never valid against the 1.2 schema (other namespace).
      const want = e.version === '1.2' ? e.xsd === 'pass' : false;
      expect(results[i]?.valid, file).toBe(want);
    });
  }, 60_000);
});
