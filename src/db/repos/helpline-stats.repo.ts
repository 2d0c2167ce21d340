/** Aggregates over contacts for the wallboard and the helpline KPIs (SQL does the counting). */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../database';

/** Contacts per channel and local hour since `dayStart`, for one desk. */
export async function countTodayByChannelHour(db: Db, organisationId: string, dayStart: Date, timeZone: string) {
  const rows = await queryRows<{ channel: string; hour: number; n: number }>(
    db,
    sql`SELECT channel, extract(hour FROM started_at AT TIME ZONE ${timeZone})::int AS hour, count(*)::int AS n
        FROM contacts WHERE organisation_id = ${organisationId} AND started_at >= ${dayStart.toISOString()}::timestamptz AND status <> 'discarded'
        GROUP BY 1, 2 ORDER BY 2, 1`,
  );
  return rows.map((r) => ({ channel: r.channel, hour: Number(r.hour), count: Number(r.n) }));
}

/** Today's totals and the open queue/drafts of one desk. */
export async function countDeskTotals(db: Db, organisationId: string, dayStart: Date) {
  const [row] = await queryRows<{ total: number; completed: number; thb: number; non_data: number; queued: number; drafts: number }>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE started_at >= ${dayStart.toISOString()}::timestamptz)::int AS total,
          count(*) FILTER (WHERE started_at >= ${dayStart.toISOString()}::timestamptz AND status = 'completed')::int AS completed,
          count(*) FILTER (WHERE started_at >= ${dayStart.toISOString()}::timestamptz AND is_thb)::int AS thb,
          count(*) FILTER (WHERE started_at >= ${dayStart.toISOString()}::timestamptz AND non_data_type IS NOT NULL)::int AS non_data,
          count(*) FILTER (WHERE status = 'queued')::int AS queued,
          count(*) FILTER (WHERE status = 'draft')::int AS drafts
        FROM contacts WHERE organisation_id = ${organisationId} AND status <> 'discarded' AND (started_at >= ${dayStart.toISOString()}::timestamptz OR status IN ('queued', 'draft'))`,
  );
  return {
    total: Number(row?.total ?? 0),
    completed: Number(row?.completed ?? 0),
    thb: Number(row?.thb ?? 0),
    nonData: Number(row?.non_data ?? 0),
    queued: Number(row?.queued ?? 0),
    openDrafts: Number(row?.drafts ?? 0),
  };
}

/**
 * Operators on duty at a desk: members with a logging role who were active in the last 15 minutes
 * or hold an open draft, with their open drafts and contacts handled today.
 */
export async function listOperatorsOnDuty(db: Db, organisationId: string, roles: readonly string[], dayStart: Date) {
  const roleList = sql.join(roles.map((r) => sql`${r}`), sql`, `);
  const rows = await queryRows<{ id: string; display_name: string; drafts: number; handled: number }>(
    db,
    sql`SELECT u.id, u.display_name,
          (SELECT count(*) FROM contacts c WHERE c.organisation_id = ${organisationId} AND c.operator_user_id = u.id AND c.status = 'draft')::int AS drafts,
          (SELECT count(*) FROM contacts c WHERE c.organisation_id = ${organisationId} AND c.operator_user_id = u.id AND c.status = 'completed'
             AND c.started_at >= ${dayStart.toISOString()}::timestamptz)::int AS handled
        FROM users u
        WHERE u.status = 'active'
          AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organisation_id = ${organisationId} AND m.role IN (${roleList}))
          AND (EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id AND s.expires_at > now() AND s.last_seen_at > now() - interval '15 minutes')
               OR EXISTS (SELECT 1 FROM contacts c WHERE c.organisation_id = ${organisationId} AND c.operator_user_id = u.id AND c.status = 'draft'))
        ORDER BY u.display_name`,
  );
  return rows.map((r) => ({ userId: r.id, displayName: r.display_name, openDrafts: Number(r.drafts), handledToday: Number(r.handled) }));
}

/** The desk's oldest open draft. */
export async function findLongestOpenDraft(db: Db, organisationId: string) {
  const [row] = await queryRows<{ id: string; reference: string; started_at: string | Date; display_name: string | null }>(
    db,
    sql`SELECT c.id, c.reference, c.started_at, u.display_name FROM contacts c LEFT JOIN users u ON u.id = c.operator_user_id
        WHERE c.organisation_id = ${organisationId} AND c.status = 'draft' ORDER BY c.started_at ASC LIMIT 1`,
  );
  return row ? { contactId: row.id, reference: row.reference, startedAt: new Date(row.started_at).toISOString(), operatorName: row.display_name } : null;
}

/** KPI aggregates per channel over contacts matching `where`. */
export async function aggregateKpisByChannel(db: Db, where: SQL) {
  const rows = await queryRows<{ channel: string; offered: number; handled: number; abandoned: number; avg_handle: number | null }>(
    db,
    sql`SELECT channel, count(*)::int AS offered,
          count(*) FILTER (WHERE status = 'completed')::int AS handled,
          count(*) FILTER (WHERE status = 'abandoned')::int AS abandoned,
          avg(handle_seconds) FILTER (WHERE status = 'completed' AND non_data_type IS NULL)::float8 AS avg_handle
        FROM contacts WHERE ${where} AND status <> 'discarded' GROUP BY channel ORDER BY channel`,
  );
  return rows.map((r) => ({ channel: r.channel, offered: Number(r.offered), handled: Number(r.handled), abandoned: Number(r.abandoned), avgHandleSeconds: r.avg_handle === null ? null : Number(r.avg_handle) }));
}

/** Overall KPI aggregates over contacts matching `where`. */
export async function aggregateKpiTotals(db: Db, where: SQL) {
  const [row] = await queryRows<Record<string, number | null>>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE status = 'completed')::int AS handled,
          avg(handle_seconds) FILTER (WHERE status = 'completed' AND non_data_type IS NULL)::float8 AS avg_handle,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY handle_seconds) FILTER (WHERE status = 'completed' AND non_data_type IS NULL)::float8 AS median_handle,
          count(*) FILTER (WHERE status = 'completed' AND is_thb)::int AS thb,
          count(*) FILTER (WHERE status = 'completed' AND non_data_type IS NOT NULL)::int AS non_data,
          count(*) FILTER (WHERE out_of_hours)::int AS out_of_hours,
          count(police_notified_at)::int AS police,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM police_notified_at - started_at) / 60) FILTER (WHERE police_notified_at IS NOT NULL)::float8 AS police_minutes,
          count(nrm_notified_at)::int AS nrm,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM nrm_notified_at - started_at) / 60) FILTER (WHERE nrm_notified_at IS NOT NULL)::float8 AS nrm_minutes
        FROM contacts WHERE ${where} AND status <> 'discarded'`,
  );
  const num = (k: string) => (row?.[k] === null || row?.[k] === undefined ? null : Number(row[k]));
  return {
    handled: num('handled') ?? 0,
    avgHandleSeconds: num('avg_handle'),
    medianHandleSeconds: num('median_handle'),
    thb: num('thb') ?? 0,
    nonData: num('non_data') ?? 0,
    outOfHours: num('out_of_hours') ?? 0,
    police: num('police') ?? 0,
    policeMinutes: num('police_minutes'),
    nrm: num('nrm') ?? 0,
    nrmMinutes: num('nrm_minutes'),
  };
}
