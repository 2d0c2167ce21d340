import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { seedDemoNetwork } from '../../../src/services/seed.service';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();

beforeAll(async () => {
  await seedDemoNetwork(t.ctx);
});

describe('the demo missing-child cases', () => {
  it('are three invented cases made through the services: GR missing with a photo, RO found, BG referred abroad', async () => {
    const rows = await queryRows<{ country_code: string; kind: string; priority: string; missing_type: string; missing_status: string; found_outcome: string | null; photo_document_id: string | null; reported_police: boolean; reported_sis: boolean; suspected_countries: string[]; description_enc: string }>(
      t.ctx.database.db,
      sql`SELECT c.country_code, c.kind, c.priority, r.missing_type, r.missing_status, r.found_outcome, r.photo_document_id, r.reported_police, r.reported_sis, r.suspected_countries, r.description_enc FROM missing_child_reports r JOIN cases c ON c.id = r.case_id ORDER BY c.opened_at DESC`,
    );
    expect(rows.map((r) => [r.country_code, r.missing_type, r.missing_status])).toEqual([
      ['GR', 'criminal_abduction', 'missing'],
      ['RO', 'runaway', 'found'],
      ['BG', 'missing_migration', 'missing'],
    ]);
    const [gr, ro, bg] = rows;
    expect(gr).toMatchObject({ kind: 'missing_child', priority: 'urgent', reported_police: true, reported_sis: true });
    expect(gr!.photo_document_id).not.toBeNull();
    expect(ro!.found_outcome).toBe('returned_home');
    expect(bg!.suspected_countries).toContain('RO');
    for (const r of rows) expect(r.description_enc.startsWith('enc1:')).toBe(true);
    const photo = await queryRows<{ media_type: string; kind: string }>(t.ctx.database.db, sql`SELECT media_type, kind FROM case_documents WHERE id = ${gr!.photo_document_id}`);
    expect(photo[0]).toMatchObject({ media_type: 'image/png', kind: 'identity' });
    const handoffs = await queryRows<{ to_country_code: string }>(t.ctx.database.db, sql`SELECT h.to_country_code FROM handoffs h JOIN cases c ON c.id = h.from_case_id WHERE c.kind = 'missing_child'`);
    expect(handoffs).toEqual([{ to_country_code: 'RO' }]);
  });
});
