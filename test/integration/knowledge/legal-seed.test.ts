import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { findInstrumentBySlug } from '../../../src/db/repos/legal-instrument.repo';
import { COUNTRIES } from '../../../src/db/seed/network.data';
import { EU_MEMBER_STATES, LEGAL_INSTRUMENTS } from '../../../src/db/seed/legal-instruments.data';
import { inTransaction, SYSTEM_ACTOR } from '../../../src/services/context';
import { ensureLegalInstruments } from '../../../src/services/legal-instrument-seed.service';
import { setInstrumentStatus, updateInstrument } from '../../../src/services/legal-instrument.service';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();
const db = () => t.ctx.database.db;
const count = async (table: 'legal_instruments' | 'legal_instrument_status') =>
  Number((await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n);

describe('reference legal instruments (seeded at every start)', () => {
  it('loads the instruments the issue lists, with the facts we are sure of', async () => {
    expect(await count('legal_instruments')).toBe(LEGAL_INSTRUMENTS.length);
    const expected: [string, string, string | null, string | null][] = [
      ['un-palermo-protocol', 'international', '2000-11-15', '2003-12-25'],
      ['coe-convention-action-against-thb', 'council_of_europe', '2005-05-16', '2008-02-01'],
      ['eu-directive-2011-36', 'eu', '2011-04-05', null],
      ['eu-directive-2024-1712', 'eu', '2024-06-13', null],
      ['un-convention-rights-of-the-child', 'international', '1989-11-20', '1990-09-02'],
      ['un-crc-optional-protocol-sale-of-children', 'international', '2000-05-25', '2002-01-18'],
      ['coe-lanzarote-convention', 'council_of_europe', '2007-10-25', '2010-07-01'],
      ['ilo-c182-worst-forms-of-child-labour', 'international', '1999-06-17', '2000-11-19'],
      ['hague-1980-child-abduction-convention', 'international', '1980-10-25', '1983-12-01'],
    ];
    for (const [slug, kind, adoptedOn, inForceOn] of expected) {
      const row = await findInstrumentBySlug(db(), slug);
      expect(row, slug).toMatchObject({ kind, adoptedOn, inForceOn, countryCode: null, version: 1 });
      expect(row!.summaries.en, slug).toBeTruthy();
      expect(row!.officialUrl, slug).toMatch(/^https:\/\/(treaties\.un\.org|www\.coe\.int|eur-lex\.europa\.eu|www\.ilo\.org|www\.hcch\.net)\//);
    }
    expect((await findInstrumentBySlug(db(), 'coe-convention-action-against-thb'))!.reference).toBe('CETS No. 197');
    expect((await findInstrumentBySlug(db(), 'coe-lanzarote-convention'))!.reference).toBe('CETS No. 201');
  });

  it('seeds no national instrument and no country fact: every country row is flagged, without dates', async () => {
    const [nationals] = await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM legal_instruments WHERE kind = 'national'`);
    expect(Number(nationals!.n)).toBe(0);
    expect(await count('legal_instrument_status')).toBe(LEGAL_INSTRUMENTS.length * COUNTRIES.length);
    const rows = await queryRows<{ kind: string; country_code: string; status: string; needs_review: boolean; dated: boolean }>(
      db(),
      sql`SELECT i.kind, s.country_code, s.status, s.needs_review, (s.signed_on IS NOT NULL OR s.ratified_on IS NOT NULL OR s.in_force_on IS NOT NULL OR s.source_url IS NOT NULL) AS dated
          FROM legal_instrument_status s JOIN legal_instruments i ON i.id = s.instrument_id`,
    );
    expect(rows.every((r) => r.needs_review && !r.dated)).toBe(true);
    for (const r of rows) {
      const expected = r.kind === 'eu' && !EU_MEMBER_STATES.includes(r.country_code) ? 'not_applicable' : 'unknown';
      expect(r.status, `${r.kind} ${r.country_code}`).toBe(expected);
    }
    expect(rows.filter((r) => r.status === 'not_applicable').map((r) => r.country_code)).toContain('UA');
  });

  it('is idempotent and never overwrites what a desk edited', async () => {
    const palermo = (await findInstrumentBySlug(db(), 'un-palermo-protocol'))!;
    await updateInstrument(t.ctx, SYSTEM_ACTOR, palermo.id, { version: 1, title: 'Palermo Protocol (edited by the desk)', summaries: { en: 'Edited.' } });
    await setInstrumentStatus(t.ctx, SYSTEM_ACTOR, palermo.id, 'GR', { status: 'ratified', signedOn: null, ratifiedOn: '2010-01-11', inForceOn: null, note: null, sourceUrl: null, needsReview: false });
    const statusesBefore = await count('legal_instrument_status');

    await inTransaction(t.ctx, (tx) => ensureLegalInstruments(tx));
    await inTransaction(t.ctx, (tx) => ensureLegalInstruments(tx));

    expect(await count('legal_instruments')).toBe(LEGAL_INSTRUMENTS.length);
    expect(await count('legal_instrument_status')).toBe(statusesBefore);
    expect(await findInstrumentBySlug(db(), 'un-palermo-protocol')).toMatchObject({ title: 'Palermo Protocol (edited by the desk)', summaries: { en: 'Edited.' }, version: 2 });
    const [gr] = await queryRows<{ status: string; ratified_on: string; needs_review: boolean }>(
      db(),
      sql`SELECT status, ratified_on::text AS ratified_on, needs_review FROM legal_instrument_status WHERE instrument_id = ${palermo.id} AND country_code = 'GR'`,
    );
    expect(gr).toMatchObject({ status: 'ratified', ratified_on: '2010-01-11', needs_review: false });
  });

  it('adds the status rows of a country that joins the network later', async () => {
    await db().execute(sql`INSERT INTO countries (code, name) VALUES ('XK', 'Test country') ON CONFLICT DO NOTHING`);
    await inTransaction(t.ctx, (tx) => ensureLegalInstruments(tx));
    const [row] = await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM legal_instrument_status WHERE country_code = 'XK' AND status = 'unknown' AND needs_review`);
    expect(Number(row!.n)).toBe(LEGAL_INSTRUMENTS.filter((i) => i.kind !== 'eu').length);
  });
});
