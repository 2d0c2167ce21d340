import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { seedDemoNetwork } from '../../../src/services/seed.service';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();

beforeAll(async () => {
  await seedDemoNetwork(t.ctx);
});

describe('the demo child alerts', () => {
  it('configures the eight partner countries, flagged for review', async () => {
    const rows = await queryRows<{ country_code: string; enabled: boolean; needs_review: boolean; languages: string[] }>(t.ctx.database.db, sql`SELECT country_code, enabled, needs_review, languages FROM alert_country_settings ORDER BY country_code`);
    expect(rows.map((r) => r.country_code)).toEqual(['BG', 'GR', 'HU', 'MD', 'RO', 'RS', 'SI', 'UA']);
    expect(rows.every((r) => r.enabled && r.needs_review)).toBe(true);
    expect(rows.find((r) => r.country_code === 'MD')!.languages).toEqual(['ro', 'ru', 'en']);
  });

  it('runs invented alerts through the services: issued (linked case), resolved, drill, draft, withdrawn, pre-alert to BG', async () => {
    const alerts = await queryRows<{ id: string; status: string; mode: string; case_id: string | null; drafted_by: string; approved_by: string | null; redacted_at: Date | null }>(t.ctx.database.db, sql`SELECT id, status, mode, case_id, drafted_by, approved_by, redacted_at FROM alerts ORDER BY created_at`);
    expect(alerts.map((a) => [a.status, a.mode])).toEqual([['issued', 'actual'], ['resolved', 'actual'], ['issued', 'exercise'], ['draft', 'actual'], ['cancelled', 'actual']]);
    const [live, resolved] = alerts;
    expect(live!.case_id).not.toBeNull();
    // The issued alert's photo was copied from the linked case (same bytes).
    const [same] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM alert_resources r JOIN missing_child_reports m ON m.case_id = ${live!.case_id} JOIN case_documents d ON d.id = m.photo_document_id WHERE r.alert_id = ${live!.id} AND r.sha256 = d.sha256 AND r.content_enc IS NOT NULL`);
    expect(Number(same!.n)).toBe(1);
    expect(live!.approved_by).not.toBe(live!.drafted_by);
    expect(resolved!.redacted_at).not.toBeNull();
    const pre = await queryRows<{ to_country_code: string; alert_id: string }>(t.ctx.database.db, sql`SELECT to_country_code, alert_id FROM alert_pre_alerts`);
    expect(pre).toEqual([{ to_country_code: 'BG', alert_id: live!.id }]);
    const publicMessages = await queryRows<{ alert_id: string; msg_type: string }>(t.ctx.database.db, sql`SELECT alert_id, msg_type FROM alert_messages WHERE public ORDER BY alert_id, seq`);
    expect(publicMessages.filter((m) => m.alert_id === alerts[2]!.id)).toEqual([]);
    expect(publicMessages.some((m) => m.alert_id === live!.id && m.msg_type === 'Alert')).toBe(true);
    const photo = await queryRows<{ content_enc: string | null }>(t.ctx.database.db, sql`SELECT content_enc FROM alert_resources WHERE alert_id = ${resolved!.id}`);
    expect(photo.every((p) => p.content_enc === null)).toBe(true);
  });
});
